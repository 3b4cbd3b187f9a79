import template from '../../../cards/project-status.json' with { type: 'json' };
import type { AuditEntry } from '../../audit/audit-log.js';
import { type CardText, md, plain, plainFacts } from '../../bot/card-text.js';
import type { AdaptiveCard } from '../../bot/turn.js';
import { formatUkStamp } from '../../calendar/format-uk-date.js';
import { renderCard } from '../../cards/render-card.js';
import { type Pir, STATUS_LABELS } from '../../pir/domain/pir.js';
import { describeRecord } from '../../records/domain/describe-record.js';
import type { RecordDoc } from '../../records/domain/record-doc.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { shorten } from '../../text/shorten.js';
import { labelFrom } from '../../trust-lists/domain/list-entries.js';
import { isCloseOutEditable } from '../domain/close-out-changes.js';
import { conditionsOf } from '../domain/conditions.js';
import { rungsOf } from '../domain/describe-project.js';
import type { Project } from '../domain/project.js';
import { endDateOf, isOpenProject, STAGE_LABELS, type Stage } from '../domain/stage.js';
import { LifecycleVerb } from '../lifecycle-verbs.js';
import { ukDay } from './uk-day.js';

export interface StatusView {
  readonly stage: Stage;
  readonly project: Project;
  readonly history: readonly AuditEntry[];
  /** Records and "You said, we did" items that give the request's reference. */
  readonly linked: readonly RecordDoc[];
  /** The lead, in their 1:1 chat: the card offers "Mark met" and "Close out". */
  readonly leadHere: boolean;
  /** The directorates as the Trust's list has them now (renamed, retired and still named). */
  readonly directorates: readonly ListEntry[];
  readonly notice?: CardText;
}

function closeOutLine(project: Project): string {
  const c = project.closeOut;
  if (!c) return 'Not started';
  if (c.status === 'accepted') return `Accepted on ${ukDay(c.closedAt ?? '')}`;
  if (c.status === 'submitted') return `With the PPI team since ${ukDay(c.submittedAt ?? '')}`;
  if (c.status === 'more-asked') return 'The PPI team asked for more';
  return `Started ${ukDay(c.startedAt)}, not sent yet`;
}

function checkInLine(project: Project): string | undefined {
  const c = project.checkIn;
  if (!c) return undefined;
  const parts = [
    c.sentAt ? `sent ${ukDay(c.sentAt)}` : 'could not be sent',
    ...(c.followUpSentAt ? [`reminder ${ukDay(c.followUpSentAt)}`] : []),
    ...(c.followUpNotSentAt ? [`reminder could not be sent ${ukDay(c.followUpNotSentAt)}`] : []),
    ...(c.listedAt ? [`listed for the PPI team ${ukDay(c.listedAt)}`] : []),
  ];
  return parts.join(' · ');
}

function datesLine(pir: Pir, project: Project): string {
  const end = endDateOf(pir, project);
  const moved = project.endDateMoves.at(-1);
  const was = moved ? ` (moved from ${ukDay(moved.from)}: ${shorten(moved.reason, 200)})` : '';
  return `${ukDay(pir.answers.startDate ?? '?')} to ${ukDay(end ?? '?')}${was}`;
}

/** A request's stage and history for its lead or the PPI team: dates, rungs, conditions, linked records, close-out. */
export function buildProjectStatusCard(pir: Pir, view: StatusView): AdaptiveCard {
  const { project } = view;
  const rungs = rungsOf(pir, project);
  const accepted = pir.status === 'accepted' || pir.status === 'accepted-with-conditions';
  const checkIn = checkInLine(project);
  const facts = [
    { label: 'Decision', value: STATUS_LABELS[pir.status] },
    { label: 'Lead', value: pir.lead.name },
    { label: 'Directorate', value: labelFrom(view.directorates, pir.answers.directorate) },
    { label: 'Dates', value: datesLine(pir, project) },
    { label: 'Rung planned', value: rungs.planned },
    { label: 'Rung expected', value: rungs.expected },
    { label: 'Rung reached', value: rungs.achieved },
    ...(pir.assessment.assignee ? [{ label: 'Assigned to', value: pir.assessment.assignee.name }] : []),
    ...(pir.assessment.comment ? [{ label: 'PPI team comment', value: shorten(pir.assessment.comment, 500) }] : []),
    ...(accepted ? [{ label: 'Close-out', value: closeOutLine(project) }] : []),
    ...(checkIn ? [{ label: 'Close-out check-in', value: checkIn }] : []),
    ...(project.stopped
      ? [{ label: 'Stopped', value: `${ukDay(project.stopped.at)}: ${shorten(project.stopped.reason, 300)}` }]
      : []),
  ];
  const conditions = conditionsOf(pir, project).map((c, i) => {
    const met = c.met ? ` · met ${ukDay(c.met.at)} (${c.met.by.name})` : ' · not met yet';
    const canMark = view.leadHere && !c.met;
    return {
      text: md`${i + 1}. ${shorten(c.text, 400)}${met}`,
      button: 'Mark met',
      verb: canMark ? LifecycleVerb.conditionMet : '',
      data: { pirId: pir.id, revision: project.revision, condition: c.id },
    };
  });
  const items = view.linked.filter((d) => d.kind === 'yswd');
  const others = view.linked.filter((d) => d.kind !== 'yswd');
  const told = (d: RecordDoc) =>
    d.values.participantsTold === true ? ' · participants told' : ' · participants not told yet';
  const sections = [
    ...(others.length > 0
      ? [
          {
            title: plain('Linked records'),
            lines: others.slice(0, 15).map((d) => ({ line: plain(describeRecord(d)) })),
          },
        ]
      : []),
    ...(items.length > 0
      ? [
          {
            title: plain('“You said, we did” items'),
            lines: items.slice(0, 15).map((d) => ({ line: plain(`${describeRecord(d)}${told(d)}`) })),
          },
        ]
      : []),
  ];
  const recent = view.history.slice(-30);
  const canCloseOut = view.leadHere && isOpenProject(pir, project) && isCloseOutEditable(project.closeOut);
  return renderCard(template, {
    heading: md`${pir.reference ?? 'Draft'}: ${shorten(pir.answers.title ?? 'Untitled', 150)}`,
    stage: md`Stage: ${STAGE_LABELS[view.stage]}`,
    notice: view.notice ?? '',
    facts: plainFacts(facts),
    conditionsTitle: conditions.length > 0 ? 'Conditions' : '',
    conditions,
    sections,
    history: (recent.length ? recent : [{ at: pir.createdAt, actor: pir.lead, action: 'Started' }]).map((e) => ({
      line: md`${formatUkStamp(e.at, true)} · ${e.action} by ${e.actor.name}${e.comment ? `: “${shorten(e.comment, 200)}”` : ''}`,
    })),
    actions: canCloseOut
      ? [
          {
            title: project.closeOut ? 'Carry on with the close-out' : 'Close out',
            verb: LifecycleVerb.closeOut,
            data: { pirId: pir.id },
          },
        ]
      : [],
  });
}
