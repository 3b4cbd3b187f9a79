/** Human references: PIR-2026-0042 (four digits at least, sequential per year). */
export function formatReference(year: number, n: number): string {
  return `PIR-${year}-${String(n).padStart(4, '0')}`;
}

export function parseReference(text: string): { year: number; number: number } | undefined {
  const m = /^PIR-(\d{4})-(\d{1,6})$/i.exec(text.trim());
  if (!m) return undefined;
  return { year: Number(m[1]), number: Number(m[2]) };
}
