import { esc } from './html.js';
import { PALETTE, SERIES } from './palette.js';

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
}

export interface BarChart {
  /** Unique in the page: used for the title and description ids. */
  readonly id: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** What the numbers count, e.g. "requests" (for the text alternative and the table). */
  readonly unit: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 200;
const BAR_AREA = 360;
const BAR = 14;
const GAP = 12;
const LEGEND = 26;

/** Splits a label over at most two lines of about 26 characters (the data table has it whole). */
function labelLines(label: string): string[] {
  if (label.length <= 26) return [label];
  const cut = label.lastIndexOf(' ', 26);
  const first = cut > 8 ? label.slice(0, cut) : label.slice(0, 26);
  const rest = label.slice(first.length).trim();
  return [first, rest.length > 26 ? `${rest.slice(0, 25)}…` : rest];
}

/** The chart's text alternative: every figure in words. */
export function describeChart(chart: BarChart): string {
  const total = chart.series.reduce((s, x) => s + x.values.reduce((a, b) => a + b, 0), 0);
  if (chart.categories.length === 0 || total === 0) return `${chart.title}: nothing recorded this quarter.`;
  return chart.series
    .map((s) => `${s.name}: ${chart.categories.map((c, i) => `${c} ${s.values[i] ?? 0}`).join(', ')}`)
    .join('. ')
    .concat(` (${chart.unit}).`);
}

/**
 * A horizontal grouped bar chart as inline SVG (role="img", with <title> and <desc>), followed by the same figures
 * as a data table. Values are printed beside each bar, so nothing depends on colour alone.
 */
export function barChart(chart: BarChart): string {
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values));
  const groupHeight = chart.series.length * BAR + GAP;
  const height = LEGEND + chart.categories.length * groupHeight + 8;
  let legendX = LABEL_WIDTH;
  const legend = chart.series
    .map((s, i) => {
      const x = legendX;
      legendX += 36 + s.name.length * 7;
      return `<rect x="${x}" y="4" width="12" height="12" fill="${SERIES[i % SERIES.length]}"/><text x="${x + 16}" y="14" font-size="12" fill="${PALETTE.text}">${esc(s.name)}</text>`;
    })
    .join('');
  const groups = chart.categories
    .map((category, c) => {
      const top = LEGEND + c * groupHeight;
      const lines = labelLines(category);
      const middle = top + (chart.series.length * BAR) / 2;
      const label = lines
        .map(
          (line, l) =>
            `<text x="${LABEL_WIDTH - 8}" y="${middle + 4 + (l - (lines.length - 1) / 2) * 13}" font-size="12" text-anchor="end" fill="${PALETTE.text}">${esc(line)}</text>`,
        )
        .join('');
      const bars = chart.series
        .map((s, i) => {
          const value = s.values[c] ?? 0;
          const width = Math.round((value / max) * BAR_AREA);
          const y = top + i * BAR;
          return `<rect x="${LABEL_WIDTH}" y="${y + 1}" width="${width}" height="${BAR - 2}" fill="${SERIES[i % SERIES.length]}"/><text x="${LABEL_WIDTH + width + 4}" y="${y + BAR - 3}" font-size="11" fill="${PALETTE.text}">${value}</text>`;
        })
        .join('');
      return `<g>${label}${bars}</g>`;
    })
    .join('');
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="Arial, sans-serif"><title id="${titleId}">${esc(chart.title)}</title><desc id="${descId}">${esc(describeChart(chart))}</desc><line x1="${LABEL_WIDTH}" y1="${LEGEND - 4}" x2="${LABEL_WIDTH}" y2="${height - 4}" stroke="${PALETTE.secondaryText}" stroke-width="1"/>${legend}${groups}</svg>`;
  const head = ['', ...chart.series.map((s) => s.name)].map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const rows = chart.categories
    .map(
      (category, c) =>
        `<tr><th scope="row">${esc(category)}</th>${chart.series.map((s) => `<td class="num">${s.values[c] ?? 0}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<figure><figcaption id="${chart.id}-caption">${esc(chart.title)}</figcaption>${svg}<table><caption>${esc(chart.title)}: the figures (${esc(chart.unit)})</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></figure>`;
}
