import type { Choice } from '../../reference-data/reference-data.js';

/** The directorate a person named: by id or label, ignoring case, punctuation and a leading "the". */
export function findDirectorate(list: readonly Choice[], text: string): Choice | undefined {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const wanted = norm(text);
  if (wanted === '') return undefined;
  return (
    list.find((c) => norm(c.id) === wanted || norm(c.label) === wanted) ??
    list.find((c) => norm(c.label).startsWith(wanted) || norm(c.label).includes(`(${wanted})`))
  );
}
