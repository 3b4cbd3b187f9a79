/**
 * The text cut to at most `max` characters, ending in "…" when it was cut. It is cut at the end of a word (and any
 * comma or colon there), never in the middle of one, unless a single word is longer than most of `max`.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - 1));
  const lastBreak = room.search(/\s\S*$/);
  const atWord = lastBreak >= max * 0.5 ? room.slice(0, lastBreak) : room;
  return `${atWord.trimEnd().replace(/[\s,;:–—-]+$/, '')}…`;
}
