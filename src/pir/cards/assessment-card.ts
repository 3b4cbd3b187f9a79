import template from '../../../cards/pir-assessment.json' with { type: 'json' };
import { botText, type CardText, md, plain, plainFacts } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { formatUkDateKey, formatUkStamp } from '../../calendar/format-uk-date.js';
import { renderCard } from '../../cards/render-card.js';
import { formInputs, type InputState } from '../../forms/form-inputs.js';
import { labelOf, referenceData } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import { labelFrom } from '../../trust-lists/domain/list-entries.js';
import { ordinal } from '../domain/answer-changes.js';
import { assessmentFacts, assessmentWarnings } from '../domain/assessment-flags.js';
import { assignForm, criteriaValues, DECISION_FORM } from '../domain/decision-form.js';
import { describeAnswers } from '../domain/describe-answers.js';
import { type Person, type Pir, STATUS_LABELS } from '../domain/pir.js';
import { DECISION_BUTTONS, type Decision, isAwaitingAssessment } from '../domain/pir-transitions.js';
import { equalityGroupNames, PARTNER_COMMITMENTS, type PirLists, partnersRequested } from '../domain/step-fields.js';
import { PirVerb } from '../pir-verbs.js';

export interface AssessmentCardOptions extends Pick<InputState, 'typed' | 'errors'> {
  readonly members: readonly Person[];
  /** The Trust's lists, for the names of the directorate and the Quality Strategy priority. */
  readonly lists: PirLists;
  /** Show every answer in full (on demand) instead of the compact summary. */
  readonly full?: boolean;
  readonly notice?: CardText;
}

/** Conditions as one fact: "1. … 2. …". */
export function numbered(conditions: readonly string[]): string {
  return conditions.map((c, i) => `${i + 1}. ${shorten(c, 300)}`).join(' ');
}

const DECISIONS: readonly Decision[] = ['accept', 'accept-with-conditions', 'request-changes', 'decline'];

/** What the lead asked of Patient Partners: role, one-off or regular meetings, and when and how they meet. */
function partnerFacts(pir: Pir): { label: string; value: string }[] {
  if (!partnersRequested(pir.answers)) return [];
  const commitment = PARTNER_COMMITMENTS.find((c) => c.id === pir.answers.partnerCommitment)?.label;
  const details = [pir.answers.partnerRole, commitment, pir.answers.partnerMeetings].filter(Boolean).join(' · ');
  return [
    {
      label: 'Patient Partners',
      value: shorten(details || 'requested (no details: asked before the form had them)', 300),
    },
  ];
}

/** The groups chosen as disproportionately affected, by name; or question 5's answer when none was chosen. */
function affectedGroups(pir: Pir): string {
  const names = equalityGroupNames(pir.answers);
  if (names.length) return shorten(names.join(', '), 300);
  if (pir.answers.disproportionate === 'yes') return 'Yes (no group chosen)';
  return pir.answers.disproportionate === 'not-sure' ? 'Not sure' : 'None identified';
}

const ukDay = (dateKey: string | undefined) => (dateKey ? formatUkDateKey(dateKey) : 'not given');

function statusLine(pir: Pir): CardText {
  const a = pir.assessment;
  if (isAwaitingAssessment(pir)) return md`Awaiting assessment${a.assignee ? ` · assigned to ${a.assignee.name}` : ''}`;
  const when = a.decidedAt ? ` on ${formatUkStamp(a.decidedAt)}` : '';
  const comment = a.comment ? `: “${shorten(a.comment, 300)}”` : '';
  return md`${STATUS_LABELS[pir.status]} by ${a.decidedBy?.name ?? 'the PPI team'}${when}${comment}`;
}

const MAX_CHANGES = 12;

