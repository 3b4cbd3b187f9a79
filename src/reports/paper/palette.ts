/**
 * The paper's colours (NHS identity colours). Every text colour is used only on the backgrounds paired with it below,
 * and every pair has a contrast ratio of at least 4.5:1 (WCAG 2.2 AA for body text); chart bars use the same colours,
 * so they also clear the 3:1 asked of graphics against white.
 */
export const PALETTE = {
  text: '#212b32',
  secondaryText: '#4c6272',
  background: '#ffffff',
  paleGrey: '#f0f4f5',
  blue: '#005eb8',
  darkBlue: '#003087',
  green: '#007f3b',
  purple: '#330072',
  warmYellowText: '#6b4500',
  paleGreen: '#e6f3ec',
  paleYellow: '#fff4d6',
  paleBlue: '#e8f1fa',
} as const;

export type Colour = (typeof PALETTE)[keyof typeof PALETTE];

/** The chart series colours, in order. */
export const SERIES = [PALETTE.blue, PALETTE.green, PALETTE.purple, PALETTE.darkBlue] as const;

/** Every foreground/background pair the stylesheet and charts use (checked by the accessibility test). */
export const COLOUR_PAIRS: readonly (readonly [Colour, Colour])[] = [
  [PALETTE.text, PALETTE.background],
  [PALETTE.text, PALETTE.paleGrey],
  [PALETTE.secondaryText, PALETTE.background],
  [PALETTE.secondaryText, PALETTE.paleGrey],
  [PALETTE.blue, PALETTE.background],
  [PALETTE.darkBlue, PALETTE.background],
  [PALETTE.background, PALETTE.darkBlue],
  [PALETTE.green, PALETTE.background],
  [PALETTE.purple, PALETTE.background],
  [PALETTE.text, PALETTE.paleGreen],
  [PALETTE.warmYellowText, PALETTE.paleYellow],
  [PALETTE.text, PALETTE.paleBlue],
  [PALETTE.darkBlue, PALETTE.paleBlue],
];

function channel(hex: string, at: number): number {
  const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of '#rrggbb'. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio of two '#rrggbb' colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
