import { addLondonDays } from '../../calendar/london-time.js';
import type { ChampionInvolvement } from '../../champions/domain/involvement.js';
import type { RecordDoc } from '../../records/domain/record-doc.js';
import { referenceData } from '../../reference-data/reference-data.js';

/** How far before a champion logged involvement an engagement record can be the same event: one six-weekly cycle. */
export const SAME_EVENT_WINDOW_DAYS = 42;

export interface CategoryTotal {
  readonly id: string;
  readonly category: string;
  readonly activities: number;
  readonly people: number;
}

export interface PeopleReached {
  /**
   * Engagement records by category, with champions' check-in records that are not the same event as one of them;
   * then champions' earlier logs (no category) that are not.
   */
  readonly byCategory: readonly CategoryTotal[];
  /** Champions' logs that were the same event as an engagement record (counted once, from the record). */
  readonly sameEvents: number;
  readonly total: number;
}

export const CHAMPION_CATEGORY = 'champions';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A project name compared without case, spaces or punctuation ("Discharge lounge – phase 2" = "discharge lounge phase2"). */
export function sameProjectName(a: string, b: string): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return squash(a) !== '' && squash(a) === squash(b);
}

/**
 * "The same event": a champion's logged involvement and an engagement record are one event when both are for the
 * same directorate, name the same project (the record's project, or its request reference, compared as
 * `sameProjectName`), and the record is dated on or up to six weeks before the day the champion logged it (a
 * check-in covers the weeks since the last one). Each log matches at most one record, the closest in date (then
 * the lowest id), and each record at most one log. Returns record id by champion log id.
 */
export function matchSameEvents(
  engagement: readonly RecordDoc[],
  involvement: readonly ChampionInvolvement[],
): Map<string, string> {
  const matches = new Map<string, string>();
  const taken = new Set<string>();
  const logs = [...involvement].sort(
    (a, b) => a.activityDate.localeCompare(b.activityDate) || a.id.localeCompare(b.id),
  );
  for (const log of logs) {
    const earliest = addLondonDays(log.activityDate, -SAME_EVENT_WINDOW_DAYS);
    const candidates = engagement
      .filter(
        (r) =>
          !taken.has(r.id) &&
          r.directorate === log.directorate &&
          r.date >= earliest &&
          r.date <= log.activityDate &&
          [text(r.values.project), text(r.values.pirReference)].some((name) => sameProjectName(name, log.projectName)),
      )
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
    const chosen = candidates[0];
    if (chosen) {
      matches.set(log.id, chosen.id);
      taken.add(chosen.id);
    }
  }
  return matches;
}

/**
 * People reached in a period, by category, each event counted once: a champion's log that is the same event as an
 * engagement record is counted from the record; the others in their own category (a check-in's engagement record)
 * or, logged before check-ins asked for one, as "reported by partnership champions only".
 */
export function peopleReached(
  engagement: readonly RecordDoc[],
  involvement: readonly ChampionInvolvement[],
): PeopleReached {
  const matches = matchSameEvents(engagement, involvement);
  const own = involvement.filter((i) => !matches.has(i.id));
  const total = (id: string, category: string, docs: readonly RecordDoc[], logs: readonly ChampionInvolvement[]) => ({
    id,
    category,
    activities: docs.length + logs.length,
    people: docs.reduce((s, d) => s + num(d.values.people), 0) + logs.reduce((s, i) => s + i.peopleCount, 0),
  });
  const byCategory: CategoryTotal[] = referenceData.engagementCategories.map((c) =>
    total(
      c.id,
      c.label,
      engagement.filter((d) => d.category === c.id),
      own.filter((i) => i.category === c.id),
    ),
  );
  const known = new Set(referenceData.engagementCategories.map((c) => c.id));
  byCategory.push(
    total(
      'unknown',
      'Category not recorded',
      engagement.filter((d) => !known.has(d.category ?? '')),
      own.filter((i) => i.category !== undefined && !known.has(i.category)),
    ),
  );
  byCategory.push(
    total(
      CHAMPION_CATEGORY,
      'Reported by partnership champions only',
      [],
      own.filter((i) => i.category === undefined),
    ),
  );
  const shown = byCategory.filter((t) => t.activities > 0);
  return { byCategory: shown, sameEvents: matches.size, total: shown.reduce((s, t) => s + t.people, 0) };
}
