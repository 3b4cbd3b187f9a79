import type { FormValue, FormValues } from '../../forms/form-field.js';
import type { CheckInOrigin } from './check-in-record.js';

/** The evidence the PPI team reports on (seed 004 Appendices 3 and 4; "You said, we did"). */
export type RecordKind = 'engagement' | 'feedback' | 'yswd';

export interface Approval {
  readonly status: 'pending' | 'approved' | 'sent-back';
  readonly by?: { readonly id: string; readonly name: string };
  readonly at?: string;
  readonly comment?: string;
}

/**
 * One record: its kind, its date (London, YYYY-MM-DD: when the activity happened or the change was decided), the
 * directorate, and the answers to its form. Stored in the partition of its kind and month.
 */
export interface RecordDoc {
  readonly id: string;
  readonly kind: RecordKind;
  readonly date: string;
  readonly directorate: string;
  /** Engagement records: the category chosen first (its follow-up questions are part of the form). */
  readonly category?: string;
  readonly values: Readonly<Record<string, FormValue>>;
  readonly author: { readonly id: string; readonly name: string };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly revision: number;
  /** Engagement records a champion's check-in made (the form is the check-in's; reports count it once with the logs). */
  readonly origin?: CheckInOrigin;
  /** "You said, we did" items only: a PPI team member signs an item off before it can appear in a digest. */
  readonly approval?: Approval;
  /** Set when an edit moved the record to another month: where it was, and the revision it was moved from. */
  readonly movedFrom?: { readonly month: string; readonly revision: number };
}

export function monthOf(dateKey: string): string {
  return dateKey.slice(0, 7);
}

export function isApproved(doc: RecordDoc): boolean {
  return doc.approval?.status === 'approved';
}

/** The form's values from a stored record (date and directorate live on the record itself). */
export function valuesOf(doc: RecordDoc): FormValues {
  return {
    ...doc.values,
    date: doc.date,
    directorate: doc.directorate,
    ...(doc.origin && doc.category ? { category: doc.category } : {}),
  };
}
