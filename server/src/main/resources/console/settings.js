// Tenant settings, one form per group; each saves only its own fields with PATCH .../settings.
// Secret fields (mail password, LDAP bind password) are never shown; left empty they stay as they are.

import { admin } from './api.js';
import { h, clear, field, checkbox, formAlert, showFormError, clearFormErrors, toast, confirmAction, describeError,
  pageHeader, splitList } from './dom.js';

const GROUPS = [
  {
    id: 'sessions', title: 'Sessions', fields: [
      { path: 'maxSessionsPerAccount', label: 'Sessions per account', type: 'int',
        hint: 'At the cap a new login is refused unless it asks to end the oldest session.' },
      { path: 'idleTimeoutSeconds', label: 'Idle timeout (seconds)', type: 'int', hint: 'Customers and the default.' },
      { path: 'agentIdleTimeoutSeconds', label: 'Agent idle timeout (seconds)', type: 'int' },
      { path: 'maxLifetimeSeconds', label: 'Absolute lifetime (seconds)', type: 'int' },
      { path: 'customerSessionLicenses', label: 'Customer session licenses', type: 'nullableInt',
        hint: 'Live customer sessions allowed in the tenant. Empty: unlimited.' },
      { path: 'srsPingTimeoutSeconds', label: 'SRS ping timeout (seconds)', type: 'int' },
      { path: 'srsPingRequired', label: 'SRS sessions end when pings stop', type: 'bool',
        hint: 'Off: SRS sessions get the agent idle timeout (desktops that never ping).' },
    ],
  },
  {
    id: 'tokens', title: 'Client tokens', fields: [
      { path: 'clientTokenLifetimeSeconds', label: 'Access token lifetime (seconds)', type: 'int' },
      { path: 'maxTokensPerClient', label: 'Live tokens per client', type: 'int' },
    ],
  },
  {
    id: 'cors', title: 'CORS origins', fields: [
      { path: 'corsAllowedOrigins', label: 'Allowed origins', type: 'list',
        hint: 'One per line, e.g. https://agent.example.com. A * may stand for one host label; a bare * is refused.' },
    ],
  },
  {
    id: 'mail', title: 'Mail (password reset)', object: 'mail', fields: [
      { path: 'mail.host', label: 'SMTP host', type: 'text' },
      { path: 'mail.port', label: 'SMTP port', type: 'int' },
      { path: 'mail.from', label: 'From address', type: 'text' },
      { path: 'mail.startTls', label: 'Use STARTTLS', type: 'bool' },
      { path: 'mail.username', label: 'SMTP user', type: 'text' },
      { path: 'mail.password', label: 'SMTP password', type: 'secret', setFlag: 'passwordSet' },
    ],
  },
  {
    id: 'ldap', title: 'LDAP directory', object: 'ldap', fields: [
      { path: 'ldap.url', label: 'URL', type: 'text', hint: 'ldap:// or ldaps://' },
      { path: 'ldap.bindDnPattern', label: 'Bind DN pattern', type: 'text', hint: 'With {username}, e.g. uid={username},ou=agents,dc=example,dc=com. Or use search below.' },
      { path: 'ldap.searchBase', label: 'Search base', type: 'text' },
      { path: 'ldap.searchFilter', label: 'Search filter', type: 'text' },
      { path: 'ldap.bindDn', label: 'Search bind DN', type: 'text' },
      { path: 'ldap.bindPassword', label: 'Search bind password', type: 'secret', setFlag: 'bindPasswordSet' },
      { path: 'ldap.startTls', label: 'Use StartTLS', type: 'bool' },
      { path: 'ldap.autoCreateAgents', label: 'Create agent accounts on first LDAP login', type: 'bool' },
    ],
  },
  {
    id: 'protection', title: 'Login protection and passwords', fields: [
      { path: 'throttle.freeFailures', label: 'Free failures per account and IP', type: 'int' },
      { path: 'throttle.firstDelaySeconds', label: 'First delay (seconds)', type: 'int' },
      { path: 'throttle.maxDelaySeconds', label: 'Longest delay (seconds)', type: 'int' },
      { path: 'throttle.ipFreeFailures', label: 'Free failures per IP', type: 'int' },
      { path: 'throttle.maxFailuresPerAccountPerHour', label: 'Failures per account per hour', type: 'int' },
      { path: 'passwordPolicy.minLength', label: 'Minimum password length', type: 'int' },
      { path: 'passwordPolicy.maxBytes', label: 'Maximum password bytes', type: 'int' },
      { path: 'passwordPolicy.rejectCommon', label: 'Refuse common passwords', type: 'bool' },
    ],
  },
  {
    id: 'other', title: 'Other', fields: [
      { path: 'defaultLanguage', label: 'Default language', type: 'text' },
      { path: 'defaultDepartmentId', label: 'Default department id (eGain profile)', type: 'text',
        hint: 'For accounts without a departmentId property.' },
      { path: 'defaultDepartmentName', label: 'Default department name (eGain profile)', type: 'text' },
      { path: 'passwordResetUrl', label: 'Password reset page URL', type: 'text' },
      { path: 'passwordResetLifetimeSeconds', label: 'Reset code lifetime (seconds)', type: 'int' },
      { path: 'broadcastMessage', label: 'Broadcast message', type: 'textarea' },
      { path: 'spamPolicyUrl', label: 'Spam policy URL', type: 'text' },
      { path: 'upstreamServers', label: 'Upstream servers (SRS)', type: 'list', hint: 'One per line; empty: Frontdesk checks SRS credentials itself.' },
    ],
  },
];

