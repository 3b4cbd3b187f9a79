import type { AdaptiveCard } from '../../src/bot/turn.js';

/** A button on a card as a client sees it: its kind, its verb, and the data it sends back with the inputs. */
export interface CardButton {
  readonly type: 'Action.Execute' | 'Action.Submit';
  readonly verb: string;
  readonly data: Record<string, unknown>;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Every button on a card, in order, at any depth (ActionSets, ShowCards): an Action.Execute with its verb and data,
 * or an Action.Submit whose data names a verb (the data without it, as Action.Execute would send it).
 */
export function cardButtons(card: unknown): CardButton[] {
  const found: CardButton[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute' && typeof n.verb === 'string') {
        found.push({ type: n.type, verb: n.verb, data: asRecord(n.data) });
      } else if (n.type === 'Action.Submit') {
        const { verb, ...data } = asRecord(n.data);
        if (typeof verb === 'string') found.push({ type: n.type, verb, data });
      }
      for (const [key, value] of Object.entries(n)) if (key !== 'data') walk(value);
    }
  };
  walk(card);
  return found;
}

/** The data of the first button with `verb` on a card (what the client sends back with the inputs). */
export function actionData(card: AdaptiveCard | undefined, verb: string): Record<string, unknown> {
  const button = cardButtons(card).find((b) => b.verb === verb);
  if (!button) throw new Error(`No ${verb} button on the card`);
  return button.data;
}

/** The value an input with this id shows on the card. */
export function inputValue(card: AdaptiveCard | undefined, id: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.id === id && typeof n.type === 'string' && n.type.startsWith('Input.')) found = String(n.value ?? '');
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The titles of the choices an input with this id offers. */
export function choicesOf(card: unknown, id: string): string[] {
  let found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.id === id && Array.isArray(n.choices))
        found = n.choices.map((c) => String((c as { title: unknown }).title));
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
}
