import type { DueWork } from '../../delivery/due-work.js';
import type { Project } from './project.js';

/**
 * A change to a project and what it needs done first: its due work (scheduled before the change is saved, so none is
 * ever missing) and its row in the open / closed index (written first too; a row that no longer matches is skipped).
 */
export interface ProjectChange {
  readonly project: Project;
  readonly schedule: readonly DueWork[];
  readonly index?: { readonly open: true } | { readonly closedAt: string; readonly outcome: 'closed' | 'stopped' };
}

/** A change by a person: the revision moves on, so the cards shown before it are out of date. */
export function changed(project: Project, schedule: readonly DueWork[] = []): ProjectChange {
  return { project: { ...project, revision: project.revision + 1 }, schedule };
}

/**
 * A change recorded by background work (a check-in sent, a card posted): the revision stays, so a card the lead has
 * open while it happens still saves what they type.
 */
export function recorded(project: Project, schedule: readonly DueWork[] = []): ProjectChange {
  return { project, schedule };
}
