import type { RecordDoc } from '../../records/domain/record-doc.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { labelFrom } from '../../trust-lists/domain/list-entries.js';

export interface Count {
  readonly label: string;
  readonly count: number;
}

export interface YesNo {
  readonly yes: number;
  readonly no: number;
  /** Forms returned without this answer. */
  readonly notAnswered: number;
}

export interface ScoreBand {
  readonly label: string;
  readonly forms: number;
}

export interface ScoreSummary {
  /** Weighted by forms returned, one decimal; undefined with no forms. */
  readonly mean?: number;
  readonly bands: readonly ScoreBand[];
  /**
   * `scores`: every form's own score was entered. `activity averages`: the results form records each activity's
   * average, so each activity's forms are counted in the band of that average.
   */
  readonly basis: 'scores' | 'activity averages' | 'mixed';
}

/** Seed 004 Appendix 4, all five questions, over the period's collated survey results. */
export interface FeedbackResults {
  readonly activities: number;
  readonly forms: number;
  readonly howHeard: readonly Count[];
  /** The open answers to "How did you hear…?" that were not one of the common answers, as entered. */
  readonly howHeardOther: readonly string[];
  readonly expressedAllViews: YesNo;
  readonly valued: ScoreSummary;
  readonly impact: ScoreSummary;
  readonly takePartAgain: YesNo;
}

export const SCORE_BANDS = [
  { label: '1 to 4', from: 1, to: 5 },
  { label: '5 or 6', from: 5, to: 7 },
  { label: '7 or 8', from: 7, to: 9 },
  { label: '9 or 10', from: 9, to: 11 },
] as const;

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const bandOf = (score: number) => SCORE_BANDS.findIndex((b) => score >= b.from && score < b.to);

/** Forms, average and per-score counts (`valued-7`: forms that gave 7) of one record, when entered. */
function scoresOf(doc: RecordDoc, key: 'valued' | 'impact'): { perScore: number[] | undefined; average: number } {
  const perScore = Array.from({ length: 10 }, (_, i) => num(doc.values[`${key}-${i + 1}`]));
  return { perScore: perScore.some((n) => n > 0) ? perScore : undefined, average: num(doc.values[key]) };
}

/**
 * A scale question over the period: forms in each band, and the mean. Where each form's score was entered the mean
 * counts each scored form once; where only an activity's average was recorded (results entered before the form
 * asked for each score), its forms count at that average.
 */
function summary(docs: readonly RecordDoc[], key: 'valued' | 'impact'): ScoreSummary {
  const bands = SCORE_BANDS.map(() => 0);
  const bases = new Set<ScoreSummary['basis']>();
  let forms = 0;
  let weighted = 0;
  for (const doc of docs) {
    const responses = num(doc.values.responses);
    const { perScore, average } = scoresOf(doc, key);
    if (perScore) {
      bases.add('scores');
      perScore.forEach((n, i) => {
        const band = bandOf(i + 1);
        bands[band] = (bands[band] ?? 0) + n;
        forms += n;
        weighted += n * (i + 1);
      });
      continue;
    }
    forms += responses;
    weighted += average * responses;
    if (responses > 0 && average >= 1) {
      bases.add('activity averages');
      const band = bandOf(average);
      bands[band] = (bands[band] ?? 0) + responses;
    }
  }
  const basis = bases.size > 1 ? 'mixed' : bases.has('scores') ? 'scores' : 'activity averages';
  return {
    ...(forms > 0 ? { mean: Math.round((weighted / forms) * 10) / 10 } : {}),
    bands: SCORE_BANDS.map((b, i) => ({ label: b.label, forms: bands[i] ?? 0 })),
    basis,
  };
}

function yesNo(docs: readonly RecordDoc[], yesKey: string, noKey: string): YesNo {
  let yes = 0;
  let no = 0;
  let forms = 0;
  for (const doc of docs) {
    yes += num(doc.values[yesKey]);
    no += num(doc.values[noKey]);
    forms += num(doc.values.responses);
  }
  return { yes, no, notAnswered: Math.max(0, forms - yes - no) };
}

/**
 * All five answers of the participant feedback survey, as collected: how people heard (the common answers, named
 * from the list as it is now, retired ones too, and the other answers as entered), views, valued, impact, and taking
 * part in future engagement activities.
 */
export function feedbackResults(docs: readonly RecordDoc[], howHeard: readonly ListEntry[]): FeedbackResults {
  const forms = docs.reduce((s, d) => s + num(d.values.responses), 0);
  const ids = [
    ...new Set(
      docs.flatMap((d) =>
        Object.keys(d.values)
          .filter((k) => k.startsWith('heard-'))
          .map((k) => k.slice(6)),
      ),
    ),
  ];
  const heard = ids
    .map((id) => ({
      label: labelFrom(howHeard, id),
      count: docs.reduce((s, d) => s + num(d.values[`heard-${id}`]), 0),
    }))
    .filter((h) => h.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const said = heard.reduce((s, h) => s + h.count, 0);
  return {
    activities: docs.length,
    forms,
    howHeard: said < forms ? [...heard, { label: 'Another answer, or not answered', count: forms - said }] : heard,
    howHeardOther: docs.flatMap((d) =>
      typeof d.values.heardOther === 'string' && d.values.heardOther.trim() ? [d.values.heardOther.trim()] : [],
    ),
    expressedAllViews: yesNo(docs, 'viewsYes', 'viewsNo'),
    valued: summary(docs, 'valued'),
    impact: summary(docs, 'impact'),
    takePartAgain: yesNo(docs, 'againYes', 'againNo'),
  };
}
