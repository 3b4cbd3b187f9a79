import { PALETTE as C } from './palette.js';

/**
 * The paper's one stylesheet (inline, allowed by its hash in the Content-Security-Policy). A4 print: a cover page,
 * each major section on a new page, tables and figures kept whole where they fit, page numbers in the margin.
 */
export const PAPER_CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, sans-serif; color: ${C.secondaryText}; } }
* { box-sizing: border-box; }
html { background: ${C.background}; color: ${C.text}; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 11pt/1.45 Arial, "Helvetica Neue", Helvetica, sans-serif; }
h1, h2, h3 { color: ${C.darkBlue}; line-height: 1.2; break-after: avoid; }
h1 { font-size: 24pt; margin: 0 0 0.5rem; }
h2 { font-size: 16pt; margin: 1.5rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 2px solid ${C.blue}; }
h3 { font-size: 12.5pt; margin: 1.1rem 0 0.4rem; }
p, li { max-width: 48rem; }
.kicker { color: ${C.secondaryText}; font-size: 11pt; margin: 0 0 0.25rem; text-transform: uppercase; letter-spacing: 0.04em; }
.cover { break-after: page; }
.cover .band { background: ${C.darkBlue}; color: ${C.background}; padding: 1.25rem 1.5rem; margin-bottom: 1.5rem; }
.cover .band h1, .cover .band p { color: ${C.background}; }
.major { break-before: page; }
.screen-only { background: ${C.paleBlue}; color: ${C.darkBlue}; padding: 0.5rem 0.75rem; }
.empty { color: ${C.secondaryText}; font-style: italic; }
.note { background: ${C.paleYellow}; color: ${C.warmYellowText}; padding: 0.5rem 0.75rem; }
.figures { display: flex; flex-wrap: wrap; gap: 0.75rem; padding: 0; list-style: none; }
.figures li { flex: 1 1 10rem; background: ${C.paleGrey}; padding: 0.6rem 0.75rem; border-left: 4px solid ${C.blue}; }
.figures strong { display: block; font-size: 18pt; color: ${C.darkBlue}; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 10pt; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; color: ${C.text}; }
th, td { border: 1px solid ${C.secondaryText}; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { background: ${C.paleGrey}; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; }
figure { margin: 0.75rem 0 1rem; break-inside: avoid; }
figure svg { width: 100%; height: auto; max-width: 44rem; display: block; }
figcaption { font-weight: bold; margin-bottom: 0.25rem; }
.status-evidence { background: ${C.paleGreen}; color: ${C.text}; }
.status-gap { background: ${C.paleYellow}; color: ${C.warmYellowText}; }
.status-unrecorded { background: ${C.paleGrey}; color: ${C.text}; }
.joint { font-weight: bold; color: ${C.green}; }
dl.meta { display: grid; grid-template-columns: 12rem 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.definitions { font-size: 9.5pt; color: ${C.secondaryText}; }
@media print { body { padding: 0; max-width: none; } .screen-only { display: none; } a { color: ${C.text}; text-decoration: none; } }
`;
