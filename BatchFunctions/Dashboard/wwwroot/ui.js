// Small DOM and formatting helpers shared by the pages. Text is always set as text, never as HTML:
// names, numbers and variables come from uploaded files.

/** Creates an element: h('a', { href: '#/x', class: 'y', onclick: f }, 'text', child). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }

    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name in element && typeof value !== 'string') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }

  element.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return element;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const hourMinute = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const numbers = new Intl.NumberFormat();

export const formatNumber = (n) => numbers.format(n ?? 0);

export const formatTime = (unix) => (unix ? dateTime.format(new Date(unix * 1000)) : '—');

export const formatClock = (date) => timeOnly.format(date);

export const formatHourMinute = (unix) => hourMinute.format(new Date(unix * 1000));

export function formatDuration(seconds) {
  if (!Number.isFinite(seconds)) {
    return '—';
  }

  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }

  if (s < 3600) {
    return `${Math.floor(s / 60)} min ${s % 60} s`;
  }

  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

const clockTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** How long until a moment, in words a person reads at a glance: "2 h 37 min", "9 min", "under a minute". */
export function formatWait(seconds) {
  if (seconds < 60) {
    return 'under a minute';
  }

  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * Why a batch or recipient is not dialed now, in words, with the time left by the browser's clock
 * (nowUnix): "Waiting for 08:00 in America/Los_Angeles, in 2 h 37 min". Empty when it does not wait.
 * Takes the API's waiting_reason, next_attempt_at_unix, waiting_time_zone and waiting_local_opening.
 */
export function waitingText(subject, nowUnix) {
  const until = subject?.next_attempt_at_unix;
  const left = until ? until - nowUnix : null;
  const when = left === null ? '' : left <= 0 ? 'any moment now' : `in ${formatWait(left)}`;
  const at = (unix) => {
    const date = new Date(unix * 1000);
    return new Date(nowUnix * 1000).toDateString() === date.toDateString() ? clockTime.format(date) : dateTime.format(date);
  };

  switch (subject?.waiting_reason) {
    case 'calling_window': {
      const opening = subject.waiting_local_opening ? `${subject.waiting_local_opening} in ${subject.waiting_time_zone ?? 'the recipients\' time zone'}` : 'the calling window to open';
      return `Waiting for ${opening}${when ? `, ${when}` : ''}`;
    }
    case 'retry_delay':
      return until ? `Waiting for a retry at ${at(until)} (${when})` : 'Waiting for a retry';
    case 'scheduled_start':
      return until ? `Scheduled to start at ${at(until)} (${when})` : 'Scheduled to start later';
    case 'paused':
      return 'Paused';
    case 'workspace_budget':
      return 'Waiting for a free slot in the workspace budget';
    case undefined:
    case null:
      return '';
    default:
      return `Waiting (${subject.waiting_reason})`;
  }
}

const statusNames = {
  pending: 'Pending',
  in_progress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  dispatched: 'Dialing',
  initiated: 'Ringing',
  voicemail: 'Voicemail',
  live: 'Live',
};

export const statusName = (status) => statusNames[status] ?? status;

export function statusBadge(status, paused = false) {
  const badge = h('span', { class: `badge ${status}` }, statusName(status));
  return paused && (status === 'in_progress' || status === 'pending')
    ? h('span', {}, badge, ' ', h('span', { class: 'badge paused' }, 'Paused'))
    : badge;
}

/** A labelled progress bar: done of total. */
export function progressBar(done, total, label) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return h('div', { class: 'progress' },
    h('progress', { max: Math.max(total, 1), value: Math.min(done, total), 'aria-label': label }),
    h('span', {}, `${percent}%`));
}

const failureNames = {
  busy: 'Busy',
  no_answer: 'No answer',
  call_failed: 'Call failed',
  canceled: 'Hung up before answer',
  number_rejected: 'Number rejected',
  provider_unavailable: 'Telephony unavailable',
  configuration_error: 'Configuration error',
  agent_unavailable: 'Agent unavailable',
  do_not_call: 'On do-not-call list',
  outside_calling_window: 'Outside calling window',
  voicemail_message_left: 'Message left',
};

export const failureName = (reason) => (reason ? failureNames[reason] ?? reason : '');

/** Says something to screen readers without moving focus. */
export function announce(text) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  requestAnimationFrame(() => { announcer.textContent = text; });
}

/** Marks a field invalid with a message tied to it (aria-describedby), or clears it. */
export function setFieldError(input, message) {
  const id = `${input.id}-error`;
  let error = document.getElementById(id);
  if (!error) {
    error = h('p', { id, class: 'field-error' });
    (input.closest('.field') ?? input.parentElement).append(error);
  }

  error.textContent = message ?? '';
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    const described = new Set((input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
    described.add(id);
    input.setAttribute('aria-describedby', [...described].join(' '));
  } else {
    input.removeAttribute('aria-invalid');
  }
}

/** A labelled form field: h(label) + control + optional hint, all tied together. */
export function field(control, label, hint, { inline = false } = {}) {
  const hintElement = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintElement) {
    control.setAttribute('aria-describedby', hintElement.id);
  }

  return h('div', { class: inline ? 'field inline' : 'field' }, h('label', { for: control.id }, label), control, hintElement);
}

const focusable = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Asks for confirmation in a modal dialog. Tab and Shift+Tab stay inside it, Escape and "Go back"
 * answer no, and focus returns to where it was. Resolves to null (no) or { checked } (yes).
 */
export function confirmAction({ title, message, confirmLabel, danger = false, option }) {
  const dialog = document.getElementById('confirm-dialog');
  const ok = document.getElementById('confirm-ok');
  const cancel = document.getElementById('confirm-cancel');
  const optionRow = document.getElementById('confirm-option');
  const checkbox = document.getElementById('confirm-checkbox');
  const opener = document.activeElement;

  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-message').textContent = message;
  ok.textContent = confirmLabel;
  ok.className = danger ? 'danger' : '';
  optionRow.hidden = !option;
  checkbox.checked = false;
  document.getElementById('confirm-checkbox-label').textContent = option ?? '';

  return new Promise((resolve) => {
    const close = (answer) => {
      dialog.removeEventListener('keydown', trap);
      dialog.removeEventListener('cancel', onCancel);
      ok.removeEventListener('click', onOk);
      cancel.removeEventListener('click', onNo);
      dialog.close();
      opener?.focus?.();
      resolve(answer);
    };
    const onOk = () => close({ checked: checkbox.checked });
    const onNo = () => close(null);
    const onCancel = (event) => { event.preventDefault(); close(null); };
    const trap = (event) => {
      if (event.key !== 'Tab') {
        return;
      }

      const items = [...dialog.querySelectorAll(focusable)].filter((e) => e.offsetParent !== null);
      const first = items[0];
      const last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };

    dialog.addEventListener('keydown', trap);
    dialog.addEventListener('cancel', onCancel);
    ok.addEventListener('click', onOk);
    cancel.addEventListener('click', onNo);
    dialog.showModal();
    // The harmless answer has focus first: Enter on an unread dialog must not cancel a batch.
    cancel.focus();
  });
}

/** Where a 422 issue points, in words: "row 4, column phone_number", "field agent_id". */
export function describeLocation(loc) {
  const [where, ...path] = loc ?? [];
  if (where === 'body' && path[0] === 'file' && path.length >= 2) {
    return `row ${path[1]}${path[2] ? `, column ${path[2]}` : ''}`;
  }

  if (path.length === 0) {
    return where === 'body' ? 'the request' : String(where ?? '');
  }

  return `${where === 'query' ? 'parameter' : 'field'} ${path.join('.')}`;
}
