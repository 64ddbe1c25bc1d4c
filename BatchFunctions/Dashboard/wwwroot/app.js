// The dashboard's shell: sign-in with the API key, hash routes, and one page at a time in <main>.
import { ApiError, batchDefaults, clearKey, getKey, onUnauthorized, setKey } from './api.js';
import { h, setFieldError } from './ui.js';
import { renderBatches } from './batches.js';
import { renderCreate } from './create.js';
import { renderDetail } from './detail.js';
import { renderConversation } from './conversation.js';

const main = document.getElementById('main');
const nav = document.getElementById('main-nav');
const signOut = document.getElementById('sign-out');

/** The page on screen; its cleanup stops its timers when another page replaces it. */
let cleanup = () => {};
let signInMessage = '';

const routes = [
  { pattern: /^#\/batches\/new$/, nav: 'create', render: (m) => renderCreate(m) },
  { pattern: /^#\/batches\/([^/?]+)\/conversations\/([^/?]+)$/, nav: 'batches', render: (m, id, conversationId) => renderConversation(m, decodeURIComponent(id), decodeURIComponent(conversationId)) },
  { pattern: /^#\/batches\/([^/?]+)$/, nav: 'batches', render: (m, id) => renderDetail(m, decodeURIComponent(id)) },
  { pattern: /^#\/batches(?:\?(.*))?$/, nav: 'batches', render: (m, query) => renderBatches(m, new URLSearchParams(query ?? '')) },
];

function show(page) {
  cleanup();
  cleanup = () => {};
  main.replaceChildren();
  const stop = page();
  if (typeof stop === 'function') {
    cleanup = stop;
  }

  // Move focus to the new page's heading so keyboard and screen-reader users start there.
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    document.title = `${heading.textContent} · Batch calling`;
  }
}

function route() {
  const hash = location.hash || '#/batches';
  if (!hash.startsWith('#/')) {
    return;
  }

  const signedIn = Boolean(getKey());
  nav.hidden = !signedIn;
  signOut.hidden = !signedIn;
  if (!signedIn) {
    show(() => renderSignIn(main));
    return;
  }

  for (const candidate of routes) {
    const match = candidate.pattern.exec(hash);
    if (match) {
      for (const link of nav.querySelectorAll('a')) {
        link.toggleAttribute('aria-current', false);
        if (link.dataset.nav === candidate.nav) {
          link.setAttribute('aria-current', 'page');
        }
      }

      show(() => candidate.render(main, ...match.slice(1)));
      return;
    }
  }

  show(() => { main.append(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/batches' }, 'Go to the list of batches'))); });
}

function renderSignIn(container) {
  const input = h('input', { id: 'api-key', name: 'api_key', type: 'password', autocomplete: 'current-password', required: true, spellcheck: 'false' });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'login', id: 'sign-in-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'api-key' }, 'API key'),
      input,
      h('p', { class: 'hint', id: 'api-key-hint' },
        'A key of this deployment (its app setting Api__Keys__0). It stays in this browser tab only and is sent as the xi-api-key header.')),
    h('div', { class: 'actions' }, submit));
  input.setAttribute('aria-describedby', 'api-key-hint');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) {
      setFieldError(input, 'Enter the API key.');
      input.focus();
      return;
    }

    submit.disabled = true;
    setFieldError(input, null);
    try {
      await batchDefaults(key);
      setKey(key);
      signInMessage = '';
      route();
    } catch (e) {
      const message = e instanceof ApiError && e.status === 401
        ? 'That API key was not accepted. Check it against the app setting Api__Keys__0 (or another Api__Keys__N) and try again.'
        : e.message;
      setFieldError(input, message);
      input.focus();
    } finally {
      submit.disabled = false;
    }
  });

  container.append(h('h1', {}, 'Sign in'));
  if (signInMessage) {
    container.append(h('p', { class: 'notice', role: 'alert' }, signInMessage));
  }

  container.append(form);
  queueMicrotask(() => input.focus());
}

onUnauthorized(() => {
  clearKey();
  signInMessage = 'The app no longer accepts the API key you signed in with (it may have been rotated). Sign in again.';
  route();
});

signOut.addEventListener('click', () => {
  clearKey();
  signInMessage = '';
  route();
});

document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  (main.querySelector('h1') ?? main).focus();
});

window.addEventListener('hashchange', route);
route();