/** A resubmission: which version, the comment it answers, and what changed since the version the team assessed. */
function versionOf(pir: Pir) {
  const submission = pir.submission;
  if (!submission || submission.number < 2) return { version: '', previousComment: '', changesIntro: '', changes: [] };
  const changes = submission.changes;
  const shown = (changes ?? []).slice(0, MAX_CHANGES).map((c) => ({
    question: md`${c.section}: ${c.question}`,
    was: md`Was: ${c.before}`,
    now: md`Now: ${c.after}`,
  }));
  const more = (changes?.length ?? 0) - shown.length;
  const changesIntro =
    changes === undefined
      ? botText('What changed was not recorded for the earlier version: use Show full answers.')
      : changes.length === 0
        ? botText('No answers changed since the version you assessed.')
        : md`What changed since the version you assessed${more > 0 ? ` (the first ${shown.length} of ${changes.length})` : ''}:`;
  return {
    version: md`Resubmitted (${ordinal(submission.number)} version)`,
    previousComment: submission.previousComment ? md`You asked: “${shorten(submission.previousComment, 500)}”` : '',
    changesIntro,
    changes: shown,
  };
}

/** The PPI team's card for one request: compact summary, full answers on demand, decisions while open. */
export function buildAssessmentCard(pir: Pir, options: AssessmentCardOptions): AdaptiveCard {
  const ref = { pirId: pir.id, leadId: pir.lead.id, revision: pir.revision };
  const open = isAwaitingAssessment(pir);
  const a = pir.assessment;
  const facts = [
    { label: 'Lead', value: pir.lead.name },
    { label: 'Directorate', value: labelFrom(options.lists.directorates, pir.answers.directorate) },
    { label: 'Quality priority', value: labelFrom(options.lists.qualityPriorities, pir.answers.qualityPriority) },
    { label: 'Proposed rung', value: labelOf(referenceData.ladderRungs, pir.answers.rung ?? '') },
    { label: 'Groups affected', value: shorten(pir.answers.groupsAffected ?? '—', 200) },
    { label: 'Disproportionately affected', value: affectedGroups(pir) },
    { label: 'Dates', value: `${ukDay(pir.answers.startDate)} to ${ukDay(pir.answers.endDate)}` },
    ...partnerFacts(pir),
    ...(a.expectedRung ? [{ label: 'Expected rung', value: labelOf(referenceData.ladderRungs, a.expectedRung) }] : []),
    ...(a.conditions?.length ? [{ label: 'Conditions', value: numbered(a.conditions) }] : []),
  ];
  const toggle = options.full
    ? { title: 'Show summary', verb: PirVerb.summary, data: ref }
    : { title: 'Show full answers', verb: PirVerb.details, data: ref };
  return renderCard(template, {
    heading: md`${pir.reference ?? 'Request'}: ${shorten(pir.answers.title ?? 'Untitled', 150)}`,
    notice: options.notice ?? '',
    ...versionOf(pir),
    decisionInputs: formInputs([...DECISION_FORM.fields, ...assignForm(options.members).fields], {
      values: {
        expectedRung: a.expectedRung ?? pir.answers.rung,
        agreedSupport: a.agreedSupport ?? pir.answers.support,
        assigneeId: a.assignee?.id,
        ...criteriaValues(a),
      },
      ...(options.typed ? { typed: options.typed } : {}),
      ...(options.errors ? { errors: options.errors } : {}),
    }),
    statusLine: statusLine(pir),
    statusColor: open ? 'Accent' : pir.status === 'declined' ? 'Attention' : 'Good',
    facts: plainFacts(facts),
    flags: plain(assessmentFacts(pir)),
    warnings: assessmentWarnings(pir).map((w) => ({ text: plain(w) })),
    sections: options.full
      ? describeAnswers(pir.answers, options.lists, 2000).map((s) => ({
          title: plain(s.title),
          lines: plainFacts(s.lines),
        }))
      : [],
    open,
    assignActions: open
      ? [
          { title: 'Assign to me', verb: PirVerb.assignMe, data: ref },
          ...(options.members.length > 0 ? [{ title: 'Assign to selected', verb: PirVerb.assign, data: ref }] : []),
        ]
      : [],
    actions: [
      ...(open
        ? DECISIONS.map((d) => ({ title: DECISION_BUTTONS[d], verb: PirVerb.decide, data: { ...ref, decision: d } }))
        : []),
      toggle,
    ],
  });
}
