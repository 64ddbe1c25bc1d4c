// The app's HTTP API as the dashboard uses it: the key from sessionStorage goes in xi-api-key on every
// call, and every failure becomes an ApiError whose message a person can act on.

const keyName = 'batch-calling.api-key';

/** The app's root: the dashboard is served at {root}dashboard/, so its parent folder. */
export const appRoot = new URL('../', document.baseURI);

export const getKey = () => sessionStorage.getItem(keyName);
export const setKey = (key) => sessionStorage.setItem(keyName, key);
export const clearKey = () => sessionStorage.removeItem(keyName);

let unauthorized = () => {};

/** Called when the app refuses the key (401), e.g. after the key was rotated. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/**
 * An API failure. `issues` holds FastAPI's 422 details, each with `loc` (["body", "agent_id"],
 * ["body", "file", 4, "phone_number"], ["query", "status"]) and a plain `message`.
 */
export class ApiError extends Error {
  constructor(status, message, issues = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
  }
}

/** Pydantic's "Value error, " prefix says nothing to an operator. */
export const plain = (msg) => String(msg ?? '').replace(/^Value error, /, '');

async function errorFrom(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, an empty body): the status alone must do.
  }

  const detail = body?.detail;
  if (Array.isArray(detail)) {
    const issues = detail.map((d) => ({ loc: d.loc ?? [], message: plain(d.msg), input: d.input }));
    const message = issues.length === 1 ? issues[0].message : `The app found ${issues.length} problems; each is shown where it applies.`;
    return new ApiError(response.status, message, issues);
  }

  if (response.status === 401) {
    return new ApiError(401, 'The app did not accept this API key. Check it against the app setting Api__Keys__0 (or another Api__Keys__N) and sign in again.');
  }

  if (detail?.message) {
    return new ApiError(response.status, detail.message);
  }

  return new ApiError(response.status, `The app answered HTTP ${response.status} ${response.statusText}`.trim() + '.');
}

/**
 * Calls the API. `path` is relative to the app's root ("v1/convai/batch-calling/workspace").
 * Options: method, query (object; empty values left out), json (a body to send as JSON), body
 * (FormData etc.), raw (return the Response), signal.
 */
export async function api(path, { method = 'GET', query, json, body, raw = false, signal, key } = {}) {
  const url = new URL(path, appRoot);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, String(value));
    }
  }

  const headers = { 'xi-api-key': key ?? getKey() ?? '' };
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }

  let response;
  try {
    response = await fetch(url, { method, headers, body, signal, cache: 'no-store' });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }

    throw new ApiError(0, `Could not reach the app (${e.message}). Check your connection and that the app is running.`);
  }

  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && key === undefined) {
      unauthorized(error);
    }

    throw error;
  }

  if (raw) {
    return response;
  }

  return response.status === 204 ? null : response.json();
}

/** Downloads an API response as a file (the key must go in a header, so a plain link cannot do it). */
export async function download(path, { query, fallbackName }) {
  const response = await api(path, { query, raw: true });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name: link.download, bytes: blob.size };
}

const batchPath = (id) => `v1/convai/batch-calling/${encodeURIComponent(id)}`;
const extensionPath = (id) => `api/batch-calling/${encodeURIComponent(id)}`;

export const listBatches = (query) => api('v1/convai/batch-calling/workspace', { query });
export const batchSummary = (id, signal) => api(`${extensionPath(id)}/summary`, { signal });
export const batchRecipients = (id, query, signal) => api(`${extensionPath(id)}/recipients`, { query, signal });
export const cancelBatch = (id, hangUp) => api(`${batchPath(id)}/cancel`, { method: 'POST', query: { hang_up_live_calls: hangUp ? 'true' : '' } });
export const retryBatch = (id) => api(`${batchPath(id)}/retry`, { method: 'POST' });
export const pauseBatch = (id) => api(`${extensionPath(id)}/pause`, { method: 'POST' });
export const resumeBatch = (id) => api(`${extensionPath(id)}/resume`, { method: 'POST' });
export const exportBatch = (id) => download(`${batchPath(id)}/export`, { fallbackName: `${id}.csv` });
export const batchResults = (id, signal) => api(`${extensionPath(id)}/results`, { signal });
export const batchTimeline = (id, signal) => api(`${extensionPath(id)}/timeline`, { signal });
export const conversation = (id) => api(`api/batch-calling/conversations/${encodeURIComponent(id)}`);
export const conversationAudio = async (id) => (await api(`api/batch-calling/conversations/${encodeURIComponent(id)}/audio`, { raw: true })).blob();
export const batchDefaults = (key) => api('api/batch-calling/defaults', { key });
export const validateFile = (form) => api('api/batch-calling/validate', { method: 'POST', body: form });
export const uploadFile = (form) => api('api/batch-calling/upload', { method: 'POST', body: form });
export const testCall = (body) => api('api/batch-calling/test-call', { method: 'POST', json: body });
export const template = (format) => download('api/batch-calling/template', { query: { format }, fallbackName: `recipients-template.${format}` });

const agents = new Map();
const phoneNumbers = new Map();

/** An agent by id, asked once per page load (failures are not remembered). */
export function agent(id) {
  if (!agents.has(id)) {
    agents.set(id, api(`api/batch-calling/agents/${encodeURIComponent(id)}`).catch((e) => { agents.delete(id); throw e; }));
  }

  return agents.get(id);
}

/** A phone number by id, asked once per page load (failures are not remembered). */
export function phoneNumber(id) {
  if (!phoneNumbers.has(id)) {
    phoneNumbers.set(id, api(`api/batch-calling/phone-numbers/${encodeURIComponent(id)}`).catch((e) => { phoneNumbers.delete(id); throw e; }));
  }

  return phoneNumbers.get(id);
}
