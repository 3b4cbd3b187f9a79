import { findPersonalData, type PersonalDataFinding } from '../../personal-data/find-personal-data.js';
import type { ListEntry } from '../../reference-data/reference-data.js';
import { findEntry, findExactly } from './find-entry.js';
import { idFor, type ListRow, MAX_LABEL } from './list-entries.js';

/** What a PPI admin's change does to the list: a row to save, or why not. Pure: the handler saves and says it. */
export type ListChange =
  | {
      readonly kind: 'save';
      readonly outcome: 'added' | 'restored' | 'renamed' | 'retired';
      readonly row: ListRow;
      /** The entry as it was (restored, renamed, retired). */
      readonly before?: ListEntry;
    }
  | { readonly kind: 'refuse'; readonly reason: 'no-name' }
  | { readonly kind: 'refuse'; readonly reason: 'personal-data'; readonly findings: readonly PersonalDataFinding[] }
  | { readonly kind: 'refuse'; readonly reason: 'exists' | 'already-retired' | 'last-entry'; readonly entry: ListEntry }
  | { readonly kind: 'refuse'; readonly reason: 'not-found' | 'same-name' };

export interface ChangedBy {
  readonly by: string;
  readonly at: string;
}

/** A name as typed, tidied: one space between words, no space at either end. */
export function tidyName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Why a name cannot be an entry's name (too long, empty, or holding personal data); undefined when it can. */
function nameProblem(label: string): ListChange | undefined {
  if (!idFor(label) || label.length > MAX_LABEL) return { kind: 'refuse', reason: 'no-name' };
  const findings = findPersonalData(label);
  return findings.length > 0 ? { kind: 'refuse', reason: 'personal-data', findings } : undefined;
}

/** An id no other entry has: the name's id, or the name's id with -2, -3… after it. */
function freeId(entries: readonly ListEntry[], label: string): string {
  const base = idFor(label);
  let id = base;
  for (let n = 2; entries.some((e) => e.id === id); n++) id = `${base}-${n}`;
  return id;
}

/** `add …`: a new entry; a retired entry of that name comes back; one already on the list is said so. */
export function addEntry(entries: readonly ListEntry[], typed: string, change: ChangedBy): ListChange {
  const label = tidyName(typed);
  const problem = nameProblem(label);
  if (problem) return problem;
  const existing = findExactly(entries, label);
  const row = (id: string): ListRow => ({ id, label, retired: false, changedBy: change.by, changedAt: change.at });
  if (existing && !existing.retired) return { kind: 'refuse', reason: 'exists', entry: existing };
  if (existing) return { kind: 'save', outcome: 'restored', row: row(existing.id), before: existing };
  return { kind: 'save', outcome: 'added', row: row(freeId(entries, label)) };
}

/** `rename … to …`: the entry keeps its id (so everything recorded under it shows the new name). */
export function renameEntry(
  entries: readonly ListEntry[],
  fromText: string,
  toText: string,
  change: ChangedBy,
): ListChange {
  const entry = findEntry(entries, fromText);
  if (!entry) return { kind: 'refuse', reason: 'not-found' };
  const label = tidyName(toText);
  const problem = nameProblem(label);
  if (problem) return problem;
  if (label === entry.label) return { kind: 'refuse', reason: 'same-name' };
  const clash = findExactly(
    entries.filter((e) => e.id !== entry.id),
    label,
  );
  if (clash) return { kind: 'refuse', reason: 'exists', entry: clash };
  const row = { id: entry.id, label, retired: entry.retired, changedBy: change.by, changedAt: change.at };
  return { kind: 'save', outcome: 'renamed', row, before: entry };
}

/** `retire …`: no longer offered, still named wherever it was used; the last entry offered stays. */
export function retireEntry(entries: readonly ListEntry[], text: string, change: ChangedBy): ListChange {
  const entry = findEntry(entries, text);
  if (!entry) return { kind: 'refuse', reason: 'not-found' };
  if (entry.retired) return { kind: 'refuse', reason: 'already-retired', entry };
  if (entries.filter((e) => !e.retired).length === 1) return { kind: 'refuse', reason: 'last-entry', entry };
  const row = { id: entry.id, label: entry.label, retired: true, changedBy: change.by, changedAt: change.at };
  return { kind: 'save', outcome: 'retired', row, before: entry };
}

/**
 * "rename Finance to Finance and Estates": the old name is the part before a " to " that names an entry (names
 * can hold " to " themselves, so every split is tried, an exact name first).
 */
export function splitRename(entries: readonly ListEntry[], text: string): { from: string; to: string } | undefined {
  const splits: { from: string; to: string }[] = [];
  const pattern = /\s+to\s+/gi;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    splits.push({ from: text.slice(0, m.index), to: text.slice(m.index + m[0].length) });
  }
  const usable = splits.filter((s) => s.from.trim() !== '' && s.to.trim() !== '');
  return (
    usable.find((s) => findExactly(entries, s.from)) ?? usable.find((s) => findEntry(entries, s.from)) ?? usable[0]
  );
}
