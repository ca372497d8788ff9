// Accounts: list and create; one account's page to edit, disable, set its password, delete it and
// see (and end) its sessions.

import { admin } from './api.js';
import { h, clear, field, checkbox, formAlert, showFormError, clearFormErrors, table, time, toast, confirmAction,
  describeError, replaceKeepingFocus, pageHeader, splitList } from './dom.js';
import { sessionTable, endAll } from './sessions.js';

export async function render(ctx) {
  if (ctx.params.length > 0) {
    return renderAccount(ctx, ctx.params[0]);
  }
  return renderList(ctx);
}

async function renderList(ctx) {
  const search = h('input', { type: 'search', name: 'search', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'part of a user name' });
  const type = h('select', { name: 'type' }, h('option', { value: '' }, 'All types'),
    h('option', { value: 'agent' }, 'Agents'), h('option', { value: 'customer' }, 'Customers'));
  const results = h('div', { id: 'accounts-results' });
  const count = h('p', { class: 'count', id: 'accounts-count' });
  let all = [];

  const draw = () => {
    const needle = search.value.trim().toLowerCase();
    const shown = all.filter((a) => !needle || a.username.toLowerCase().includes(needle)
      || (a.email || '').toLowerCase().includes(needle)
      || ((a.firstName || '') + ' ' + (a.lastName || '')).toLowerCase().includes(needle));
    count.textContent = shown.length + ' of ' + all.length + ' accounts' + (all.length >= 1000 ? ' (the first 1000)' : '');
    const columns = [
      { label: 'User name', cell: (a) => h('a', { href: ctx.link('accounts', a.id), 'data-focus-key': 'acc-' + a.id }, a.username) },
      { label: 'Type', cell: (a) => h('span', { class: 'badge ' + a.type }, a.type) },
      { label: 'Name', cell: (a) => [a.firstName, a.lastName].filter(Boolean).join(' ') || '—' },
      { label: 'Email', cell: (a) => a.email || '—' },
      { label: 'Status', cell: (a) => a.enabled ? h('span', { class: 'badge ok' }, 'enabled')
        : h('span', { class: 'badge off' }, 'disabled') },
      { label: 'Created', cell: (a) => time(a.createdAt) },
    ];
    columns.rowData = (a) => ({ username: a.username });
    replaceKeepingFocus(results, table('Accounts', columns, shown, 'No accounts match.'));
  };
  const load = async () => {
    all = await admin.accounts(ctx.tenant, { type: type.value });
    draw();
  };
  search.addEventListener('input', draw);
  type.addEventListener('change', () => load().catch((e) => toast(describeError(e), 'error')));

  const createForm = newAccountForm(ctx, load);
  clear(ctx.main).appendChild(h('section', {},
    pageHeader('Accounts'),
    h('details', { class: 'card collapsible', id: 'new-account' },
      h('summary', {}, h('span', { class: 'summary-title' }, 'Create an account')), createForm),
    h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter accounts', onsubmit: (e) => e.preventDefault() },
      field('Search', search), field('Type', type)),
    count, results));
  await load();
}

