// Gateway rules of the tenant: the ordered JSON array the forward-auth endpoint applies (first match wins),
// edited as text and saved as a whole (PUT). The server validates; its error names the rule and field.

import { admin } from './api.js';
import { h, clear, field, formAlert, showFormError, clearFormErrors, toast, describeError, pageHeader } from './dom.js';

const EXAMPLE = '[\n  {"pathPrefix": "/ws/*/interaction/**", "channels": ["egain"], "accountTypes": ["agent"]},\n'
  + '  {"pathPrefix": "/f/webapp-api-admin", "accessRights": ["admin"]}\n]';

export async function render(ctx) {
  const rules = h('textarea', { name: 'rules', rows: 14, spellcheck: 'false', class: 'mono', autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Save rules');
  const form = h('form', { id: 'gateway-rules-form', novalidate: true },
    formAlert(),
    field('Rules (JSON array, first match wins)', rules,
      'Each rule: {"pathPrefix", "methods"?, "channels"?, "accountTypes"?, "accessRights"?}. In paths, * is one '
      + 'segment and ** any number. With no rules, any live session of the tenant passes. Example: ' + EXAMPLE),
    h('div', { class: 'actions' }, submit));

  const load = async () => {
    rules.value = JSON.stringify(await admin.gatewayRules(ctx.tenant), null, 2);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    let parsed;
    try {
      parsed = JSON.parse(rules.value || '[]');
    } catch (e) {
      showFormError(form, { message: 'The rules are not valid JSON: ' + e.message, field: 'rules' });
      return;
    }
    submit.disabled = true;
    try {
      await admin.putGatewayRules(ctx.tenant, parsed);
      toast('Gateway rules saved.', 'success');
      await load();
    } catch (e) {
      // the server names the rule and field, e.g. [1].pathPrefix: shown with the message
      showFormError(form, { message: describeError(e) + (e.field ? ' (' + e.field + ')' : ''), field: null });
    } finally {
      submit.disabled = false;
    }
  });

  clear(ctx.main).appendChild(h('section', {},
    pageHeader('Gateway rules'),
    h('p', { class: 'lead' }, 'Which API calls behind the reverse proxy each kind of session may make '
      + '(forward-auth endpoint /auth/verify; see the README, "Gateway mode").'),
    h('section', { class: 'card', 'aria-labelledby': 'gateway-rules-title' },
      h('h2', { id: 'gateway-rules-title' }, 'Rules of ' + ctx.tenant), form)));
  await load();
}
