import { PLACE_LABELS, ROLE_LABELS } from './refusals.js';
import type { RoutePolicy } from './router.js';

const KIND_LABELS: Readonly<Record<RoutePolicy['kind'], string>> = {
  command: 'command',
  card: 'card button',
  event: 'event',
};

/** The policy table as Markdown: one row per route and grant, in registration order (SECURITY.md holds a copy). */
export function policyTable(policies: readonly RoutePolicy[]): string {
  const rows = policies.flatMap((p) =>
    p.grants.map((g) => {
      const who = g.who.map((r) => ROLE_LABELS[r]).join(' or ');
      const where = g.where === 'anywhere' ? 'anywhere' : g.where.map((w) => PLACE_LABELS[w]).join(' or ');
      return `| \`${p.route}\` | ${KIND_LABELS[p.kind]} | ${who} | ${where} |`;
    }),
  );
  return ['| route | kind | who | where |', '|---|---|---|---|', ...rows].join('\n');
}
