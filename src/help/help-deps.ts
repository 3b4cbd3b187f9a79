import type { CardButton } from '../cards/card-action.js';
import type { HelpTopics } from './help-topics.js';

export interface HelpDeps {
  readonly topics: HelpTopics;
  /** Buttons offered on the help and welcome cards (e.g. start a request), contributed by features. */
  readonly quickActions: readonly CardButton[];
}
