// Frontdesk admin console: hash routes, the page frame, sign-in and the tenant picker.
// Pages live in their own modules; each gets a context with the tenant, the <main> element and a
// timer helper whose timers stop when the page is left.

import * as api from './api.js';
import { h, clear, field, formAlert, showFormError, clearFormErrors, toast, describeError, pageHeader } from './dom.js';
import * as dashboard from './dashboard.js';
import * as sessions from './sessions.js';
import * as accounts from './accounts.js';
import * as clients from './clients.js';
import * as settings from './settings.js';
import * as events from './events.js';
import * as gateway from './gateway.js';
import * as security from './security.js';
import * as administrators from './administrators.js';

const PAGES = [
  { key: 'dashboard', label: 'Dashboard', module: dashboard, needs: 'events-read' },
  { key: 'sessions', label: 'Sessions', module: sessions, needs: 'sessions-read' },
  { key: 'accounts', label: 'Accounts', module: accounts, needs: 'accounts-read' },
  { key: 'clients', label: 'Clients', module: clients, needs: 'clients-read' },
  { key: 'settings', label: 'Settings', module: settings, needs: 'tenants-read' },
  { key: 'gateway', label: 'Gateway', module: gateway, needs: 'tenants-read' },
  { key: 'events', label: 'Audit trail', module: events, needs: 'events-read' },
];

// Pages outside any tenant.
const GLOBAL_PAGES = [
  { key: 'administrators', label: 'Administrators', module: administrators, needs: 'administrators-read' },
  { key: 'security', label: 'My sign-in', module: security, needs: 'self' },
];

const state = {
  session: null,
  me: null,
  tenants: [],
  wanted: null,
  cleanups: [],
  renderId: 0,
};

const main = document.getElementById('main');

function parseRoute() {
  const hash = location.hash || '';
  if (!hash.startsWith('#/')) {
    return null;
  }
  const parts = hash.slice(2).split('/').map(decodeURIComponent);
  if (parts[0] === 'signin') {
    return { name: 'signin' };
  }
  if (parts[0] === 'tenants') {
    return { name: 'tenants' };
  }
  const global = GLOBAL_PAGES.find((p) => p.key === parts[0]);
  if (global) {
    return { name: 'global', page: global };
  }
  if (parts[0] === 't' && parts[1]) {
    const page = PAGES.find((p) => p.key === (parts[2] || 'dashboard'));
    if (page) {
      return { name: 'page', tenant: parts[1], page, params: parts.slice(3) };
    }
  }
  return { name: 'unknown' };
}

