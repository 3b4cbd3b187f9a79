import type { Choice } from '../../reference-data/reference-data.js';

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The entry a person named: by id or name, ignoring case, punctuation and a leading "the"; then by a name's start. */
export function findEntry<T extends Choice>(list: readonly T[], text: string): T | undefined {
  const wanted = norm(text);
  if (wanted === '') return undefined;
  return (
    list.find((c) => norm(c.id) === wanted || norm(c.label) === wanted) ??
    list.find((c) => norm(c.label).startsWith(wanted) || norm(c.label).includes(`(${wanted})`))
  );
}

/** The entry named exactly (by id or name, ignoring case and punctuation), never by a name's start. */
export function findExactly<T extends Choice>(list: readonly T[], text: string): T | undefined {
  const wanted = norm(text);
  return wanted === '' ? undefined : list.find((c) => norm(c.id) === wanted || norm(c.label) === wanted);
}