function newAccountForm(ctx, reload) {
  const username = h('input', { name: 'username', required: true, autocomplete: 'off', spellcheck: 'false' });
  const type = h('select', { name: 'type' }, h('option', { value: 'agent' }, 'Agent'),
    h('option', { value: 'customer' }, 'Customer'));
  const password = h('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' });
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'off' });
  const firstName = h('input', { name: 'firstName', autocomplete: 'off' });
  const lastName = h('input', { name: 'lastName', autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'button primary', 'data-needs': 'accounts-write' }, 'Create account');
  const form = h('form', { id: 'new-account-form', novalidate: true },
    formAlert(),
    h('div', { class: 'grid' },
      field('User name', username), field('Type', type),
      field('Password', password, 'At least 8 characters; common passwords are refused.'),
      field('Email', email), field('First name', firstName), field('Last name', lastName)),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const body = { username: username.value.trim(), password: password.value, type: type.value };
    if (email.value.trim()) {
      body.email = email.value.trim();
    }
    if (firstName.value.trim()) {
      body.firstName = firstName.value.trim();
    }
    if (lastName.value.trim()) {
      body.lastName = lastName.value.trim();
    }
    submit.disabled = true;
    try {
      const created = await admin.createAccount(ctx.tenant, body);
      form.reset();
      toast('Account ' + created.username + ' created.', 'success');
      await reload();
      username.focus();
    } catch (e) {
      showFormError(form, e);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

async function renderAccount(ctx, id) {
  let account = await admin.account(ctx.tenant, id);
  const sessionsBox = h('div', { id: 'account-sessions' });
  const headerBadges = h('span', { class: 'header-badges' });
  const title = pageHeader(account.username, headerBadges);

  const drawBadges = () => {
    clear(headerBadges).append(h('span', { class: 'badge ' + account.type }, account.type),
      account.enabled ? h('span', { class: 'badge ok' }, 'enabled') : h('span', { class: 'badge off' }, 'disabled'));
  };
  drawBadges();

  const refreshSessions = async (background) => {
    let list;
    try {
      list = await admin.sessions(ctx.tenant, { username: account.username }, { background });
    } catch (e) {
      return;
    }
    if (!ctx.isCurrent()) {
      return;
    }
    replaceKeepingFocus(sessionsBox, h('div', {},
      h('p', { class: 'count' }, list.length + ' live session' + (list.length === 1 ? '' : 's')),
      sessionTable(ctx, list, () => refreshSessions(false), { hideEndAll: true, caption: 'Sessions of ' + account.username,
        emptyText: account.username + ' has no live session.' })));
  };

  // profile
  const email = h('input', { name: 'email', type: 'email', value: account.email || '', autocomplete: 'off' });
  const firstName = h('input', { name: 'firstName', value: account.firstName || '', autocomplete: 'off' });
  const lastName = h('input', { name: 'lastName', value: account.lastName || '', autocomplete: 'off' });
  const idle = h('input', { name: 'idleTimeoutSeconds', type: 'number', min: '1', inputmode: 'numeric',
    value: account.idleTimeoutSeconds ?? '' });
  const rights = h('textarea', { name: 'accessRights', rows: '2' }, (account.accessRights || []).join(', '));
  const segments = h('textarea', { name: 'segments', rows: '2' }, (account.segments || []).join(', '));
  const enabled = h('input', { type: 'checkbox', name: 'enabled', checked: account.enabled });
  const saveProfile = h('button', { type: 'submit', class: 'button primary', 'data-needs': 'accounts-write' }, 'Save changes');
  const profile = h('form', { id: 'account-form', novalidate: true, 'aria-labelledby': 'profile-title' },
    h('h2', { id: 'profile-title' }, 'Profile'),
    formAlert(),
    h('div', { class: 'grid' },
      field('Email', email), field('First name', firstName), field('Last name', lastName),
      field('Idle timeout (seconds)', idle, 'Empty: the tenant default for this account type.'),
      field('Access rights', rights, 'Comma or line separated.'),
      field('Segments', segments, 'Comma or line separated.')),
    checkbox('Enabled (a disabled account cannot log in; disabling ends its sessions)', enabled),
    h('div', { class: 'actions' }, saveProfile));
  profile.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(profile);
    const patch = {
      email: email.value.trim() || null,
      firstName: firstName.value.trim() || null,
      lastName: lastName.value.trim() || null,
      idleTimeoutSeconds: idle.value.trim() === '' ? null : Number(idle.value),
      accessRights: splitList(rights.value),
      segments: splitList(segments.value),
      enabled: enabled.checked,
    };
    saveProfile.disabled = true;
    try {
      account = await admin.patchAccount(ctx.tenant, account.id, patch);
      drawBadges();
      toast('Changes to ' + account.username + ' saved.', 'success');
      await refreshSessions(false);
    } catch (e) {
      showFormError(profile, e);
    } finally {
      saveProfile.disabled = false;
    }
  });

  // password
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true });
  const confirm = h('input', { name: 'confirm', type: 'password', autocomplete: 'new-password', required: true });
  const setPassword = h('button', { type: 'submit', class: 'button primary', 'data-needs': 'account-password-reset' }, 'Set password');
  const passwordForm = h('form', { id: 'password-form', novalidate: true, 'aria-labelledby': 'password-title' },
    h('h2', { id: 'password-title' }, 'Set a new password'),
    formAlert(),
    h('div', { class: 'grid' }, field('New password', password, 'At least 8 characters; common passwords are refused.'),
      field('Repeat the new password', confirm)),
    h('div', { class: 'actions' }, setPassword));
  passwordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(passwordForm);
    if (password.value !== confirm.value) {
      showFormError(passwordForm, { message: 'The two passwords differ.', field: 'confirm' });
      return;
    }
    setPassword.disabled = true;
    try {
      await admin.setPassword(ctx.tenant, account.id, password.value);
      passwordForm.reset();
      toast('New password of ' + account.username + ' set.', 'success');
    } catch (e) {
      showFormError(passwordForm, e);
    } finally {
      setPassword.disabled = false;
    }
  });

  const toggle = h('button', { type: 'button', class: 'button secondary', id: 'toggle-enabled', 'data-needs': 'account-enable' },
    account.enabled ? 'Disable account' : 'Enable account');
  toggle.addEventListener('click', async () => {
    const disabling = account.enabled;
    if (disabling && !(await confirmAction('Disable ' + account.username + '?',
      'The account cannot log in until enabled again, and its live sessions end now.', 'Disable'))) {
      return;
    }
    try {
      account = await admin.patchAccount(ctx.tenant, account.id, { enabled: !disabling });
      enabled.checked = account.enabled;
      toggle.textContent = account.enabled ? 'Disable account' : 'Enable account';
      drawBadges();
      toast(account.username + (account.enabled ? ' enabled.' : ' disabled.'), 'success');
      await refreshSessions(false);
    } catch (e) {
      toast(describeError(e), 'error');
    }
  });
  const endAllButton = h('button', { type: 'button', class: 'button secondary', 'data-needs': 'sessions-end', onclick: () =>
    endAll(ctx, account.username, () => refreshSessions(false)) }, 'End all sessions');
  const remove = h('button', { type: 'button', class: 'button danger', id: 'delete-account', 'data-needs': 'accounts-write' }, 'Delete account');
  remove.addEventListener('click', async () => {
    if (!(await confirmAction('Delete ' + account.username + '?',
      'The account and its sessions are removed for good. This cannot be undone.', 'Delete'))) {
      return;
    }
    try {
      await admin.deleteAccount(ctx.tenant, account.id);
      toast('Account ' + account.username + ' deleted.', 'success');
      ctx.go(ctx.link('accounts'));
    } catch (e) {
      toast(describeError(e), 'error');
    }
  });

  clear(ctx.main).appendChild(h('section', {},
    h('p', { class: 'breadcrumb' }, h('a', { href: ctx.link('accounts') }, '← All accounts')),
    title,
    h('p', { class: 'lead' }, 'Created ', time(account.createdAt), ' · ID ', h('span', { class: 'mono' }, account.id)),
    h('div', { class: 'actions toolbar' }, toggle, endAllButton, remove),
    h('section', { class: 'card', 'aria-labelledby': 'sessions-title' },
      h('h2', { id: 'sessions-title' }, 'Live sessions'), sessionsBox),
    h('div', { class: 'two-columns' }, h('div', { class: 'card' }, profile), h('div', { class: 'card' }, passwordForm))));
  await refreshSessions(false);
  ctx.every(5000, () => refreshSessions(true));
}
