// Small DOM helpers. Everything from the server goes in as text nodes or attribute values, never as HTML.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

export function clear(el) {
  while (el.firstChild) {
    el.removeChild(el.firstChild);
  }
  return el;
}

let idCounter = 0;
export function uid(prefix) {
  idCounter += 1;
  return (prefix || 'id') + '-' + idCounter;
}

/** A labelled form field. `input` is an element; the label points at it; hint and error are described-by. */
export function field(labelText, input, hint) {
  if (!input.id) {
    input.id = uid('f');
  }
  const wrapper = h('div', { class: 'field' });
  wrapper.appendChild(h('label', { for: input.id }, labelText));
  const described = [];
  if (hint) {
    const hintId = input.id + '-hint';
    wrapper.appendChild(h('p', { class: 'hint', id: hintId }, hint));
    described.push(hintId);
  }
  wrapper.appendChild(input);
  const errorId = input.id + '-error';
  wrapper.appendChild(h('p', { class: 'field-error', id: errorId, hidden: true }));
  described.push(errorId);
  input.setAttribute('aria-describedby', described.join(' '));
  return wrapper;
}

export function checkbox(labelText, input) {
  if (!input.id) {
    input.id = uid('f');
  }
  return h('div', { class: 'field checkbox' }, input, h('label', { for: input.id }, labelText));
}

/** Shows an API error next to the field it names (if the form has it), else in the form's alert area. */
export function showFormError(form, error) {
  clearFormErrors(form);
  const message = describeError(error);
  const target = error && error.field ? form.querySelector('[name="' + cssEscape(error.field) + '"]') : null;
  if (target) {
    target.setAttribute('aria-invalid', 'true');
    const slot = document.getElementById(target.id + '-error');
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
    }
    target.focus();
  }
  const alert = form.querySelector('.form-alert');
  if (alert) {
    alert.textContent = message;
    alert.hidden = false;
    if (!target) {
      alert.focus();
    }
  }
}

export function clearFormErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((el) => {
    el.textContent = '';
    el.hidden = true;
  });
  const alert = form.querySelector('.form-alert');
  if (alert) {
    alert.textContent = '';
    alert.hidden = true;
  }
}

export function formAlert() {
  return h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
}

function cssEscape(value) {
  return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/[^a-zA-Z0-9_.-]/g, '');
}

const MESSAGES = {
  invalid_credentials: 'The password is not correct.',
  invalid_password_or_code: 'The password or the code is not correct.',
  code_required: 'Enter the 6-digit code from your authenticator app, or a recovery code.',
  forbidden: 'Your role does not allow this.',
  passkey_required: 'Sign in with your passkey.',
  passkey_refused: 'The passkey was not accepted.',
  too_many_attempts: 'Too many failed attempts. Wait a little and try again.',
  unauthorized: 'Your console session has ended. Sign in again.',
  csrf_token_invalid: 'The request was refused (CSRF token). Reload the page and try again.',
  origin_not_allowed: 'The request was refused because it came from another site.',
  internal_error: 'The server failed to answer. Try again later.',
};

export function describeError(error) {
  if (!error) {
    return 'Something went wrong.';
  }
  const text = error.message || String(error);
  return MESSAGES[text] || text;
}

let toastTimer = null;
export function toast(message, kind) {
  const el = document.getElementById('toast');
  el.className = 'toast visible' + (kind ? ' ' + kind : '');
  el.textContent = message;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    el.className = 'toast';
    el.textContent = '';
  }, 6000);
}

/** A modal confirmation; resolves true when confirmed. Focus returns to where it was. */
export function confirmAction(title, text, confirmLabel) {
  const dialog = document.getElementById('confirm-dialog');
  const previous = document.activeElement;
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = confirmLabel || 'Confirm';
  dialog.returnValue = '';
  return new Promise((resolve) => {
    const key = previous && previous.dataset ? previous.dataset.focusKey : null;
    dialog.addEventListener('close', () => {
      const again = previous && previous.isConnected ? previous
        : (key ? document.querySelector('[data-focus-key="' + cssEscape(key) + '"]') : null);
      if (again) {
        again.focus();
      }
      resolve(dialog.returnValue === 'ok');
    }, { once: true });
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

// ---- formatting ----

export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return date.toLocaleString(undefined, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

export function relative(iso, now) {
  const seconds = Math.round((new Date(iso).getTime() - (now || Date.now())) / 1000);
  const abs = Math.abs(seconds);
  let text;
  if (abs < 60) {
    text = abs + ' s';
  } else if (abs < 3600) {
    text = Math.round(abs / 60) + ' min';
  } else if (abs < 86400) {
    text = (abs / 3600).toFixed(1) + ' h';
  } else {
    text = Math.round(abs / 86400) + ' d';
  }
  return seconds >= 0 ? 'in ' + text : text + ' ago';
}

/** Today's times as the time of day only; other days with their date. */
export function formatShort(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (date.toDateString() === new Date().toDateString()) {
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function time(iso, withRelative, short) {
  return h('time', { datetime: iso, title: formatTime(iso) }, short ? formatShort(iso) : formatTime(iso),
    withRelative ? h('span', { class: 'relative' }, ' (' + relative(iso) + ')') : null);
}

/**
 * A table that turns into cards on narrow screens. `columns`: [{label, cell(row) -> node|string, className}].
 * Each cell carries data-label so the narrow layout can show the column name.
 */
export function table(caption, columns, rows, emptyText) {
  const thead = h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label))));
  const tbody = h('tbody');
  if (rows.length === 0) {
    tbody.appendChild(h('tr', { class: 'empty' }, h('td', { colspan: columns.length }, emptyText || 'Nothing to show.')));
  }
  for (const row of rows) {
    const tr = h('tr', {});
    if (columns.rowKey) {
      tr.dataset.key = columns.rowKey(row);
    }
    if (columns.rowData) {
      Object.entries(columns.rowData(row)).forEach(([k, v]) => {
        tr.dataset[k] = v;
      });
    }
    columns.forEach((c, index) => {
      const content = c.cell(row);
      const cell = h(index === 0 ? 'th' : 'td', { 'data-label': c.label, class: c.className }, content);
      if (index === 0) {
        cell.setAttribute('scope', 'row');
      }
      tr.appendChild(cell);
    });
    tbody.appendChild(tr);
  }
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data' }, h('caption', { class: 'visually-hidden' }, caption), thead, tbody));
}

/**
 * Replaces `container`'s content with `node`, keeping keyboard focus on the element with the same
 * data-focus-key (so a refresh every few seconds does not throw a keyboard user out of a table).
 */
export function replaceKeepingFocus(container, node) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.focusKey : null;
  clear(container).appendChild(node);
  if (key) {
    const again = container.querySelector('[data-focus-key="' + cssEscape(key) + '"]');
    if (again) {
      again.focus();
    }
  }
}

export function pageHeader(title, ...extra) {
  return h('div', { class: 'page-header' }, h('h1', { id: 'page-title', tabindex: '-1' }, title), ...extra);
}

export function splitList(text) {
  return (text || '').split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
