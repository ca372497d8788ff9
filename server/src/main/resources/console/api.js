// The console's only two back ends: its own sign-in (/console/api/session) and the admin API.
// Changes carry the CSRF token the sign-in returned; periodic refreshes say so, so they do not keep
// an unattended console signed in.

const ADMIN = '/admin/api/v1';
const SESSION = 'api/session';

let csrfToken = null;
let onSignedOut = () => {};

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) ? body.error : 'HTTP ' + status);
    this.status = status;
    this.field = body && body.field ? body.field : null;
  }
}

export function whenSignedOut(callback) {
  onSignedOut = callback;
}

async function call(method, url, body, options = {}) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  if (options.background) {
    headers['X-Console-Background'] = '1';
  }
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch (e) {
    throw new ApiError(0, { error: 'The server cannot be reached.' });
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = { error: text.slice(0, 200) };
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !options.signIn) {
      csrfToken = null;
      onSignedOut();
    }
    throw new ApiError(response.status, parsed);
  }
  return parsed;
}

export async function signIn(username, password, code) {
  const body = { username, password };
  if (code) {
    body.code = code;
  }
  const session = await call('POST', SESSION, body, { signIn: true });
  csrfToken = session.csrfToken;
  return session;
}

// WebAuthn: binary values travel as base64url.
function toBase64url(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = '';
  for (const b of bytes) {
    text += String.fromCharCode(b);
  }
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Signs in with a discoverable passkey (no user name first). */
export async function signInWithPasskey() {
  const options = await call('POST', 'api/passkey/options', {}, { signIn: true });
  const credential = await navigator.credentials.get({ publicKey: {
    challenge: fromBase64url(options.challenge), rpId: options.rpId, userVerification: options.userVerification,
    timeout: options.timeout } });
  const r = credential.response;
  const session = await call('POST', 'api/passkey', {
    challenge: options.challenge, id: toBase64url(credential.rawId), clientDataJSON: toBase64url(r.clientDataJSON),
    authenticatorData: toBase64url(r.authenticatorData), signature: toBase64url(r.signature),
    userHandle: r.userHandle ? toBase64url(r.userHandle) : null }, { signIn: true });
  csrfToken = session.csrfToken;
  return session;
}

/** Creates a passkey for the signed-in administrator and registers it. */
export async function addPasskey() {
  const o = await call('POST', ADMIN + '/me/passkeys/options', {});
  const credential = await navigator.credentials.create({ publicKey: {
    challenge: fromBase64url(o.challenge), rp: o.rp,
    user: { id: fromBase64url(o.user.id), name: o.user.name, displayName: o.user.displayName },
    pubKeyCredParams: o.pubKeyCredParams, timeout: o.timeout, attestation: o.attestation,
    authenticatorSelection: o.authenticatorSelection,
    excludeCredentials: o.excludeCredentials.map((c) => ({ type: c.type, id: fromBase64url(c.id) })) } });
  await call('POST', ADMIN + '/me/passkeys', {
    id: credential.id, clientDataJSON: toBase64url(credential.response.clientDataJSON),
    attestationObject: toBase64url(credential.response.attestationObject) });
}

/** The current console session, or null when there is none. */
export async function currentSession() {
  try {
    const session = await call('GET', SESSION, undefined, { signIn: true });
    csrfToken = session.csrfToken;
    return session;
  } catch (e) {
    if (e.status === 401) {
      return null;
    }
    throw e;
  }
}

export async function signOut() {
  try {
    await call('DELETE', SESSION, undefined, { signIn: true });
  } finally {
    csrfToken = null;
  }
}

function query(params) {
  const parts = [];
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') {
      parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(value));
    }
  }
  return parts.length ? '?' + parts.join('&') : '';
}

const t = (tenant) => ADMIN + '/tenants/' + encodeURIComponent(tenant);

const adm = (username) => ADMIN + '/administrators/' + encodeURIComponent(username);

export const admin = {
  me: () => call('GET', ADMIN + '/me'),
  beginTotp: () => call('POST', ADMIN + '/me/totp'),
  confirmTotp: (code) => call('PUT', ADMIN + '/me/totp', { code }),
  newRecoveryCodes: () => call('POST', ADMIN + '/me/recovery-codes'),
  administrators: () => call('GET', ADMIN + '/administrators'),
  createAdministrator: (body) => call('POST', ADMIN + '/administrators', body),
  patchAdministrator: (username, patch) => call('PATCH', adm(username), patch),
  deleteAdministrator: (username) => call('DELETE', adm(username)),
  removeSecondFactors: (username) => call('DELETE', adm(username) + '/second-factors'),

  tenants: () => call('GET', ADMIN + '/tenants'),
  tenant: (tenant) => call('GET', t(tenant)),
  patchSettings: (tenant, patch) => call('PATCH', t(tenant) + '/settings', patch),

  accounts: (tenant, params) => call('GET', t(tenant) + '/accounts' + query(params)),
  account: (tenant, id) => call('GET', t(tenant) + '/accounts/' + encodeURIComponent(id)),
  createAccount: (tenant, body) => call('POST', t(tenant) + '/accounts', body),
  patchAccount: (tenant, id, patch) => call('PATCH', t(tenant) + '/accounts/' + encodeURIComponent(id), patch),
  deleteAccount: (tenant, id) => call('DELETE', t(tenant) + '/accounts/' + encodeURIComponent(id)),
  setPassword: (tenant, id, password) =>
    call('PUT', t(tenant) + '/accounts/' + encodeURIComponent(id) + '/password', { password }),

  clients: (tenant) => call('GET', t(tenant) + '/clients'),
  createClient: (tenant, body) => call('POST', t(tenant) + '/clients', body),
  deleteClient: (tenant, clientId) => call('DELETE', t(tenant) + '/clients/' + encodeURIComponent(clientId)),

  sessions: (tenant, params, options) => call('GET', t(tenant) + '/sessions' + query(params), undefined, options),
  endSession: (tenant, ref) => call('DELETE', t(tenant) + '/sessions/' + encodeURIComponent(ref)),
  endSessionsOf: (tenant, username) => call('DELETE', t(tenant) + '/sessions' + query({ username })),

  events: (tenant, params, options) => call('GET', t(tenant) + '/events' + query(params), undefined, options),

  gatewayRules: (tenant) => call('GET', t(tenant) + '/gateway/rules'),
  putGatewayRules: (tenant, rules) => call('PUT', t(tenant) + '/gateway/rules', rules),
};
