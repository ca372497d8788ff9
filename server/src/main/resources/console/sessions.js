// Live sessions of a tenant: filter, end one, end all of an account; refreshed every few seconds.

import { admin } from './api.js';
import { h, clear, field, table, time, toast, confirmAction, describeError, replaceKeepingFocus, pageHeader, checkbox }
  from './dom.js';

const REFRESH_MS = 5000;

/** The columns of a session table; shared with the account page. */
export function sessionTable(ctx, list, refresh, options = {}) {
  const columns = [
    { label: 'Account', cell: (s) => h('span', { class: 'account-cell' }, s.username,
      h('span', { class: 'badge ' + s.accountType }, s.accountType)) },
    { label: 'Channel', cell: (s) => h('span', { class: 'channel' }, s.channel) },
    { label: 'Client IP', cell: (s) => s.clientIp || '—', className: 'mono' },
    { label: 'Created', cell: (s) => time(s.createdAt, false, true) },
    { label: 'Last seen', cell: (s) => time(s.lastSeenAt, true, true) },
    { label: 'Expires', cell: (s) => time(s.expiresAt, true, true) },
    { label: 'Actions', className: 'actions-cell', cell: (s) => h('div', { class: 'row-actions' },
      h('button', {
        type: 'button', class: 'button small danger', 'data-focus-key': 'end-' + s.ref, 'data-action': 'end-session', 'data-needs': 'sessions-end',
        'data-ref': s.ref, 'aria-label': 'End session of ' + s.username + ' on ' + s.channel + ' from ' + (s.clientIp || 'unknown address'),
        onclick: () => endOne(ctx, s, refresh),
      }, 'End'),
      options.hideEndAll ? null : h('button', {
        type: 'button', class: 'button small secondary', 'data-focus-key': 'endall-' + s.username + '-' + s.ref, 'data-needs': 'sessions-end',
        'data-action': 'end-all', 'aria-label': 'End all sessions of ' + s.username,
        onclick: () => endAll(ctx, s.username, refresh),
      }, 'End all')) },
  ];
  columns.rowKey = (s) => s.ref;
  columns.rowData = (s) => ({ username: s.username, channel: s.channel });
  return table(options.caption || 'Live sessions', columns, list, options.emptyText || 'No live sessions.');
}

async function endOne(ctx, s, refresh) {
  const ok = await confirmAction('End this session?',
    'The ' + s.channel + ' session of ' + s.username + ' from ' + (s.clientIp || 'an unknown address')
    + ' ends at once; its next request is refused.', 'End session');
  if (!ok) {
    return;
  }
  try {
    await admin.endSession(ctx.tenant, s.ref);
    toast('Session of ' + s.username + ' ended.', 'success');
  } catch (e) {
    toast(e.status === 404 ? 'That session had already ended.' : describeError(e), e.status === 404 ? null : 'error');
  }
  await refresh();
}

export async function endAll(ctx, username, refresh) {
  const ok = await confirmAction('End all sessions of ' + username + '?',
    'Every live session of ' + username + ' in this tenant ends at once, on every channel.', 'End all');
  if (!ok) {
    return;
  }
  try {
    const result = await admin.endSessionsOf(ctx.tenant, username);
    toast(result.ended + ' session' + (result.ended === 1 ? '' : 's') + ' of ' + username + ' ended.', 'success');
  } catch (e) {
    toast(describeError(e), 'error');
  }
  await refresh();
}

export async function render(ctx) {
  const username = h('input', { type: 'search', name: 'username', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'part of a user name' });
  const channel = h('select', { name: 'channel' }, h('option', { value: '' }, 'All channels'));
  const auto = h('input', { type: 'checkbox', name: 'auto', checked: true });
  const status = h('p', { class: 'refresh-status', id: 'sessions-status' });
  const count = h('p', { class: 'count', id: 'sessions-count' });
  const results = h('div', { id: 'sessions-results' });
  let all = [];

  const draw = () => {
    const needle = username.value.trim().toLowerCase();
    const wanted = channel.value;
    const shown = all.filter((s) => (!needle || s.username.toLowerCase().includes(needle))
      && (!wanted || s.channel === wanted));
    count.textContent = shown.length === all.length
      ? all.length + ' live session' + (all.length === 1 ? '' : 's')
      : shown.length + ' of ' + all.length + ' live sessions match the filter';
    replaceKeepingFocus(results, sessionTable(ctx, shown, () => refresh(false)));
  };

  const refresh = async (background) => {
    try {
      all = (await admin.sessions(ctx.tenant, {}, { background }))
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    } catch (e) {
      if (e.status !== 401) {
        status.textContent = 'Refresh failed: ' + describeError(e);
      }
      return;
    }
    if (!ctx.isCurrent()) {
      return;
    }
    const channels = [...new Set(all.map((s) => s.channel))].sort();
    const selected = channel.value;
    while (channel.options.length > 1) {
      channel.remove(1);
    }
    for (const name of new Set([...channels, ...(selected ? [selected] : [])])) {
      channel.appendChild(h('option', { value: name }, name));
    }
    channel.value = selected;
    status.textContent = 'Updated ' + new Date().toLocaleTimeString();
    draw();
  };

  username.addEventListener('input', draw);
  channel.addEventListener('change', draw);
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter sessions',
    onsubmit: (e) => e.preventDefault() },
  field('User name', username), field('Channel', channel),
  h('div', { class: 'field buttons' }, h('button', { type: 'button', class: 'button secondary', onclick: () => {
    username.value = '';
    channel.value = '';
    draw();
  } }, 'Clear filter')));

  clear(ctx.main).appendChild(h('section', {},
    pageHeader('Live sessions', h('div', { class: 'header-tools' },
      checkbox('Refresh every 5 seconds', auto), status)),
    filters, count, results));
  await refresh(false);
  ctx.every(REFRESH_MS, () => {
    if (auto.checked) {
      refresh(true);
    }
  });
}
