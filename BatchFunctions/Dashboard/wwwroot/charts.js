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

const series = [['dialed', 'Dialed'], ['answered', 'Answered'], ['ended', 'Ended']];
const plot = { left: 44, right: 12, top: 10, bottom: 28, width: 520, height: 190 };

/**
 * Calls dialed, answered and ended over time, one line each (told apart by dash pattern as well as colour), with
 * the same numbers as a table. timeline: the /timeline answer, whose buckets leave out the empty ones; the chart
 * puts zeros in between so that time runs evenly along it. label(unixSeconds) writes a bucket's start.
 */
export function timelineChart({ id, title, timeline, label }) {
  const step = timeline.bucket_minutes * 60;
  const byStart = new Map(timeline.buckets.map((b) => [b.start_unix, b]));
  const first = timeline.buckets[0].start_unix;
  const count = (timeline.buckets.at(-1).start_unix - first) / step + 1;
  const points = Array.from({ length: count }, (_, i) => byStart.get(first + i * step) ?? { start_unix: first + i * step, dialed: 0, answered: 0, ended: 0 });
  const max = Math.max(1, ...points.flatMap((p) => series.map(([key]) => p[key])));
  const innerWidth = plot.width - plot.left - plot.right;
  const innerHeight = plot.height - plot.top - plot.bottom;
  const x = (i) => plot.left + (count === 1 ? innerWidth / 2 : (innerWidth * i) / (count - 1));
  const y = (value) => plot.top + innerHeight - (innerHeight * value) / max;

  const picture = svg('svg', { viewBox: `0 0 ${plot.width} ${plot.height}`, class: 'chart timeline', 'aria-hidden': 'true', focusable: 'false' });
  for (const value of [0, Math.round(max / 2), max]) {
    picture.append(
      svg('line', { x1: plot.left, x2: plot.width - plot.right, y1: y(value), y2: y(value), class: 'chart-grid' }),
      svg('text', { x: plot.left - 6, y: y(value), class: 'chart-value', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, formatNumber(value)));
  }

  const ticks = count === 1 ? [0] : count === 2 ? [0, 1] : [0, Math.floor((count - 1) / 2), count - 1];
  for (const i of ticks) {
    const anchor = count === 1 || (i !== 0 && i !== count - 1) ? 'middle' : i === 0 ? 'start' : 'end';
    picture.append(svg('text', { x: x(i), y: plot.height - 8, class: 'chart-label', 'text-anchor': anchor }, label(points[i].start_unix)));
  }

  for (const [key] of series) {
    picture.append(svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p[key])}`).join(' '), class: `chart-line series-${key}` }));
    if (count <= 60) {
      points.forEach((p, i) => picture.append(svg('circle', { cx: x(i), cy: y(p[key]), r: 3, class: `chart-point series-${key}` })));
    }
  }

  const legend = h('ul', { class: 'chart-legend', 'aria-hidden': 'true' },
    series.map(([key, name]) => h('li', {}, h('span', { class: `swatch series-${key}` }), name)));
  const per = timeline.bucket_minutes === 1 ? 'minute' : `${timeline.bucket_minutes} minutes`;
  const table = h('table', { class: 'chart-table', id: `${id}-table` },
    h('caption', { class: 'visually-hidden' }, `Calls per ${per}; periods without calls are left out`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, timeline.bucket_minutes === 1 ? 'Minute' : `${per} from`),
      series.map(([, name]) => h('th', { scope: 'col', class: 'num' }, name)))),
    h('tbody', {}, timeline.buckets.map((b) => h('tr', {},
      h('th', { scope: 'row' }, h('time', { datetime: new Date(b.start_unix * 1000).toISOString() }, label(b.start_unix))),
      series.map(([key]) => h('td', { class: 'num' }, formatNumber(b[key])))))),
    h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Total'), series.map(([key]) => h('td', { class: 'num' }, formatNumber(timeline[key]))))));
  return h('figure', { class: 'chart-figure', id }, h('figcaption', {}, `${title}, per ${per}`), picture, legend, table);
}
