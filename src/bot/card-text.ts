/**
 * Text for the parts of a card Teams renders as markdown (TextBlock text, fact titles and values) and for messages.
 * A CardText is markdown the bot wrote in which every value shown was escaped, so what people typed is shown as
 * typed: a title "[Sign in to approve](https://…)" is not a link on the PPI team's card, "**urgent**" is not bold.
 * Card builders take CardText for those parts, so a value can only get there through `plain` or `md`.
 */
declare const escaped: unique symbol;
export type CardText = string & { readonly [escaped]: true };

const INLINE = /[\\`*_~[\]<>|]/g;
const LINE_MARK = /^([ \t]*)([#>+-])/gm;
const NUMBERED = /^([ \t]*\d+)([.)])/gm;

/** A value shown literally: every character that would make emphasis, a link, code, a list or a heading escaped. */
export function plain(value: string | number): CardText {
  return String(value).replace(INLINE, '\\$&').replace(LINE_MARK, '$1\\$2').replace(NUMBERED, '$1\\$2') as CardText;
}

/** A value for `md`: text or a number (escaped), or `written(…)`. Card text itself is not a value: it would be escaped twice. */
type Value = (string & { readonly [escaped]?: never }) | number | Written;

/** Card text already written (by `md` or `plain`), to put inside another `md` as it is: md`${written(a)} and more`. */
export class Written {
  constructor(readonly text: CardText) {}
}

export function written(text: CardText): Written {
  return new Written(text);
}

/**
 * Markdown the bot writes, with every value shown literally: md`Your request “${title}” is saved. Type **continue**.`
 * (the title is escaped, the bold kept). Only a `written(…)` value goes in as it is.
 */
export function md(parts: TemplateStringsArray, ...values: readonly Value[]): CardText {
  let out = parts[0] ?? '';
  values.forEach((value, i) => {
    out += (value instanceof Written ? value.text : plain(value)) + (parts[i + 1] ?? '');
  });
  return out as CardText;
}

/** A sentence the bot wrote with no value in it (a constant), for a markdown part. */
export function botText(text: string): CardText {
  return text as CardText;
}

/** Lines of card text, one under the other. */
export function lines(...rows: readonly CardText[]): CardText {
  return rows.join('\n') as CardText;
}

/** Facts (a FactSet's title and value) shown literally. */
export function plainFacts(facts: readonly { readonly label: string; readonly value: string }[]) {
  return facts.map((f) => ({ label: plain(f.label), value: plain(f.value) }));
}
