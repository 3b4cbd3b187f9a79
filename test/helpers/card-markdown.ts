/** Every string Teams renders as markdown on a card: TextBlock text, fact titles and values. */
export function markdownTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
      if (n.type === 'FactSet' && Array.isArray(n.facts)) {
        for (const f of n.facts as { title?: unknown; value?: unknown }[]) out.push(String(f.title), String(f.value));
      }
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}