function get(obj, path) {
  return path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
}

function set(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  keys.slice(0, -1).forEach((k) => {
    o[k] = o[k] || {};
    o = o[k];
  });
  o[keys[keys.length - 1]] = value;
}

function input(spec, settings) {
  const value = get(settings, spec.path);
  const name = spec.path;
  switch (spec.type) {
    case 'int':
    case 'nullableInt':
      return h('input', { name, type: 'number', inputmode: 'numeric', min: '0', step: '1', value: value ?? '' });
    case 'bool':
      return h('input', { name, type: 'checkbox', checked: Boolean(value) });
    case 'list':
      return h('textarea', { name, rows: '3', spellcheck: 'false' }, (value || []).join('\n'));
    case 'textarea':
      return h('textarea', { name, rows: '2' }, value || '');
    case 'secret':
      return h('input', { name, type: 'password', autocomplete: 'new-password', value: '' });
    default:
      return h('input', { name, type: 'text', value: value ?? '', spellcheck: 'false' });
  }
}

function read(spec, el, patch) {
  switch (spec.type) {
    case 'int':
      set(patch, spec.path, el.value.trim() === '' ? null : Number(el.value));
      break;
    case 'nullableInt':
      set(patch, spec.path, el.value.trim() === '' ? null : Number(el.value));
      break;
    case 'bool':
      set(patch, spec.path, el.checked);
      break;
    case 'list':
      set(patch, spec.path, splitList(el.value));
      break;
    case 'secret':
      if (el.value !== '') {
        set(patch, spec.path, el.value);
      }
      break;
    default:
      set(patch, spec.path, el.value.trim() === '' ? null : el.value.trim());
  }
}

function groupForm(ctx, group, tenant, reload) {
  const settings = tenant.settings;
  const inputs = [];
  const fields = group.fields.map((spec) => {
    const el = input(spec, settings);
    inputs.push([spec, el]);
    if (spec.type === 'bool') {
      return checkbox(spec.label, el);
    }
    let hint = spec.hint;
    if (spec.type === 'secret') {
      const flag = get(settings, group.object + '.' + spec.setFlag);
      hint = (flag ? 'A password is set. ' : 'No password is set. ') + 'Leave empty to keep it as it is.';
    }
    return field(spec.label, el, hint);
  });
  const save = h('button', { type: 'submit', class: 'button primary', 'data-needs': 'tenants-write' }, 'Save ' + group.title.toLowerCase());
  const removeButton = group.object && settings[group.object] ? h('button', {
    type: 'button', class: 'button danger', 'data-needs': 'tenants-write', onclick: async () => {
      if (!(await confirmAction('Remove the ' + group.title + ' settings?', 'Features that need them stop working for this tenant.', 'Remove'))) {
        return;
      }
      try {
        await admin.patchSettings(ctx.tenant, { [group.object]: null });
        toast(group.title + ' settings removed.', 'success');
        await reload(group.id);
      } catch (e) {
        toast(describeError(e), 'error');
      }
    },
  }, 'Remove') : null;
  const form = h('form', { id: 'settings-' + group.id, novalidate: true, 'aria-labelledby': 'settings-' + group.id + '-title' },
    h('h2', { id: 'settings-' + group.id + '-title' }, group.title),
    formAlert(),
    h('div', { class: 'grid' }, fields),
    h('div', { class: 'actions' }, save, removeButton));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const patch = {};
    inputs.forEach(([spec, el]) => read(spec, el, patch));
    if (group.object && !settings[group.object]
        && Object.values(patch[group.object] || {}).every((v) => v === null || v === false || (Array.isArray(v) && v.length === 0))) {
      showFormError(form, { message: 'Fill in the ' + group.title + ' settings first.', field: group.fields[0].path });
      return;
    }
    save.disabled = true;
    try {
      await admin.patchSettings(ctx.tenant, patch);
      toast(group.title + ' saved.', 'success');
      await reload(group.id);
    } catch (e) {
      showFormError(form, e);
    } finally {
      save.disabled = false;
    }
  });
  return h('section', { class: 'card' }, form);
}

