// My sign-in: the signed-in administrator's second factor. Enrolment shows a QR code and the key,
// is confirmed with a first code, and then shows the recovery codes once.

import { admin, addPasskey } from './api.js';
import { h, clear, field, formAlert, showFormError, clearFormErrors, toast, pageHeader } from './dom.js';

export async function render(ctx) {
  const me = await admin.me();
  const box = h('div', { id: 'security-box' });
  const status = h('p', { id: 'totp-status' }, me.totp
    ? 'An authenticator app (TOTP) is enrolled. ' + me.recoveryCodesLeft + ' recovery code(s) left.'
    : 'No second factor is enrolled yet.');
  const showCodes = (codes) => {
    clear(box).appendChild(h('div', { class: 'card', id: 'recovery-box' },
      h('h2', {}, 'Recovery codes'),
      h('p', {}, 'Each code signs you in once when your phone is not at hand. Keep them somewhere safe: '
        + 'they are shown only now.'),
      h('ul', { class: 'mono', id: 'recovery-codes' }, codes.map((c) => h('li', {}, c))),
      h('p', {}, h('a', { href: '#/tenants', id: 'security-done' }, 'Done'))));
  };
  const start = h('button', { type: 'button', class: 'button primary', id: 'enrol-totp' },
    me.totp ? 'Replace the authenticator app' : 'Set up an authenticator app');
  start.addEventListener('click', async () => {
    const enrolment = await admin.beginTotp();
    const code = h('input', { name: 'code', id: 'totp-code', inputmode: 'numeric', autocomplete: 'one-time-code',
      required: true, maxlength: 6 });
    const confirm = h('button', { type: 'submit', class: 'button primary', id: 'confirm-totp' }, 'Confirm');
    const form = h('form', { class: 'card', id: 'totp-form', novalidate: true },
      formAlert(),
      h('p', {}, 'Scan the QR code with an authenticator app, or type the key in, then enter the code it shows.'),
      enrolment.qrCode ? h('img', { src: enrolment.qrCode, alt: 'QR code of the authenticator key', id: 'totp-qr',
        width: 200, height: 200 }) : null,
      h('p', {}, 'Key: ', h('code', { id: 'totp-secret' }, enrolment.secret)),
      h('p', { class: 'hint' }, h('span', { id: 'totp-uri', class: 'mono' }, enrolment.otpauthUri)),
      field('Code', code),
      h('div', { class: 'actions' }, confirm));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      confirm.disabled = true;
      try {
        const result = await admin.confirmTotp(code.value.trim());
        toast('Authenticator app enrolled.', 'success');
        ctx.onEnrolled();
        showCodes(result.recoveryCodes);
      } catch (e) {
        code.value = '';
        showFormError(form, { message: e.message === 'wrong code' ? 'That code is not right. Try the next one.'
          : e.message, field: 'code' });
      } finally {
        confirm.disabled = false;
      }
    });
    clear(box).appendChild(form);
    code.focus();
  });
  const renew = me.totp ? h('button', { type: 'button', class: 'button secondary', id: 'new-recovery-codes',
    onclick: async () => showCodes((await admin.newRecoveryCodes()).recoveryCodes) }, 'New recovery codes') : null;
  const passkeyButton = h('button', { type: 'button', class: 'button secondary', id: 'add-passkey' }, 'Add a passkey');
  passkeyButton.addEventListener('click', async () => {
    passkeyButton.disabled = true;
    try {
      await addPasskey();
      ctx.onEnrolled();
      clear(box).appendChild(h('p', { class: 'notice', role: 'status', id: 'passkey-added' },
        'Passkey added. Sign in with it next time.'));
      toast('Passkey added.', 'success');
    } catch (e) {
      clear(box).appendChild(h('p', { role: 'alert', id: 'passkey-error' }, 'The passkey was not added: '
        + (e.message || e.name)));
    } finally {
      passkeyButton.disabled = false;
    }
  });
  clear(ctx.main).appendChild(h('section', {}, pageHeader('My sign-in'),
    h('p', { class: 'lead' }, 'Signed in as ', h('strong', { id: 'me-name' }, me.username), ' (' + me.role + ').'),
    me.enrolmentRequired ? h('p', { class: 'notice', role: 'status', id: 'enrolment-required' },
      'This deployment requires a second factor: set one up to continue.') : null,
    status, h('p', { id: 'passkey-status' }, me.passkeys + ' passkey(s).'),
    h('div', { class: 'actions' }, start, passkeyButton, renew), box));
}
