import { parseDateKey } from '../../calendar/london-time.js';
import { MONTH_NAMES as MONTHS } from '../../calendar/period.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. Every value from a person goes through it. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** '2026-12-01' → '1 December 2026'. */
export function ukDate(dateKey: string): string {
  if (dateKey === '') return '';
  const { year, month, day } = parseDateKey(dateKey);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

export { plural } from '../../text/plural.js';

export const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '–');

/** A table with a caption, a header row and rows of already-escaped cells (`th` in the first column when asked). */
export function table(
  caption: string,
  headings: readonly string[],
  rows: readonly (readonly string[])[],
  empty: string,
) {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  const head = headings.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (cells) => `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  return `<table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A list of already-escaped items, or a plain sentence when there is none. */
export function list(items: readonly string[], empty: string): string {
  if (items.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  return `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}
