import type { DueIndex } from '../../delivery/due-index.js';
import type { Pir } from '../../pir/domain/pir.js';
import type { PirStore } from '../../pir/store/pir-store.js';
import { ConcurrencyError } from '../../storage/storage-errors.js';
import type { Versioned, Write } from '../../storage/versioned.js';
import { LIFECYCLE_JOB } from '../domain/lifecycle-work.js';
import { type Project, readProject } from '../domain/project.js';
import type { ProjectChange } from '../domain/project-change.js';
import type { ProjectIndex } from './project-index.js';

export interface ProjectWriteDeps {
  readonly pirs: PirStore;
  readonly dueIndex: DueIndex;
  readonly projects: ProjectIndex;
}

/** The request and its project as stored, with the version read (write over exactly it). */
export interface LoadedProject {
  readonly loaded: Versioned<Pir>;
  readonly project: Project;
}

export function withProject(loaded: Versioned<Pir>): LoadedProject {
  return { loaded, project: readProject(loaded.value.project) };
}

/** The due work and index row a change needs, written before the change itself. */
export async function prepareChange(deps: ProjectWriteDeps, pir: Pir, planned: ProjectChange): Promise<void> {
  await Promise.all(planned.schedule.map((work) => deps.dueIndex.schedule(LIFECYCLE_JOB, work)));
  const index = planned.index;
  if (!index || !pir.reference) return;
  const row = { reference: pir.reference, leadId: pir.lead.id, pirId: pir.id };
  if ('open' in index) await deps.projects.markOpen(row);
  else await deps.projects.markEnded({ ...row, ...index });
}

/**
 * Saves a project change: its due work and index row first, then the request over exactly the version it was planned
 * from, so due work is never missing. If the request changed in between, the change is planned again from what is
 * stored now (work left behind no longer matches and is dropped when found); `change` returning undefined refuses.
 */
export async function applyProjectChange(
  deps: ProjectWriteDeps,
  from: Versioned<Pir>,
  change: (pir: Pir, project: Project) => ProjectChange | undefined,
): Promise<Write<Pir>> {
  let current = from;
  for (let attempt = 0; attempt < 5; attempt++) {
    const pir = current.value;
    const planned = change(pir, readProject(pir.project));
    if (!planned) return { status: 'refused', current };
    await prepareChange(deps, pir, planned);
    const next: Pir = { ...pir, project: planned.project };
    const write = await deps.pirs.write(pir.lead.id, pir.id, () => next, { from: current, retry: false });
    if (write.status !== 'refused') return write;
    current = write.current;
  }
  throw new ConcurrencyError(`request ${from.value.id} kept changing`);
}

/** The same, by the request's reference (background work, which knows only that). */
export async function applyByReference(
  deps: ProjectWriteDeps,
  reference: string,
  change: (pir: Pir, project: Project) => ProjectChange | undefined,
): Promise<Write<Pir>> {
  const found = await deps.pirs.getByReference(reference);
  return found ? applyProjectChange(deps, found, change) : { status: 'not-found' };
}