function openIdForm(ctx, tenant, reload) {
  const rows = h('div', { class: 'provider-rows' });
  const addRow = (p) => {
    const n = rows.children.length + 1;
    const row = h('fieldset', { class: 'provider' },
      h('legend', {}, 'Provider ' + n),
      h('div', { class: 'grid' },
        field('Name', h('input', { name: 'openIdProviders.name', value: p.name || '' })),
        field('Issuer', h('input', { name: 'openIdProviders.issuer', value: p.issuer || '', spellcheck: 'false' })),
        field('Audience (client ID)', h('input', { name: 'openIdProviders.audience', value: p.audience || '', spellcheck: 'false' })),
        field('JWKS URL', h('input', { name: 'openIdProviders.jwksUrl', value: p.jwksUrl || '', spellcheck: 'false' }))),
      h('button', { type: 'button', class: 'button small secondary', onclick: () => {
        row.remove();
        save.focus();
      } }, 'Remove provider ' + n));
    rows.appendChild(row);
    return row;
  };
  (tenant.settings.openIdProviders || []).forEach(addRow);
  const save = h('button', { type: 'submit', class: 'button primary', 'data-needs': 'tenants-write' }, 'Save OpenID providers');
  const add = h('button', { type: 'button', class: 'button secondary', 'data-needs': 'tenants-write', onclick: () => {
    addRow({}).querySelector('input').focus();
  } }, 'Add a provider');
  const form = h('form', { id: 'settings-openid', novalidate: true, 'aria-labelledby': 'settings-openid-title' },
    h('h2', { id: 'settings-openid-title' }, 'OpenID Connect providers'),
    h('p', { class: 'hint' }, 'Providers whose ID tokens this tenant accepts (iService registeropenid).'),
    formAlert(), rows, h('div', { class: 'actions' }, add, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const providers = [...rows.querySelectorAll('fieldset')].map((row) => {
      const value = (key) => row.querySelector('[name="openIdProviders.' + key + '"]').value.trim();
      return { name: value('name'), issuer: value('issuer'), audience: value('audience'), jwksUrl: value('jwksUrl') };
    });
    save.disabled = true;
    try {
      await admin.patchSettings(ctx.tenant, { openIdProviders: providers });
      toast('OpenID providers saved.', 'success');
      await reload('openid');
    } catch (e) {
      showFormError(form, e);
    } finally {
      save.disabled = false;
    }
  });
  return h('section', { class: 'card' }, form);
}

export async function render(ctx) {
  const body = h('div', { class: 'settings' });
  const reload = async (focusGroup) => {
    const tenant = await admin.tenant(ctx.tenant);
    if (!ctx.isCurrent()) {
      return;
    }
    clear(body);
    body.appendChild(h('nav', { class: 'card toc', 'aria-label': 'Setting groups' }, h('ul', {},
      [...GROUPS.map((g) => h('li', {}, h('a', { href: '#settings-' + g.id + '-title', 'data-target': 'settings-' + g.id + '-title' }, g.title))),
        h('li', {}, h('a', { href: '#settings-openid-title', 'data-target': 'settings-openid-title' }, 'OpenID Connect providers'))])));
    body.querySelectorAll('.toc a').forEach((a) => a.addEventListener('click', (event) => {
      event.preventDefault();
      const target = document.getElementById(a.dataset.target);
      target.setAttribute('tabindex', '-1');
      target.focus();
      target.scrollIntoView({ block: 'start' });
    }));
    for (const group of GROUPS) {
      body.appendChild(groupForm(ctx, group, tenant, reload));
    }
    body.appendChild(openIdForm(ctx, tenant, reload));
    if (focusGroup) {
      const title = document.getElementById('settings-' + focusGroup + '-title');
      if (title) {
        title.setAttribute('tabindex', '-1');
        title.focus({ preventScroll: true });
      }
    }
  };
  clear(ctx.main).appendChild(h('section', {},
    pageHeader('Tenant settings'),
    h('p', { class: 'lead' }, 'Changes apply to new logins and requests at once. Every change is recorded in the audit trail.'),
    body));
  await reload(null);
}
