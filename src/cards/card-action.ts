/** A button on a card: an Action.Execute verb (a constant shared with its route) and its data. */
export interface CardButton {
  readonly title: string;
  readonly verb: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export function toActionData(buttons: readonly CardButton[]) {
  return buttons.map((b) => ({ title: b.title, verb: b.verb, data: { ...(b.data ?? {}) } }));
}
