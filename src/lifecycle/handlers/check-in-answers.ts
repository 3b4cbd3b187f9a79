import { botText, md } from '../../bot/card-text.js';
import type { AdaptiveCard, Turn } from '../../bot/turn.js';
import { readForm, typedOnForm } from '../../forms/read-form.js';
import type { Pir } from '../../pir/domain/pir.js';
import { buildCheckInCard } from '../cards/check-in-card.js';
import { projectNotice } from '../cards/lifecycle-notices.js';
import { ukDay } from '../cards/uk-day.js';
import { extended, newEndDateProblem, stopped } from '../domain/check-in.js';
import { CHECK_IN_FORM } from '../domain/lifecycle-forms.js';
import type { ProjectSubmission } from '../domain/lifecycle-refs.js';
import type { Project } from '../domain/project.js';
import { endDateOf, isOpenProject } from '../domain/stage.js';
import type { LifecycleDeps } from '../lifecycle-deps.js';
import { applyProjectChange, type LoadedProject, withProject } from '../store/apply-project-change.js';

type CheckInAnswer = 'extend' | 'stop';

/** The check-in was answered already (or the project moved on): what it says now. */
function alreadyAnswered(pir: Pir, project: Project): AdaptiveCard {
  const reference = pir.reference ?? '';
  if (project.stopped) return projectNotice(md`${reference} is recorded as stopped (${ukDay(project.stopped.at)}).`);
  if (!isOpenProject(pir, project)) return projectNotice(md`${reference} is closed.`);
  return projectNotice(
    md`This check-in was already answered: ${reference} now runs until ${ukDay(endDateOf(pir, project) ?? '')}.`,
  );
}

/** "It runs on until …" (a new end date and why) or "It stopped" (and why), from the check-in card. */
export async function handleCheckInAnswer(
  turn: Turn,
  deps: LifecycleDeps,
  submission: ProjectSubmission & { readonly cycle: string },
  item: LoadedProject,
  answer: CheckInAnswer,
): Promise<AdaptiveCard> {
  const pir = item.loaded.value;
  const { cycle, inputs } = submission;
  if (!isOpenProject(pir, item.project) || endDateOf(pir, item.project) !== cycle) {
    return alreadyAnswered(pir, item.project);
  }
  const read = readForm(CHECK_IN_FORM, inputs, { known: { answer } });
  const now = deps.now();
  const dateProblem =
    read.ok && answer === 'extend' ? newEndDateProblem(String(read.values.newEndDate), now) : undefined;
  if (!read.ok || dateProblem) {
    const errors = read.ok ? [{ key: 'newEndDate', message: dateProblem ?? '' }] : read.errors;
    const notice = read.ok ? botText('Nothing was saved yet: please check the date.') : read.message;
    return buildCheckInCard(pir, cycle, { notice, errors, typed: typedOnForm(CHECK_IN_FORM, inputs) });
  }
  const by = { id: turn.actor.id, name: turn.actor.name };
  const values = read.values;
  const write = await applyProjectChange(deps, item.loaded, (current, project) =>
    endDateOf(current, project) !== cycle
      ? undefined
      : answer === 'extend'
        ? extended(
            current,
            project,
            { to: String(values.newEndDate), reason: String(values.extendReason) },
            by,
            now,
            deps.settings,
          )
        : stopped(current, project, String(values.stopReason), by, now),
  );
  if (write.status !== 'applied') {
    return write.status === 'refused'
      ? alreadyAnswered(write.current.value, withProject(write.current).project)
      : projectNotice(botText("I couldn't find that request."));
  }
  const action = answer === 'extend' ? `End date moved to ${ukDay(String(values.newEndDate))}` : 'Recorded as stopped';
  const comment = String(answer === 'extend' ? values.extendReason : values.stopReason);
  await deps.audit.append(pir.id, { at: now.toISOString(), actor: by, action, comment });
  turn.log.info({ pirId: pir.id, answer }, 'close-out check-in answered');
  return projectNotice(
    answer === 'extend'
      ? md`Thank you: ${pir.reference ?? ''} now runs until ${ukDay(String(values.newEndDate))}. I'll check in again the working day after.`
      : md`Thank you: ${pir.reference ?? ''} is recorded as stopped. The PPI team can see why in its list of close-outs.`,
  );
}
