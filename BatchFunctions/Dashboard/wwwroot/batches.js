// The list of batches: newest first, a page at a time, filtered by agent (on the server) and by status
// (here: the list endpoint has no status filter, so pages are read until enough batches match).
import { batchDefaults, listBatches, phoneNumber } from './api.js';
import { formatNumber, formatTime, h, progressBar, statusBadge } from './ui.js';

const pageSize = 20;
const statusScanPageSize = 100;
const statusScanMaxPages = 5;
const refreshEveryMs = 5000;
const statuses = ['pending', 'in_progress', 'completed', 'failed', 'cancelled'];
const statusLabels = { pending: 'Pending or scheduled', in_progress: 'In progress', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled' };

export function renderBatches(main, params) {
  const filters = { agent: params.get('agent') ?? '', status: params.get('status') ?? '' };

  // cursors[i] is the last_doc that starts dashboard page i; page 0 starts at the newest batch.
  const cursors = [null];
  let page = 0;
  let nextCursor = null;
  let timer = 0;
  let stopped = false;

  const agentInput = h('input', { id: 'filter-agent', name: 'agent_id', list: 'known-agents', value: filters.agent, placeholder: 'All agents', autocomplete: 'off' });
  const agentList = h('datalist', { id: 'known-agents' });
  const statusSelect = h('select', { id: 'filter-status', name: 'status' },
    h('option', { value: '' }, 'All statuses'),
    statuses.map((s) => h('option', { value: s, selected: s === filters.status }, statusLabels[s])));
  const error = h('p', { class: 'form-error', role: 'alert', id: 'batches-error' });
  const tableBody = h('tbody');
  const caption = h('caption', {}, 'Batches, newest first');
  const note = h('p', { class: 'hint', id: 'batches-note' });
  const previous = h('button', { type: 'button', class: 'secondary', id: 'previous-page', disabled: true }, 'Previous page');
  const next = h('button', { type: 'button', class: 'secondary', id: 'next-page', disabled: true }, 'Next page');
  const pageLabel = h('span', { id: 'page-label' }, 'Page 1');

  const filterForm = h('form', { class: 'toolbar', id: 'batch-filters', role: 'search', 'aria-label': 'Filter batches' },
    h('div', { class: 'field' }, h('label', { for: 'filter-agent' }, 'Agent id'), agentInput, agentList),
    h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusSelect),
    h('button', { type: 'submit' }, 'Apply filters'));

  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Batches'), h('a', { class: 'button', href: '#/batches/new' }, 'New batch')),
    filterForm,
    error,
    h('table', { id: 'batches-table' },
      caption,
      h('thead', {}, h('tr', {},
        ['Name', 'Agent', 'Phone number', 'Status', 'Recipients', 'Progress', 'Created', 'Scheduled'].map((c) =>
          h('th', { scope: 'col', class: c === 'Recipients' ? 'num' : '' }, c)))),
      tableBody),
    note,
    h('nav', { class: 'pager', 'aria-label': 'Pages of batches' }, previous, pageLabel, next));

  batchDefaults().then((defaults) => {
    const ids = new Map(defaults.recent_agents.map((a) => [a.agent_id, a.name]));
    if (defaults.default_agent_id && !ids.has(defaults.default_agent_id)) {
      ids.set(defaults.default_agent_id, defaults.default_agent?.name ?? '');
    }

    agentList.replaceChildren(...[...ids].map(([id, name]) => h('option', { value: id }, name)));
  }).catch(() => { /* Suggestions only; the list works without them. */ });

  const applyFilters = () => {
    const query = new URLSearchParams();
    if (agentInput.value.trim()) query.set('agent', agentInput.value.trim());
    if (statusSelect.value) query.set('status', statusSelect.value);
    const hash = `#/batches${query.size ? `?${query}` : ''}`;
    if (location.hash !== hash) {
      location.hash = hash;
    } else {
      cursors.length = 1;
      page = 0;
      load();
    }
  };

  filterForm.addEventListener('submit', (event) => { event.preventDefault(); applyFilters(); });
  statusSelect.addEventListener('change', applyFilters);
  previous.addEventListener('click', () => { page -= 1; load(); });
  next.addEventListener('click', () => { cursors[page + 1] = nextCursor; page += 1; load(); });

  async function fetchPage(cursor) {
    const agentId = filters.agent || undefined;
    if (!filters.status) {
      const result = await listBatches({ limit: pageSize, last_doc: cursor, agent_id: agentId });
      return { batches: result.batch_calls, next: result.has_more ? result.next_doc : null, scanned: result.batch_calls.length };
    }

    const matches = [];
    let scanned = 0;
    let last = cursor;
    for (let i = 0; i < statusScanMaxPages; i++) {
      const result = await listBatches({ limit: statusScanPageSize, last_doc: last, agent_id: agentId });
      scanned += result.batch_calls.length;
      matches.push(...result.batch_calls.filter((b) => b.status === filters.status));
      last = result.has_more ? result.next_doc : null;
      if (!last || matches.length >= pageSize) {
        break;
      }
    }

    return { batches: matches, next: last, scanned };
  }

  async function load({ quiet = false } = {}) {
    clearTimeout(timer);
    if (!quiet) {
      main.setAttribute('aria-busy', 'true');
    }

    try {
      const result = await fetchPage(cursors[page]);
      if (stopped) return;
      error.textContent = '';
      nextCursor = result.next;
      renderRows(result.batches);
      previous.disabled = page === 0;
      next.disabled = !nextCursor;
      pageLabel.textContent = `Page ${page + 1}`;
      note.textContent = filters.status
        ? `${result.batches.length} ${statusLabels[filters.status].toLowerCase()} batch${result.batches.length === 1 ? '' : 'es'} among the ${formatNumber(result.scanned)} looked at on this page.`
        : '';
      if (result.batches.some((b) => b.status === 'pending' || b.status === 'in_progress')) {
        timer = setTimeout(() => load({ quiet: true }), refreshEveryMs);
      }
    } catch (e) {
      if (stopped) return;
      error.textContent = `Could not load the batches: ${e.message}`;
    } finally {
      main.removeAttribute('aria-busy');
    }
  }

  function renderRows(batches) {
    if (batches.length === 0) {
      tableBody.replaceChildren(h('tr', {}, h('td', { colspan: 8, class: 'empty' },
        filters.agent || filters.status ? 'No batch matches these filters.' : 'No batches yet. Create one with "New batch".')));
      return;
    }

    tableBody.replaceChildren(...batches.map((b) => {
      const phone = h('span', { class: 'mono' }, b.phone_number_id);
      phoneNumber(b.phone_number_id).then((n) => { phone.textContent = n.label ? `${n.phone_number} (${n.label})` : n.phone_number; }).catch(() => {});
      return h('tr', { 'data-batch-id': b.id },
        h('td', {}, h('a', { href: `#/batches/${encodeURIComponent(b.id)}` }, b.name)),
        h('td', {}, b.agent_name || b.agent_id, h('br'), h('small', { class: 'mono' }, b.agent_id)),
        h('td', {}, phone),
        h('td', {}, statusBadge(b.status, b.paused)),
        h('td', { class: 'num' }, formatNumber(b.total_calls_scheduled)),
        h('td', {}, progressBar(b.total_calls_finished, b.total_calls_scheduled, `${b.name}: ${b.total_calls_finished} of ${b.total_calls_scheduled} calls finished`)),
        h('td', {}, formatTime(b.created_at_unix)),
        h('td', {}, b.scheduled_time_unix > b.created_at_unix + 5 ? formatTime(b.scheduled_time_unix) : 'At once'));
    }));
  }

  load();
  return () => { stopped = true; clearTimeout(timer); };
}
