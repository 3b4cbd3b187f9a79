import type { Pir } from '../../pir/domain/pir.js';
import type { AcceptancePlanner } from '../../pir/pir-deps.js';
import { accepting } from '../domain/check-in.js';
import type { CheckInSettings } from '../domain/lifecycle-work.js';
import { readProject } from '../domain/project.js';
import { type ProjectWriteDeps, prepareChange } from '../store/apply-project-change.js';

/** Before a request is accepted: its row in the open index and its close-out check-in, so neither is ever missing. */
export function acceptancePlanner(deps: ProjectWriteDeps & { readonly settings: CheckInSettings }): AcceptancePlanner {
  return {
    async beforeAccepting(pir: Pir) {
      const planned = accepting(pir, readProject(pir.project), deps.settings);
      if (planned) await prepareChange(deps, pir, planned);
    },
  };
}
