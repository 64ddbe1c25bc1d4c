// Small bar charts drawn as SVG here rather than with a charting library: the one small candidate on npm
// (Chartist) writes inline style attributes, which the dashboard's CSP (style-src 'self') refuses. Each chart
// is a picture for sighted readers (aria-hidden) next to a table with the same numbers, for everyone.
import { formatNumber, h } from './ui.js';

// The SVG namespace as the HTML parser assigns it to a parsed <svg>: the dashboard's files spell out no
// address at all, so a check that they refer to nothing elsewhere stays simple.
const svgNs = document.createRange().createContextualFragment('<svg></svg>').firstChild.namespaceURI;
const barHeight = 22;
const gap = 8;
const labelWidth = 170;
const width = 520;
const valueWidth = 60;

function svg(tag, attributes, text) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }

  if (text !== undefined) {
    element.textContent = text;
  }

  return element;
}

const shorten = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A horizontal bar chart with its table. rows: [{ label, count, kind }] where kind ('success', 'failure',
 * 'unknown') colours the bar; headers name the table's two columns.
 */
export function barChart({ id, title, rows, headers = ['Value', 'Calls'] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const height = Math.max(1, rows.length) * (barHeight + gap);
  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', 'aria-hidden': 'true', focusable: 'false' });
  rows.forEach((row, i) => {
    const y = i * (barHeight + gap);
    const length = row.count > 0 ? Math.max(2, ((width - labelWidth - valueWidth) * row.count) / max) : 0;
    picture.append(
      svg('text', { x: labelWidth - 8, y: y + barHeight / 2, class: 'chart-label', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, shorten(row.label, 24)),
      svg('rect', { x: labelWidth, y, width: length, height: barHeight, rx: 3, class: `chart-bar ${row.kind ?? ''}` }),
      svg('text', { x: labelWidth + length + 6, y: y + barHeight / 2, class: 'chart-value', 'dominant-baseline': 'middle' }, formatNumber(row.count)));
  });

  const table = h('table', { class: 'chart-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, headers[0]), h('th', { scope: 'col', class: 'num' }, headers[1]))),
    h('tbody', {}, rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.label), h('td', { class: 'num' }, formatNumber(row.count))))));
  return h('figure', { class: 'chart-figure', id }, h('figcaption', {}, title), picture, table);
}

/** The rows of a success / failure / unknown count. */
export const outcomeRows = (counts) => [
  { label: 'Successful', count: counts.success, kind: 'success' },
  { label: 'Unsuccessful', count: counts.failure, kind: 'failure' },
  { label: 'Unknown', count: counts.unknown, kind: 'unknown' },
];
