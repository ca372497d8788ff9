// The audit trail: filter by type, account and time; newest first.

import { admin } from './api.js';
import { h, clear, field, formAlert, showFormError, clearFormErrors, table, time, pageHeader } from './dom.js';

const TYPES = ['login.succeeded', 'login.failed', 'login.throttled', 'login.refused-at-cap', 'logout',
  'session.evicted', 'session.expired', 'session.ended',
  'token.issued', 'token.revoked', 'token.evicted', 'token.refused', 'client.auth-failed',
  'password.changed', 'password.reset-sent', 'password.reset-confirmed', 'password.reset-failed',
  'account.registered', 'openid.linked', 'admin.change'];

function toInstant(localValue) {
  return localValue ? new Date(localValue).toISOString() : '';
}

function kindOf(type) {
  if (type.endsWith('failed') || type.endsWith('refused') || type.includes('throttled') || type.includes('refused-at-cap')) {
    return 'bad';
  }
  if (type === 'admin.change') {
    return 'admin';
  }
  return type.startsWith('login.succeeded') ? 'ok' : '';
}

export async function render(ctx) {
  const type = h('select', { name: 'type' }, h('option', { value: '' }, 'All types'),
    TYPES.map((x) => h('option', { value: x }, x)));
  const username = h('input', { name: 'username', autocomplete: 'off', spellcheck: 'false', placeholder: 'exact user name' });
  const since = h('input', { name: 'since', type: 'datetime-local', step: '1' });
  const until = h('input', { name: 'until', type: 'datetime-local', step: '1' });
  const limit = h('select', { name: 'limit' }, [50, 100, 500, 1000, 5000].map((n) =>
    h('option', { value: String(n), selected: n === 100 }, String(n))));
  const results = h('div', { id: 'events-results', 'aria-busy': 'false' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Show events');
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter the audit trail', novalidate: true },
    formAlert(),
    field('Type', type), field('User name', username), field('From (local time)', since), field('Until (local time)', until),
    field('At most', limit), h('div', { class: 'field buttons' }, submit));

  const load = async () => {
    clearFormErrors(form);
    results.setAttribute('aria-busy', 'true');
    try {
      const list = await admin.events(ctx.tenant, {
        type: type.value, username: username.value.trim(), since: toInstant(since.value), until: toInstant(until.value),
        limit: limit.value,
      });
      const columns = [
        { label: 'Time', cell: (e) => time(e.at) },
        { label: 'Type', cell: (e) => h('span', { class: 'event-type ' + kindOf(e.type) }, e.type) },
        { label: 'Account', cell: (e) => e.username || '—' },
        { label: 'Channel', cell: (e) => e.channel || '—' },
        { label: 'Client IP', cell: (e) => e.clientIp || '—', className: 'mono' },
        { label: 'Actor', cell: (e) => e.actor || '—' },
        { label: 'Detail', cell: (e) => e.detail || '', className: 'detail' },
      ];
      clear(results).appendChild(h('div', {},
        h('p', { class: 'count', role: 'status' }, list.length + ' event' + (list.length === 1 ? '' : 's') + ', newest first'
          + (String(list.length) === limit.value ? ' (limit reached; narrow the filter or raise the limit)' : '')),
        table('Audit events', columns, list, 'No events match.')));
    } catch (e) {
      showFormError(form, e);
    } finally {
      results.setAttribute('aria-busy', 'false');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  clear(ctx.main).appendChild(h('section', {}, pageHeader('Audit trail'), form, results));
  await load();
}
