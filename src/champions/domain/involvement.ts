import type { RecordDoc } from '../../records/domain/record-doc.js';

/**
 * Involvement a champion logged at a check-in, as the reports and the champions' catch-up count it. Check-ins now make
 * an engagement record (`fromCheckInRecord`); answers logged before that are kept in the `Involvement` table, with
 * no category of engagement. `id` is per champion and cycle, so the same answer is one entry.
 */
export interface ChampionInvolvement {
  readonly id: string;
  readonly directorate: string;
  readonly projectName: string;
  readonly whatPatientsShaped: string;
  readonly rungId: string;
  readonly peopleCount: number;
  /** London date (YYYY-MM-DD) the answer was given. */
  readonly activityDate: string;
  readonly recordedBy: { readonly id: string; readonly name: string };
  readonly recordedAt: string;
  /** The category of engagement (check-ins that made an engagement record). */
  readonly category?: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A check-in's engagement record as the champion's logged involvement (undefined for a record logged by staff). */
export function fromCheckInRecord(doc: RecordDoc): ChampionInvolvement | undefined {
  if (!doc.origin) return undefined;
  return {
    id: doc.id,
    directorate: doc.directorate,
    projectName: text(doc.values.project),
    whatPatientsShaped: text(doc.values.shaped),
    rungId: text(doc.values.rung),
    peopleCount: typeof doc.values.people === 'number' ? doc.values.people : 0,
    activityDate: doc.date,
    recordedBy: doc.author,
    recordedAt: doc.createdAt,
    ...(doc.category ? { category: doc.category } : {}),
  };
}
