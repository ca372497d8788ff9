// Administrators: who may administer, with which role; owners create, delete and reset second factors.

import { admin } from './api.js';
import { h, field, formAlert, showFormError, clearFormErrors, table, time, toast, confirmAction, describeError,
  replaceKeepingFocus, pageHeader, splitList } from './dom.js';

export async function render(ctx) {
  const results = h('div', { id: 'administrators-results' });
  const load = async () => {
    const list = await admin.administrators();
    const columns = [
      { label: 'User', cell: (a) => h('span', { class: 'mono' }, a.username) },
      { label: 'Role', cell: (a) => a.role + (a.tenants.length ? ' (' + a.tenants.join(', ') + ')' : '') },
      { label: 'Second factor', cell: (a) => [a.totp ? 'TOTP' : null, a.passkeys ? a.passkeys + ' passkey(s)' : null]
        .filter((x) => x).join(', ') || 'none' },
      { label: 'Created', cell: (a) => time(a.createdAt) },
      { label: 'Actions', className: 'actions-cell', cell: (a) => [
        a.totp || a.passkeys ? h('button', { type: 'button', class: 'button small secondary', 'data-needs': 'administrators-manage',
          'aria-label': 'Reset second factor of ' + a.username, onclick: () => reset(a) }, 'Reset factor') : null,
        a.bootstrap ? null : h('button', { type: 'button', class: 'button small danger',
          'data-needs': 'administrators-manage', 'aria-label': 'Delete administrator ' + a.username,
          onclick: () => remove(a) }, 'Delete')] },
    ];
    columns.rowData = (a) => ({ username: a.username });
    replaceKeepingFocus(results, table('Administrators', columns, list, 'No administrators.'));
  };
  const remove = async (a) => {
    if (!(await confirmAction('Delete administrator ' + a.username + '?', 'They can no longer sign in.', 'Delete'))) {
      return;
    }
    try {
      await admin.deleteAdministrator(a.username);
      toast('Administrator ' + a.username + ' deleted.', 'success');
    } catch (e) {
      toast(describeError(e), 'error');
    }
    await load();
  };
  const reset = async (a) => {
    if (!(await confirmAction('Reset the second factor of ' + a.username + '?',
      'Their authenticator app and recovery codes stop working; they sign in with the password and enrol again.',
      'Reset'))) {
      return;
    }
    await admin.removeSecondFactors(a.username);
    toast('Second factor of ' + a.username + ' removed.', 'success');
    await load();
  };

  const username = h('input', { name: 'username', required: true, autocomplete: 'off', spellcheck: 'false' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true });
  const role = h('select', { name: 'role' }, ['helpdesk', 'auditor', 'tenant-admin', 'owner']
    .map((r) => h('option', { value: r }, r)));
  const tenants = h('input', { name: 'tenants', autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Create administrator');
  const form = h('form', { id: 'new-administrator-form', novalidate: true, 'data-needs': 'administrators-manage' },
    formAlert(),
    h('div', { class: 'grid' }, field('User', username), field('Password', password, 'At least 12 characters.'),
      field('Role', role), field('Tenants', tenants, 'For tenant-admin only: comma-separated tenant IDs.')),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const body = { username: username.value.trim(), password: password.value, role: role.value };
    if (role.value === 'tenant-admin') {
      body.tenants = splitList(tenants.value);
    }
    submit.disabled = true;
    try {
      await admin.createAdministrator(body);
      toast('Administrator ' + body.username + ' created.', 'success');
      form.reset();
      await load();
    } catch (e) {
      showFormError(form, e);
    } finally {
      submit.disabled = false;
    }
  });
  await load();
  ctx.main.replaceChildren(h('section', {}, pageHeader('Administrators'),
    h('p', { class: 'lead' }, 'Owners manage administrators; tenant-admins act inside their tenants; helpdesk '
      + 'supports accounts and sessions; auditors read.'),
    results, h('h2', { 'data-needs': 'administrators-manage' }, 'New administrator'), form));
}
