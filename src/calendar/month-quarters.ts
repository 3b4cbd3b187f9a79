/** `2026-11` → `2026Q4`: the calendar quarter a month (`YYYY-MM`) falls in, as tables of a quarter are named. */
export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The calendar quarters from `fromMonth` to `toMonth` (`YYYY-MM`), in order. */
export function quartersBetween(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  for (let [y, m] = [Number(fromMonth.slice(0, 4)), Number(fromMonth.slice(5, 7))]; ; m += 3) {
    if (m > 12) [y, m] = [y + 1, m - 12];
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const quarter = quarterOfMonth(month);
    if (quarter > quarterOfMonth(toMonth)) return out;
    out.push(quarter);
  }
}
