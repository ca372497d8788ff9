// Dashboard: logins per minute over the last hour (by outcome, by channel) from the audit trail,
// and live sessions by channel from the sessions API.

import { admin } from './api.js';
import { h, clear, pageHeader, describeError, replaceKeepingFocus } from './dom.js';
import { stackedColumns, horizontalBars } from './charts.js';

const REFRESH_MS = 15000;
const MINUTES = 60;
const LIMIT = 10000;
export const OUTCOMES = [
  { key: 'login.succeeded', label: 'Succeeded', colour: 0 },
  { key: 'login.failed', label: 'Failed', colour: 1 },
  { key: 'login.throttled', label: 'Throttled', colour: 2 },
  { key: 'login.refused-at-cap', label: 'Refused at cap', colour: 3 },
];
const CHANNEL_COLOURS = 8;

function minuteLabel(date) {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function channelColour(channels, name) {
  return 4 + (channels.indexOf(name) % CHANNEL_COLOURS);
}

async function load(ctx, background) {
  const now = Date.now();
  const end = Math.floor(now / 60000) * 60000;
  const start = end - (MINUTES - 1) * 60000;
  const since = new Date(start).toISOString();
  const [sessions, ...perOutcome] = await Promise.all([
    admin.sessions(ctx.tenant, {}, { background }),
    ...OUTCOMES.map((o) => admin.events(ctx.tenant, { type: o.key, since, limit: LIMIT }, { background })),
  ]);
  return { sessions, perOutcome, start, end };
}

function build(data) {
  const { sessions, perOutcome, start } = data;
  const narrow = window.matchMedia('(max-width: 640px)').matches;
  const buckets = [];
  const byChannel = [];
  for (let i = 0; i < MINUTES; i++) {
    buckets.push({ label: minuteLabel(new Date(start + i * 60000)), values: {} });
    byChannel.push({ label: buckets[i].label, values: {} });
  }
  const channels = new Set();
  const totals = {};
  let truncated = false;
  perOutcome.forEach((events, index) => {
    const outcome = OUTCOMES[index];
    totals[outcome.key] = 0;
    if (events.length >= LIMIT) {
      truncated = true;
    }
    for (const event of events) {
      const minute = Math.floor((new Date(event.at).getTime() - start) / 60000);
      if (minute < 0 || minute >= MINUTES) {
        continue;
      }
      const channel = event.channel || 'unknown';
      channels.add(channel);
      buckets[minute].values[outcome.key] = (buckets[minute].values[outcome.key] || 0) + 1;
      byChannel[minute].values[channel] = (byChannel[minute].values[channel] || 0) + 1;
      totals[outcome.key] += 1;
    }
  });
  const sessionChannels = new Map();
  for (const s of sessions) {
    sessionChannels.set(s.channel, (sessionChannels.get(s.channel) || 0) + 1);
    channels.add(s.channel);
  }
  const channelList = [...channels].sort();
  const channelSeries = channelList.filter((c) => byChannel.some((b) => b.values[c]))
    .map((c) => ({ key: c, label: c, colour: channelColour(channelList, c) }));
  const attempts = Object.values(totals).reduce((a, b) => a + b, 0);

  const tiles = h('ul', { class: 'tiles', 'aria-label': 'Summary' },
    tile('Live sessions', sessions.length, 'now'),
    tile('Successful logins', totals['login.succeeded'], 'last hour'),
    tile('Failed logins', totals['login.failed'], 'last hour', totals['login.failed'] > 0 ? 'warn' : null),
    tile('Throttled or refused', totals['login.throttled'] + totals['login.refused-at-cap'], 'last hour'));

  const outcomeChart = stackedColumns('Logins per minute by outcome, last hour',
    attempts + ' login attempts in the last 60 minutes: ' + OUTCOMES.map((o) => totals[o.key] + ' ' + o.label.toLowerCase()).join(', ') + '.',
    buckets, OUTCOMES, narrow ? { width: 420, height: 280, labelEvery: 20 } : { width: 1100, height: 240 });
  const channelChart = stackedColumns('Logins per minute by channel, last hour',
    'Login attempts of every outcome per minute, split by the channel (dialect) they came through: '
    + (channelSeries.length ? channelSeries.map((c) => c.label).join(', ') : 'none') + '.',
    byChannel, channelSeries.length ? channelSeries : [{ key: '-', label: 'no logins', colour: 4 }],
    narrow ? { width: 420, height: 280, labelEvery: 20 } : { width: 600, height: 280 });
  const sessionItems = [...sessionChannels.entries()].sort((a, b) => b[1] - a[1])
    .map(([label, value]) => ({ label, value, colour: channelColour(channelList, label) }));
  const sessionChart = horizontalBars('Live sessions by channel',
    sessions.length + ' live sessions: ' + sessionItems.map((x) => x.label + ' ' + x.value).join(', ') + '.',
    sessionItems);

  return h('div', { class: 'dashboard' },
    tiles,
    truncated ? h('p', { class: 'notice' }, 'More than ' + LIMIT + ' events of one kind in the hour: the charts show the latest ' + LIMIT + '.') : null,
    h('div', { class: 'charts' },
      h('section', { class: 'card chart-card wide', 'aria-label': 'Logins by outcome' }, outcomeChart),
      h('section', { class: 'card chart-card', 'aria-label': 'Logins by channel' }, channelChart),
      h('section', { class: 'card chart-card', 'aria-label': 'Sessions by channel' }, sessionChart)));
}

function tile(label, value, period, kind) {
  return h('li', { class: 'tile' + (kind ? ' ' + kind : '') },
    h('span', { class: 'tile-value' }, String(value)),
    h('span', { class: 'tile-label' }, label),
    h('span', { class: 'tile-period' }, period));
}

export async function render(ctx) {
  const status = h('p', { class: 'refresh-status', id: 'dashboard-status' });
  const body = h('div', { id: 'dashboard-body' });
  clear(ctx.main).appendChild(h('section', {},
    pageHeader('Dashboard', h('div', { class: 'header-tools' }, status)), body));
  const refresh = async (background) => {
    try {
      const data = await load(ctx, background);
      if (!ctx.isCurrent()) {
        return;
      }
      // keep open "Show the numbers" panels open across refreshes
      const open = [...body.querySelectorAll('details[open] summary')].map((x) => x.parentElement.parentElement.querySelector('figcaption').textContent);
      replaceKeepingFocus(body, build(data));
      body.querySelectorAll('figure').forEach((figure) => {
        if (open.includes(figure.querySelector('figcaption').textContent)) {
          figure.querySelector('details').open = true;
        }
      });
      status.textContent = 'Updated ' + new Date().toLocaleTimeString() + ' · refreshes every 15 seconds';
    } catch (e) {
      if (e.status !== 401) {
        status.textContent = 'Refresh failed: ' + describeError(e);
      }
    }
  };
  await refresh(false);
  ctx.every(REFRESH_MS, () => refresh(true));
  const media = window.matchMedia('(max-width: 640px)');
  const redraw = () => refresh(true);
  media.addEventListener('change', redraw);
  ctx.onLeave(() => media.removeEventListener('change', redraw));
}
