import type { AdaptiveCard } from '../../src/bot/turn.js';

type CardNode = Record<string, unknown>;

/** A button on a card as a client sees it: its kind, its title, its verb, and the data it sends back with the inputs. */
export interface CardButton {
  readonly type: 'Action.Execute' | 'Action.Submit';
  readonly title: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Every object in a card (folded cards included, button data not), in order, that passes `test`. */
export function nodesOf(card: unknown, test: (node: CardNode) => boolean): CardNode[] {
  const out: CardNode[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as CardNode;
      if (test(n)) out.push(n);
      for (const [key, value] of Object.entries(n)) if (key !== 'data') walk(value);
    }
  };
  walk(card);
  return out;
}

/**
 * Every button on a card, in order, at any depth (ActionSets, ShowCards): an Action.Execute with its verb and data,
 * or an Action.Submit whose data names a verb (the data without it, as Action.Execute would send it).
 */
export function cardButtons(card: unknown): CardButton[] {
  return nodesOf(card, (n) => n.type === 'Action.Execute' || n.type === 'Action.Submit').flatMap((n): CardButton[] => {
    const title = String(n.title ?? '');
    if (n.type === 'Action.Execute') {
      return typeof n.verb === 'string'
        ? [{ type: 'Action.Execute' as const, title, verb: n.verb, data: asRecord(n.data) }]
        : [];
    }
    const { verb, ...data } = asRecord(n.data);
    return typeof verb === 'string' ? [{ type: 'Action.Submit' as const, title, verb, data }] : [];
  });
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

/** The button titled `title` (exactly): its verb and data, to press it. */
export function buttonTitled(card: unknown, title: string): CardButton {
  const found = cardButtons(card).find((b) => b.title === title);
  if (!found) {
    throw new Error(
      `No button "${title}" on the card: ${cardButtons(card)
        .map((b) => b.title)
        .join(' | ')}`,
    );
  }
  return found;
}

/** The input with this id on a card (folded cards included). */
export function inputOf(card: unknown, id: string): CardNode | undefined {
  return nodesOf(card, (n) => typeof n.type === 'string' && n.type.startsWith('Input.') && n.id === id)[0];
}

/** The titles of every button on a card, of any kind (folded cards included). */
export function buttonTitles(card: unknown): string[] {
  return nodesOf(card, (n) => typeof n.type === 'string' && n.type.startsWith('Action.')).map((n) => String(n.title));
}
