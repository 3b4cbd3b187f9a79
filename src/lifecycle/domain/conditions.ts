import type { Person, Pir } from '../../pir/domain/pir.js';
import { type Project, readProject } from './project.js';

/** One condition of "accept with conditions", and when the lead marked it met. */
export interface Condition {
  readonly id: string;
  readonly text: string;
  readonly met?: { readonly at: string; readonly by: Person };
}

/**
 * The request's conditions: as listed at the decision, or (a request decided before conditions were listed) its
 * decision comment as the one condition.
 */
export function conditionsOf(pir: Pir, project: Project = readProject(pir.project)): Condition[] {
  const listed = pir.assessment.conditions;
  const texts =
    listed && listed.length > 0
      ? listed
      : pir.status === 'accepted-with-conditions' && pir.assessment.comment
        ? [pir.assessment.comment]
        : [];
  return texts.map((text, i) => {
    const id = `c${i + 1}`;
    const met = project.conditionsMet[id];
    return { id, text, ...(met ? { met } : {}) };
  });
}

/** The condition marked met, once; undefined when it is not one of the request's or was already marked. */
export function markedMet(pir: Pir, project: Project, id: string, by: Person, at: Date): Project | undefined {
  const condition = conditionsOf(pir, project).find((c) => c.id === id);
  if (!condition || condition.met) return undefined;
  return {
    ...project,
    revision: project.revision + 1,
    conditionsMet: { ...project.conditionsMet, [id]: { at: at.toISOString(), by } },
  };
}
