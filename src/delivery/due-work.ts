/**
 * A unit of scheduled proactive work: "send `kind` to `targetId` for `cycle`, from `dueAt`". The triple
 * (kind, targetId, cycle) names one delivery: it is sent at most once, however often the work is found.
 */
export interface DueWork {
  readonly kind: string;
  readonly targetId: string;
  /** Which occurrence: e.g. the due date of a six-weekly nudge, or a digest's period. */
  readonly cycle: string;
  /** ISO instant from which it may be sent. */
  readonly dueAt: string;
}

export function deliveryKeyOf(work: DueWork): string {
  return `${work.kind}~${work.targetId}~${work.cycle}`;
}
