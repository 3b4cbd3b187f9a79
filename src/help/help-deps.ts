import type { HelpTopics } from './help-topics.js';

export interface HelpDeps {
  readonly topics: HelpTopics;
  /** Whether the person is a registered partnership champion (their short list shows the champion's things). */
  readonly isChampion: (actorId: string) => Promise<boolean>;
}