export function go(hash) {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

export function tenantHash(tenant, page, ...rest) {
  return '#/t/' + [tenant, page, ...rest].map(encodeURIComponent).join('/');
}

function stopPage() {
  state.cleanups.forEach((fn) => {
    try {
      fn();
    } catch (e) {
      // a page's cleanup must not stop the next page
    }
  });
  state.cleanups = [];
}

async function route() {
  stopPage();
  const renderId = ++state.renderId;
  let current = parseRoute();
  if (current === null) {
    current = { name: state.session ? 'tenants' : 'signin' };
  }
  if (!state.session && current.name !== 'signin') {
    state.wanted = location.hash;
    showFrame(false);
    renderSignIn();
    return;
  }
  if (current.name === 'signin') {
    if (state.session) {
      go('#/tenants');
      return;
    }
    showFrame(false);
    renderSignIn();
    return;
  }
  showFrame(true);
  try {
    if (!state.me) {
      state.me = await api.admin.me();
    }
    if (state.me.enrolmentRequired && current.name !== 'global') {
      go('#/security');
      return;
    }
    if (current.name === 'global') {
      await renderGlobal(current.page, renderId);
      return;
    }
    await loadTenants();
  } catch (e) {
    renderError(e);
    return;
  }
  if (renderId !== state.renderId) {
    return;
  }
  if (current.name === 'tenants') {
    updateNav(null, null);
    renderTenantPicker();
    return;
  }
  if (current.name === 'unknown' || !state.tenants.some((x) => x.id === current.tenant)) {
    updateNav(null, null);
    clear(main).appendChild(h('section', {}, pageHeader('Not found'),
      h('p', {}, 'There is no such page or tenant. '), h('p', {}, h('a', { href: '#/tenants' }, 'Choose a tenant'))));
    focusTitle();
    return;
  }
  if (!may(current.page.needs)) {
    // e.g. helpdesk has no dashboard (it reads the audit trail): the first page the role may see
    const allowed = PAGES.find((p) => may(p.needs));
    go(allowed ? tenantHash(current.tenant, allowed.key) : '#/security');
    return;
  }
  sessionStorage.setItem('frontdesk.tenant', current.tenant);
  updateNav(current.tenant, current.page.key);
  document.title = current.page.label + ' · ' + current.tenant + ' · Frontdesk console';
  const ctx = {
    tenant: current.tenant,
    params: current.params,
    main,
    go,
    link: (page, ...rest) => tenantHash(current.tenant, page, ...rest),
    every(ms, fn) {
      const timer = setInterval(() => {
        if (!document.hidden) {
          fn();
        }
      }, ms);
      state.cleanups.push(() => clearInterval(timer));
    },
    onLeave(fn) {
      state.cleanups.push(fn);
    },
    isCurrent: () => renderId === state.renderId,
  };
  clear(main).appendChild(h('p', { class: 'loading' }, 'Loading…'));
  try {
    await current.page.module.render(ctx);
  } catch (e) {
    if (e.status !== 401 && renderId === state.renderId) {
      renderError(e);
    }
    return;
  }
  if (renderId === state.renderId) {
    focusTitle();
  }
}

/** Whether the signed-in administrator's role grants a permission (the API refuses it anyway). */
function may(permission) {
  return !!(state.me && state.me.permissions.includes(permission));
}

async function renderGlobal(page, renderId) {
  updateNav(null, page.key);
  if (!may(page.needs)) {
    clear(main).appendChild(h('section', {}, pageHeader('Not allowed'), h('p', {}, 'Your role does not allow this page.')));
    return;
  }
  document.title = page.label + ' · Frontdesk console';
  clear(main).appendChild(h('p', { class: 'loading' }, 'Loading…'));
  try {
    await page.module.render({ main, go, onEnrolled: () => { state.me = null; } });
  } catch (e) {
    if (e.status !== 401 && renderId === state.renderId) {
      renderError(e);
    }
    return;
  }
  if (renderId === state.renderId) {
    focusTitle();
  }
}

// Buttons and forms a role may not use are removed as pages draw them, not just disabled.
function pruneByRole() {
  new MutationObserver(() => {
    main.querySelectorAll('[data-needs]').forEach((el) => {
      if (!may(el.getAttribute('data-needs'))) {
        el.remove();
      }
    });
  }).observe(main, { childList: true, subtree: true });
}

function focusTitle() {
  const title = document.getElementById('page-title');
  if (title && document.activeElement !== title && !main.contains(document.activeElement)) {
    title.focus({ preventScroll: true });
  }
}

function renderError(e) {
  clear(main).appendChild(h('section', {}, pageHeader('Something went wrong'),
    h('p', { role: 'alert' }, describeError(e))));
}

async function loadTenants() {
  state.tenants = await api.admin.tenants();
  state.tenants.sort((a, b) => a.id.localeCompare(b.id));
  const select = document.getElementById('tenant-select');
  const selected = select.value;
  clear(select);
  for (const tenant of state.tenants) {
    select.appendChild(h('option', { value: tenant.id }, tenant.id));
  }
  select.value = selected || sessionStorage.getItem('frontdesk.tenant') || (state.tenants[0] && state.tenants[0].id) || '';
}

function showFrame(signedIn) {
  document.getElementById('topbar').hidden = !signedIn;
  document.body.classList.toggle('signed-in', signedIn);
}

function updateNav(tenant, active) {
  const nav = clear(document.getElementById('mainnav'));
  const list = h('ul', {});
  list.appendChild(h('li', {}, h('a', { href: '#/tenants', 'aria-current': tenant || active ? null : 'page' },
    'Tenants')));
  for (const page of GLOBAL_PAGES) {
    if (may(page.needs)) {
      list.appendChild(h('li', {}, h('a', { href: '#/' + page.key, id: 'nav-' + page.key,
        'aria-current': !tenant && page.key === active ? 'page' : null }, page.label)));
    }
  }
  if (tenant) {
    for (const page of PAGES.filter((p) => may(p.needs))) {
      list.appendChild(h('li', {}, h('a', {
        href: tenantHash(tenant, page.key), 'aria-current': page.key === active ? 'page' : null,
      }, page.label)));
    }
    document.getElementById('tenant-select').value = tenant;
  }
  nav.appendChild(list);
}

function renderSignIn(message) {
  document.title = 'Sign in · Frontdesk console';
  const username = h('input', { name: 'username', type: 'text', autocomplete: 'username', required: true,
    value: 'admin', spellcheck: 'false', autocapitalize: 'none' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const code = h('input', { name: 'code', type: 'text', autocomplete: 'one-time-code', inputmode: 'numeric',
    spellcheck: 'false', autocapitalize: 'none' });
  const codeField = field('Code from your authenticator app, or a recovery code', code);
  codeField.hidden = true;
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Sign in');
  const form = h('form', { class: 'card narrow', id: 'signin-form', novalidate: true },
    formAlert(),
    field('User', username),
    field('Password', password),
    codeField,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    if (!password.value) {
      showFormError(form, { message: 'Enter the admin password.', field: 'password' });
      return;
    }
    submit.disabled = true;
    try {
      state.session = await api.signIn(username.value.trim(), password.value, code.value.trim());
      password.value = '';
      state.me = null;
      let target = state.wanted && state.wanted !== '#/signin' ? state.wanted : '#/tenants';
      if (state.session.enrolmentRequired) {
        target = '#/security';
      }
      state.wanted = null;
      go(target);
    } catch (e) {
      if (e.status === 401 && e.message === 'code_required') {
        codeField.hidden = false;
        showFormError(form, { message: 'code_required', field: 'code' });
        code.focus();
        return;
      }
      password.value = '';
      code.value = '';
      if (e.status === 401 && e.message === 'passkey_required') {
        showFormError(form, { message: 'passkey_required' });
        passkey.focus();
        return;
      }
      const wrong = codeField.hidden ? 'invalid_credentials' : 'invalid_password_or_code';
      showFormError(form, e.status === 401 ? { message: wrong, field: 'password' } : e);
    } finally {
      submit.disabled = false;
    }
  });
  const passkey = h('button', { type: 'button', class: 'button secondary', id: 'passkey-signin' },
    'Sign in with a passkey');
  passkey.addEventListener('click', async () => {
    clearFormErrors(form);
    passkey.disabled = true;
    try {
      state.session = await api.signInWithPasskey();
      state.me = null;
      const target = state.wanted && state.wanted !== '#/signin' ? state.wanted : '#/tenants';
      state.wanted = null;
      go(target);
    } catch (e) {
      showFormError(form, e.status ? e : { message: 'The passkey sign-in did not complete.' });
    } finally {
      passkey.disabled = false;
    }
  });
  clear(main).appendChild(h('section', { class: 'signin' },
    h('div', { class: 'signin-brand' }, h('img', { src: 'favicon.svg', alt: '', width: 40, height: 40 }),
      h('span', {}, 'Frontdesk')),
    pageHeader('Sign in to the admin console'),
    message ? h('p', { class: 'notice', role: 'status' }, message) : null,
    form,
    window.PublicKeyCredential ? h('p', { class: 'center' }, passkey) : null,
    h('p', { class: 'hint center' }, 'The console signs you out after 15 minutes without activity and after 8 hours at most.')));
  password.focus();
}

function renderTenantPicker() {
  document.title = 'Tenants · Frontdesk console';
  const list = h('ul', { class: 'tenant-list' }, state.tenants.map((tenant) => h('li', {},
    h('a', { class: 'tenant-card', href: tenantHash(tenant.id, 'dashboard'), 'data-tenant': tenant.id },
      h('span', { class: 'tenant-name' }, tenant.id),
      h('span', { class: 'tenant-hosts' }, tenant.hosts && tenant.hosts.length
        ? 'Hosts: ' + tenant.hosts.join(', ') : 'Serves requests for any host no other tenant claims'),
      h('span', { class: 'tenant-meta' }, 'Up to ' + tenant.settings.maxSessionsPerAccount
        + ' sessions per account · idle timeout ' + Math.round(tenant.settings.idleTimeoutSeconds / 60) + ' min')))));
  clear(main).appendChild(h('section', {}, pageHeader('Choose a tenant'),
    state.session && state.session.enrolmentSuggested && state.me && !state.me.totp
      ? h('p', { class: 'notice', role: 'status', id: 'enrol-suggestion' }, 'You sign in with a password alone. ',
        h('a', { href: '#/security' }, 'Set up an authenticator app'), ' to protect this console.') : null,
    h('p', { class: 'lead' }, 'Each tenant has its own accounts, client applications, sessions and settings.'),
    list));
  focusTitle();
}

function init() {
  pruneByRole();
  api.whenSignedOut(() => {
    if (state.session) {
      state.session = null;
      state.me = null;
      stopPage();
      state.wanted = location.hash;
      showFrame(false);
      renderSignIn('Your console session has ended. Sign in again to continue.');
    }
  });
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    const title = document.getElementById('page-title');
    (title || main).focus();
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    stopPage();
    try {
      await api.signOut();
    } catch (e) {
      // signed out locally either way
    }
    state.session = null;
    state.me = null;
    go('#/signin');
    toast('Signed out.');
  });
  document.getElementById('tenant-select').addEventListener('change', (event) => {
    const current = parseRoute();
    const page = current && current.name === 'page' ? current.page.key : 'dashboard';
    go(tenantHash(event.target.value, page === 'accounts' ? 'accounts' : page));
  });
  window.addEventListener('hashchange', route);
  api.currentSession().then((session) => {
    state.session = session;
    route();
  }, (e) => {
    showFrame(false);
    renderSignIn(describeError(e));
  });
}

init();
