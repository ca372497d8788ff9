// Charts as inline SVG, drawn here (no library). Colours come from console.css classes (series-N).
// Every chart is an image with a title and description for screen readers, and offers its numbers
// as a table.

import { h } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
let chartCounter = 0;

function s(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) {
      el.setAttribute(key, String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined) {
      continue;
    }
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function niceMax(value) {
  if (value <= 4) {
    return 4;
  }
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= value) {
      return step * magnitude;
    }
  }
  return 10 * magnitude;
}

function legend(series) {
  return h('ul', { class: 'legend' }, series.map((serie, i) =>
    h('li', {}, h('span', { class: 'swatch series-' + (serie.colour ?? i), 'aria-hidden': 'true' }), serie.label)));
}

function dataTable(caption, headers, rows) {
  return h('details', { class: 'chart-data' },
    h('summary', { 'data-focus-key': 'data-' + caption }, 'Show the numbers'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data compact' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) =>
        i === 0 ? h('th', { scope: 'row', 'data-label': headers[0] }, cell)
          : h('td', { 'data-label': headers[i] }, cell))))))));
}

/**
 * Stacked columns over time.
 * buckets: [{label: 'HH:MM', values: {seriesKey: count}}]; series: [{key, label, colour}]
 */
export function stackedColumns(title, description, buckets, series, size = {}) {
  chartCounter += 1;
  const id = 'chart-' + chartCounter;
  const width = size.width || 720;
  const height = size.height || 260;
  const left = 40;
  const right = 10;
  const top = 12;
  const bottom = 28;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const totals = buckets.map((b) => series.reduce((sum, serie) => sum + (b.values[serie.key] || 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const y = (v) => top + plotH - (v / max) * plotH;
  const slot = plotW / Math.max(1, buckets.length);
  const barW = Math.max(1, slot * 0.75);

  const svg = s('svg', {
    class: 'chart', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
    'aria-labelledby': id + '-title ' + id + '-desc', preserveAspectRatio: 'xMidYMid meet',
  }, s('title', { id: id + '-title' }, title), s('desc', { id: id + '-desc' }, description));

  for (let i = 0; i <= 4; i++) {
    const value = (max / 4) * i;
    const yy = y(value);
    svg.appendChild(s('line', { class: 'grid', x1: left, x2: width - right, y1: yy, y2: yy }));
    svg.appendChild(s('text', { class: 'axis', x: left - 6, y: yy + 4, 'text-anchor': 'end' },
      Number.isInteger(value) ? value : value.toFixed(1)));
  }
  buckets.forEach((bucket, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let base = 0;
    series.forEach((serie, si) => {
      const count = bucket.values[serie.key] || 0;
      if (count > 0) {
        const rect = s('rect', {
          class: 'bar series-' + (serie.colour ?? si), x: x.toFixed(2), width: barW.toFixed(2),
          y: y(base + count).toFixed(2), height: (y(base) - y(base + count)).toFixed(2),
        }, s('title', {}, bucket.label + ' · ' + serie.label + ': ' + count));
        svg.appendChild(rect);
        base += count;
      }
    });
    const last = i === buckets.length - 1;
    const every = size.labelEvery || 10;
    if ((i % every === 0 && buckets.length - 1 - i >= every * 0.6) || last) {
      svg.appendChild(s('text', { class: 'axis', x: (left + i * slot + (last ? slot : slot / 2)).toFixed(2),
        y: height - 8, 'text-anchor': last ? 'end' : (i === 0 ? 'start' : 'middle') }, bucket.label));
    }
  });
  svg.appendChild(s('line', { class: 'baseline', x1: left, x2: width - right, y1: top + plotH, y2: top + plotH }));

  const nonEmpty = buckets.filter((b, i) => totals[i] > 0);
  const table = dataTable(title, ['Minute', ...series.map((x) => x.label), 'Total'],
    nonEmpty.length === 0 ? [['(none)', ...series.map(() => 0), 0]]
      : nonEmpty.map((b) => [b.label, ...series.map((x) => b.values[x.key] || 0),
        series.reduce((sum, x) => sum + (b.values[x.key] || 0), 0)]));
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), svg, legend(series), table);
}

/** Horizontal bars: items [{label, value}]. */
export function horizontalBars(title, description, items) {
  chartCounter += 1;
  const id = 'chart-' + chartCounter;
  const width = 600;
  const rowH = 34;
  const left = 130;
  const right = 50;
  const height = Math.max(1, items.length) * rowH + 10;
  const max = niceMax(Math.max(0, ...items.map((x) => x.value)));
  const svg = s('svg', {
    class: 'chart', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
    'aria-labelledby': id + '-title ' + id + '-desc',
  }, s('title', { id: id + '-title' }, title), s('desc', { id: id + '-desc' }, description));
  if (items.length === 0) {
    svg.appendChild(s('text', { class: 'axis', x: width / 2, y: 24, 'text-anchor': 'middle' }, 'No live sessions'));
  }
  items.forEach((item, i) => {
    const yy = 5 + i * rowH;
    const w = (item.value / max) * (width - left - right);
    svg.appendChild(s('text', { class: 'axis label', x: left - 8, y: yy + rowH / 2 + 4, 'text-anchor': 'end' },
      item.label));
    svg.appendChild(s('rect', { class: 'bar series-' + (item.colour ?? i), x: left, y: yy + 4,
      width: Math.max(w, item.value > 0 ? 2 : 0).toFixed(2), height: rowH - 8 },
    s('title', {}, item.label + ': ' + item.value)));
    svg.appendChild(s('text', { class: 'axis value', x: left + w + 6, y: yy + rowH / 2 + 4 }, item.value));
  });
  const table = dataTable(title, ['Channel', 'Sessions'], items.map((x) => [x.label, x.value]));
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), svg, table);
}
