import type { AdaptiveCard } from '../../src/bot/turn.js';

/** The data of the first button with `verb` on a card (what the client sends back with the inputs). */
export function actionData(card: AdaptiveCard | undefined, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute' && n.verb === verb) {
        found = (n.data ?? {}) as Record<string, unknown>;
        return;
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error(`No ${verb} button on the card`);
  return found;
}
