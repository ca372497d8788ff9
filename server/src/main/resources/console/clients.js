// Client applications: list, create (the secret is shown once, here, and never again), delete.

import { admin } from './api.js';
import { h, clear, field, formAlert, showFormError, clearFormErrors, table, time, toast, confirmAction,
  describeError, replaceKeepingFocus, pageHeader } from './dom.js';

export async function render(ctx) {
  const results = h('div', { id: 'clients-results' });
  const secretBox = h('div', { id: 'client-secret', tabindex: '-1' });

  const load = async () => {
    const list = await admin.clients(ctx.tenant);
    const columns = [
      { label: 'Client ID', cell: (c) => h('span', { class: 'mono' }, c.clientId) },
      { label: 'Name', cell: (c) => c.name || '—' },
      { label: 'Created', cell: (c) => time(c.createdAt) },
      { label: 'Actions', className: 'actions-cell', cell: (c) => h('button', {
        type: 'button', class: 'button small danger', 'data-focus-key': 'del-' + c.clientId, 'data-needs': 'clients-write',
        'aria-label': 'Delete client ' + c.clientId, onclick: () => remove(c),
      }, 'Delete') },
    ];
    columns.rowData = (c) => ({ clientId: c.clientId });
    replaceKeepingFocus(results, table('Client applications', columns, list, 'No client applications yet.'));
  };

  const remove = async (c) => {
    if (!(await confirmAction('Delete client ' + c.clientId + '?',
      'Its secret stops working and its access tokens are revoked. This cannot be undone.', 'Delete client'))) {
      return;
    }
    try {
      await admin.deleteClient(ctx.tenant, c.clientId);
      toast('Client ' + c.clientId + ' deleted.', 'success');
    } catch (e) {
      toast(describeError(e), 'error');
    }
    await load();
  };

  const clientId = h('input', { name: 'clientId', required: true, autocomplete: 'off', spellcheck: 'false' });
  const name = h('input', { name: 'name', autocomplete: 'off' });
  const secret = h('input', { name: 'clientSecret', type: 'password', autocomplete: 'new-password' });
  const submit = h('button', { type: 'submit', class: 'button primary', 'data-needs': 'clients-write' }, 'Create client');
  const form = h('form', { id: 'new-client-form', novalidate: true },
    formAlert(),
    h('div', { class: 'grid' }, field('Client ID', clientId), field('Name', name),
      field('Secret', secret, 'Leave empty to have a strong secret generated (recommended).')),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const body = { clientId: clientId.value.trim() };
    if (name.value.trim()) {
      body.name = name.value.trim();
    }
    if (secret.value) {
      body.clientSecret = secret.value;
    }
    submit.disabled = true;
    try {
      const created = await admin.createClient(ctx.tenant, body);
      form.reset();
      showSecret(secretBox, created);
      await load();
    } catch (e) {
      showFormError(form, e);
    } finally {
      submit.disabled = false;
    }
  });
  ctx.onLeave(() => clear(secretBox));

  clear(ctx.main).appendChild(h('section', {},
    pageHeader('Client applications'),
    h('p', { class: 'lead' }, 'Applications that get access tokens with the client credentials grant (POST /oauth2/token).'),
    secretBox,
    h('section', { class: 'card', 'aria-labelledby': 'new-client-title' },
      h('h2', { id: 'new-client-title' }, 'Create a client application'), form),
    results));
  await load();
}

function showSecret(box, created) {
  const value = h('input', { type: 'text', readonly: true, value: created.clientSecret, class: 'mono secret-value',
    id: 'client-secret-value', 'aria-describedby': 'client-secret-warning', spellcheck: 'false' });
  const copy = h('button', { type: 'button', class: 'button secondary' }, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(created.clientSecret);
      toast('Secret copied.', 'success');
    } catch (e) {
      value.select();
      toast('Select the secret and copy it by hand.');
    }
  });
  const done = h('button', { type: 'button', class: 'button primary', onclick: () => clear(box) }, 'I have stored it');
  clear(box).appendChild(h('div', { class: 'card secret-card', role: 'region', 'aria-labelledby': 'client-secret-title' },
    h('h2', { id: 'client-secret-title' }, 'Secret of ' + created.clientId),
    h('p', { id: 'client-secret-warning', class: 'warning' },
      'This is the only time the secret is shown. Only its hash is stored; if it is lost, delete the client and create it again.'),
    h('div', { class: 'secret-row' }, h('label', { for: 'client-secret-value', class: 'visually-hidden' }, 'Client secret'),
      value, copy),
    h('div', { class: 'actions' }, done)));
  box.focus();
  value.select();
}
