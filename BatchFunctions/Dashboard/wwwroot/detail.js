// One batch, live: the summary is polled every two seconds (one small request); the recipients table
// shows one server page at a time and is fetched again only when the counts moved, at most every five
// seconds, so a 10,000-recipient batch costs the same to watch as a small one.
import { batchRecipients, batchResults, batchSummary, batchTimeline, cancelBatch, exportBatch, pauseBatch, phoneNumber, resumeBatch, retryBatch } from './api.js';
import { barChart, outcomeRows, timelineChart } from './charts.js';
import { verdictName } from './conversation.js';
import { announce, confirmAction, failureName, formatDuration, formatHourMinute, formatNumber, formatTime, h, progressBar, statusBadge, statusName, waitingText } from './ui.js';

const summaryEveryMs = 2000;
const tableAtMostEveryMs = 5000;
const pageSize = 50;
const finalStatuses = ['completed', 'failed', 'cancelled'];
const filters = [
  ['', 'All recipients', null],
  ['pending', 'Pending', 'pending'],
  ['live', 'Calling now', 'live'],
  ['completed', 'Completed', 'completed'],
  ['failed', 'Failed', 'failed'],
  ['voicemail', 'Voicemail', 'voicemail'],
  ['cancelled', 'Cancelled', 'cancelled'],
];

export function renderDetail(main, batchId) {
  let stopped = false;
  let summaryTimer = 0;
  let batch = null;
  let overview = null;
  let offset = 0;
  let total = 0;
  let filter = '';
  let lastTableAt = 0;
  let tableFingerprint = '';
  let tableRequest = null;
  let samples = [];
  // Each shown recipient that waits, with its wait element: its countdown moves with every summary refresh.
  let waitingRows = [];

  // After an operator's action the batch's record may lag the answer for a moment: keep polling a while.
  let pollAtLeastUntil = 0;

  const heading = h('h1', {}, 'Batch');
  const statusHolder = h('span', { id: 'batch-status' });
  const facts = h('p', { class: 'hint', id: 'batch-facts' });
  const waiting = h('p', { class: 'waiting', id: 'batch-waiting', hidden: true });
  const actionError = h('p', { class: 'form-error', role: 'alert', id: 'action-error' });
  const actionStatus = h('p', { class: 'hint', role: 'status', id: 'action-status' });
  const pause = h('button', { type: 'button', class: 'secondary', id: 'pause-batch', hidden: true }, 'Pause');
  const resume = h('button', { type: 'button', id: 'resume-batch', hidden: true }, 'Resume');
  const cancel = h('button', { type: 'button', class: 'danger', id: 'cancel-batch', hidden: true }, 'Cancel batch');
  const retry = h('button', { type: 'button', class: 'secondary', id: 'retry-batch', hidden: true }, 'Retry failed');
  const exportButton = h('button', { type: 'button', class: 'secondary', id: 'export-batch' }, 'Export CSV');
  const progressHolder = h('div', { id: 'batch-progress' });
  const cards = h('dl', { class: 'cards', id: 'summary-cards' });
  const failure = h('p', { class: 'notice', id: 'failure-message', hidden: true });
  const updated = h('p', { class: 'hint', id: 'summary-updated' });
  const summaryError = h('p', { class: 'form-error', role: 'alert', id: 'summary-error' });

  const timelineHolder = h('div', { id: 'timeline-chart' });
  const timelineNote = h('p', { class: 'hint', id: 'timeline-note' }, 'No calls yet.');
  const resultsHolder = h('div', { id: 'results-charts', class: 'charts' });
  const resultsNote = h('p', { class: 'hint', id: 'results-note' }, 'No conversation results yet.');
  const statusFilter = h('select', { id: 'recipient-status', name: 'status' }, filters.map(([value, label]) => h('option', { value }, label)));
  const tableBody = h('tbody');
  const tableError = h('p', { class: 'form-error', role: 'alert', id: 'recipients-error' });
  const range = h('span', { id: 'recipients-range', 'aria-live': 'polite' });
  const first = h('button', { type: 'button', class: 'secondary', id: 'recipients-first' }, 'First');
  const previous = h('button', { type: 'button', class: 'secondary', id: 'recipients-previous' }, 'Previous');
  const next = h('button', { type: 'button', class: 'secondary', id: 'recipients-next' }, 'Next');
  const last = h('button', { type: 'button', class: 'secondary', id: 'recipients-last' }, 'Last');

  main.append(
    h('p', {}, h('a', { href: '#/batches' }, '← All batches')),
    h('div', { class: 'page-head' }, heading, statusHolder),
    facts,
    waiting,
    h('div', { class: 'actions', id: 'batch-actions' }, pause, resume, cancel, retry, exportButton),
    actionError,
    actionStatus,
    h('section', { 'aria-labelledby': 'summary-heading' },
      h('h2', { id: 'summary-heading' }, 'Summary'),
      summaryError, progressHolder, cards, failure, updated),
    h('section', { 'aria-labelledby': 'timeline-heading', id: 'timeline-section' },
      h('h2', { id: 'timeline-heading' }, 'Calls over time'),
      timelineNote, timelineHolder),
    h('section', { 'aria-labelledby': 'results-heading', id: 'results-section' },
      h('h2', { id: 'results-heading' }, 'What the calls achieved'),
      resultsNote, resultsHolder),
    h('section', { 'aria-labelledby': 'recipients-heading' },
      h('h2', { id: 'recipients-heading' }, 'Recipients'),
      h('div', { class: 'toolbar' }, h('div', { class: 'field' }, h('label', { for: 'recipient-status' }, 'Show'), statusFilter)),
      tableError,
      h('table', { id: 'recipients-table' },
        h('caption', { class: 'visually-hidden' }, 'Recipients of this batch'),
        h('thead', {}, h('tr', {},
          ['Row', 'Phone number', 'Dynamic variables', 'Status', 'Result', 'Reason', 'Attempts', 'Conversation'].map((c) =>
            h('th', { scope: 'col', class: c === 'Row' || c === 'Attempts' ? 'num' : '' }, c)))),
        tableBody),
      h('nav', { class: 'pager', 'aria-label': 'Pages of recipients' }, first, previous, range, next, last)));

  function card(label, value, note, id, kind = '') {
    return h('div', { class: `card ${kind}`, id }, h('dt', {}, label), h('dd', {}, value, note ? [' ', h('small', {}, note)] : null));
  }

  /** When the batch will finish, from its rate over the last two minutes (or since it started). */
  function estimate() {
    const b = batch;
    if (finalStatuses.includes(b.status)) {
      const ended = overview.dispatch_finished_at_unix ?? overview.cancelled_at_unix ?? b.last_updated_at_unix;
      return ['Ended', formatTime(ended)];
    }

    if (!overview.started_at_unix) {
      return ['Starts', formatTime(b.scheduled_time_unix)];
    }

    if (b.paused) {
      return ['Estimated finish', 'Paused'];
    }

    const now = overview.server_time_unix;
    samples.push({ t: now, finished: b.total_calls_finished });
    samples = samples.filter((s) => now - s.t <= 120);
    const oldest = samples[0];
    let rate = 0;
    if (oldest && now - oldest.t >= 5 && b.total_calls_finished > oldest.finished) {
      rate = (b.total_calls_finished - oldest.finished) / (now - oldest.t);
    } else if (now > overview.started_at_unix && b.total_calls_finished > 0) {
      rate = b.total_calls_finished / (now - overview.started_at_unix);
    }

    if (rate <= 0) {
      return ['Estimated finish', b.waiting_reason && b.next_attempt_at_unix ? `Not before ${formatTime(b.next_attempt_at_unix)}` : 'Estimating…'];
    }

    const remaining = (b.total_calls_scheduled - b.total_calls_finished) / rate;
    return ['Estimated finish', `${formatTime(now + remaining)} (in ${formatDuration(remaining)})`];
  }

  function renderSummary() {
    const b = batch;
    const c = b.status_counts;
    heading.textContent = b.name;
    document.title = `${b.name} · Batch calling`;
    const previousStatus = statusHolder.dataset.status;
    statusHolder.dataset.status = b.paused ? `${b.status}-paused` : b.status;
    statusHolder.replaceChildren(statusBadge(b.status, b.paused));
    if (previousStatus && previousStatus !== statusHolder.dataset.status) {
      announce(`Batch is now ${b.paused ? 'paused' : statusName(b.status).toLowerCase()}.`);
    }

    const phone = h('span', { class: 'mono' }, b.phone_number_id);
    phoneNumber(b.phone_number_id).then((n) => { phone.textContent = `${n.phone_number}${n.label ? ` (${n.label})` : ''}`; }).catch(() => {});
    facts.replaceChildren(
      'Agent ', h('strong', {}, b.agent_name || b.agent_id), ' ', h('span', { class: 'mono' }, `(${b.agent_id})`),
      ' · from ', phone, ' · ', h('span', { class: 'mono' }, b.id), ' · source ', h('span', { class: 'mono' }, b.source));

    progressHolder.replaceChildren(progressBar(b.total_calls_finished, b.total_calls_scheduled, `${b.total_calls_finished} of ${b.total_calls_scheduled} calls finished`));
    const [etaLabel, etaValue] = estimate();
    cards.replaceChildren(
      card('Status', b.paused && !finalStatuses.includes(b.status) ? 'Paused' : statusName(b.status), null, 'card-status'),
      card('Recipients', formatNumber(b.total_calls_scheduled), null, 'card-total'),
      card('Dispatched', formatNumber(b.total_calls_dispatched), null, 'card-dispatched'),
      card('Finished', formatNumber(b.total_calls_finished), null, 'card-finished'),
      card('Pending', formatNumber(c.pending), null, 'card-pending'),
      card('Calls live', formatNumber(c.live), `of ${b.concurrency_limit} allowed at once`, 'card-live'),
      card('Completed', formatNumber(c.completed), null, 'card-completed'),
      card('Failed', formatNumber(c.failed), null, 'card-failed'),
      card('Voicemail', formatNumber(c.voicemail), null, 'card-voicemail'),
      card('Cancelled', formatNumber(c.cancelled), null, 'card-cancelled'),
      card('Created', formatTime(b.created_at_unix), null, 'card-created', 'time'),
      card('Started', overview.started_at_unix ? formatTime(overview.started_at_unix) : 'Not yet', null, 'card-started', 'time'),
      card(etaLabel, etaValue, null, 'card-eta', 'time'),
      ...(b.retry_count > 0 ? [card('Retries', formatNumber(b.retry_count), null, 'card-retries')] : []));
    renderWaiting();
    failure.hidden = !b.failure_message;
    failure.textContent = b.failure_message ? `The batch failed: ${b.failure_message}` : '';

    const final = finalStatuses.includes(b.status);
    pause.hidden = final || b.paused;
    resume.hidden = final || !b.paused;
    cancel.hidden = final;
    retry.hidden = !final || c.failed === 0;

    for (const option of statusFilter.options) {
      const [, label, key] = filters.find(([value]) => value === option.value);
      option.textContent = key ? `${label} (${formatNumber(c[key])})` : `${label} (${formatNumber(b.total_calls_scheduled)})`;
    }
  }

  /** Why the batch and the shown recipients wait, with the time left by this browser's clock. */
  function renderWaiting() {
    const now = Date.now() / 1000;
    const text = finalStatuses.includes(batch.status) ? '' : waitingText(batch, now);
    const previousReason = waiting.dataset.reason ?? '';
    waiting.dataset.reason = text ? batch.waiting_reason : '';
    waiting.hidden = !text;
    waiting.textContent = text ? `${text}.` : '';
    // A screen reader hears a new reason once, not every countdown tick.
    if (text && previousReason !== waiting.dataset.reason) {
      announce(`${text}.`);
    }

    for (const { element, recipient } of waitingRows) {
      element.textContent = waitingText(recipient, now);
    }
  }

  async function refreshSummary() {
    clearTimeout(summaryTimer);
    const askedAt = Date.now();
    try {
      overview = await batchSummary(batchId);
      if (stopped) return;
      batch = overview.batch;
      summaryError.textContent = '';
      renderSummary();
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}${finalStatuses.includes(batch.status) ? '' : ' · updates every 2 seconds'}`;
      const fingerprint = JSON.stringify([batch.status, batch.paused, batch.status_counts, batch.retry_count]);
      if (lastTableAt >= askedAt) {
        // The table was asked for after this summary: it is at least as fresh.
        tableFingerprint = fingerprint;
      } else if (fingerprint !== tableFingerprint && (Date.now() - lastTableAt >= tableAtMostEveryMs || finalStatuses.includes(batch.status))) {
        tableFingerprint = fingerprint;
        loadTable({ quiet: true });
      }
    } catch (e) {
      if (stopped) return;
      summaryError.textContent = e.status === 404 ? `There is no batch ${batchId}; it may have been deleted.` : `Could not refresh the summary: ${e.message}`;
      if (e.status === 404) return;
    }

    const settled = batch && finalStatuses.includes(batch.status) && tableFingerprint && Date.now() > pollAtLeastUntil;
    if (!stopped && document.visibilityState !== 'hidden' && !settled) {
      summaryTimer = setTimeout(refreshSummary, summaryEveryMs);
    }
  }

  async function loadTable({ quiet = false } = {}) {
    tableRequest?.abort();
    const request = new AbortController();
    tableRequest = request;
    lastTableAt = Date.now();
    if (!quiet) {
      tableBody.setAttribute('aria-busy', 'true');
    }

    try {
      const page = await batchRecipients(batchId, { status: filter, offset, limit: pageSize }, request.signal);
      if (stopped || request.signal.aborted) return;
      total = page.total;
      if (offset >= total && total > 0) {
        offset = Math.floor((total - 1) / pageSize) * pageSize;
        loadTable();
        return;
      }

      tableError.textContent = '';
      renderRows(page.recipients);
      range.textContent = total === 0 ? 'No recipients' : `Recipients ${formatNumber(offset + 1)}–${formatNumber(offset + page.recipients.length)} of ${formatNumber(total)}`;
      first.disabled = previous.disabled = offset === 0;
      next.disabled = last.disabled = offset + pageSize >= total;
      performance.mark('recipients-rendered');
      loadResults();
      loadTimeline();
    } catch (e) {
      if (e.name === 'AbortError' || stopped) return;
      tableError.textContent = `Could not load the recipients: ${e.message}`;
    } finally {
      if (tableRequest === request) tableBody.removeAttribute('aria-busy');
    }
  }

  function renderRows(recipients) {
    if (recipients.length === 0) {
      tableBody.replaceChildren(h('tr', {}, h('td', { colspan: 8, class: 'empty' }, filter ? 'No recipient has this status.' : 'No recipients.')));
      return;
    }

    const fragment = document.createDocumentFragment();
    const now = Date.now() / 1000;
    waitingRows = [];
    for (const r of recipients) {
      const data = r.conversation_initiation_client_data ?? {};
      const variables = Object.entries(data.dynamic_variables ?? {});
      const overrides = Object.entries(data.conversation_config_override?.agent ?? {}).filter(([, v]) => v !== null && v !== undefined);
      const status = r.status === 'dispatched' || r.status === 'initiated' || r.status === 'in_progress' ? 'live' : r.status;
      const wait = waitingText(r, now);
      const waitElement = wait ? h('small', { class: 'waiting' }, wait) : null;
      if (waitElement) {
        waitingRows.push({ element: waitElement, recipient: r });
      }

      fragment.append(h('tr', { 'data-status': r.status, 'data-waiting': r.waiting_reason ?? null },
        h('td', { class: 'num' }, r.row_number > 0 ? String(r.row_number) : '—'),
        h('td', { class: 'mono' }, r.phone_number),
        h('td', {}, variables.length || overrides.length
          ? h('ul', { class: 'vars' },
            variables.map(([k, v]) => h('li', {}, h('span', { class: 'mono' }, k), `: ${typeof v === 'string' ? v : JSON.stringify(v)}`)),
            overrides.length ? h('li', {}, `overrides: ${overrides.map(([k]) => k).join(', ')}`) : null)
          : '—'),
        h('td', {}, h('span', { class: `badge ${status}` }, statusName(r.status)), waitElement ? [h('br'), waitElement] : null),
        h('td', {}, r.conversation_results
          ? h('span', { class: `badge verdict-${r.conversation_results.call_successful}`, title: r.conversation_results.transcript_summary ?? '' }, verdictName(r.conversation_results.call_successful))
          : '—'),
        h('td', { title: r.failure_detail ?? '' }, failureName(r.failure_reason), r.failure_detail ? h('br') : null, r.failure_detail ? h('small', {}, r.failure_detail) : null),
        h('td', { class: 'num' }, String(r.attempts)),
        h('td', { class: 'mono' }, r.conversation_results
          ? h('a', { href: `#/batches/${encodeURIComponent(batchId)}/conversations/${encodeURIComponent(r.conversation_id)}`, 'aria-label': `Open the conversation with ${r.phone_number}` }, r.conversation_id)
          : r.conversation_id ?? '—')));
    }

    tableBody.replaceChildren(fragment);
  }

  /** The charts follow the table: fetched again only when the table was (the counts moved). */
  async function loadResults() {
    try {
      const results = await batchResults(batchId);
      if (stopped) return;
      resultsNote.textContent = results.conversations === 0
        ? 'No conversation results yet.'
        : `From the ${formatNumber(results.conversations)} conversations whose results have arrived.`;
      if (results.conversations === 0) {
        resultsHolder.replaceChildren();
        return;
      }

      resultsHolder.replaceChildren(
        barChart({ id: 'chart-outcomes', title: 'Call successful, by the agent\'s evaluation', rows: outcomeRows(results.call_successful), headers: ['Outcome', 'Calls'] }),
        ...Object.entries(results.evaluation).map(([criterion, counts], i) =>
          barChart({ id: `chart-criterion-${i}`, title: `Criterion: ${criterion}`, rows: outcomeRows(counts), headers: ['Result', 'Calls'] })),
        ...Object.entries(results.data_collection).map(([field, values], i) =>
          barChart({ id: `chart-field-${i}`, title: `Collected: ${field}`, rows: values.map((v) => ({ label: v.value ?? '(nothing collected)', count: v.count })), headers: ['Value', 'Calls'] })));
    } catch (e) {
      if (!stopped) resultsNote.textContent = `Could not load the results: ${e.message}`;
    }
  }

  /** Like the result charts, fetched again only when the table was: the counts it draws moved. */
  async function loadTimeline() {
    try {
      const timeline = await batchTimeline(batchId);
      if (stopped) return;
      if (timeline.buckets.length === 0) {
        timelineNote.textContent = 'No calls yet.';
        timelineHolder.replaceChildren();
        return;
      }

      // A batch within one day reads best by the clock; one over several days needs the date too.
      const days = new Set(timeline.buckets.map((b) => new Date(b.start_unix * 1000).toDateString()));
      const label = days.size === 1 ? (unix) => formatHourMinute(unix) : (unix) => formatTime(unix);
      timelineNote.textContent = `Dialed ${formatNumber(timeline.dialed)}, answered ${formatNumber(timeline.answered)}, ended ${formatNumber(timeline.ended)} (each recipient's latest attempt).`;
      timelineHolder.replaceChildren(timelineChart({ id: 'chart-timeline', title: 'Calls dialed, answered and ended', timeline, label }));
    } catch (e) {
      if (!stopped) timelineNote.textContent = `Could not load the calls over time: ${e.message}`;
    }
  }

  const go = (to) => { offset = Math.max(0, to); loadTable(); };
  first.addEventListener('click', () => go(0));
  previous.addEventListener('click', () => go(offset - pageSize));
  next.addEventListener('click', () => go(offset + pageSize));
  last.addEventListener('click', () => go(Math.floor((total - 1) / pageSize) * pageSize));
  statusFilter.addEventListener('change', () => { filter = statusFilter.value; offset = 0; loadTable(); });

  /** Runs a lever after confirmation and shows the batch as the answer leaves it, or why it refused. */
  async function act(button, question, run, done) {
    actionError.textContent = '';
    actionStatus.textContent = '';
    const answer = await confirmAction(question);
    if (!answer) return;
    button.disabled = true;
    try {
      const result = await run(answer);
      if (stopped) return;
      batch = result;
      overview = { ...overview, batch: result };
      renderSummary();
      actionStatus.textContent = done;
      announce(done);
      samples = [];
      tableFingerprint = '';
      pollAtLeastUntil = Date.now() + 15_000;
      refreshSummary();
    } catch (e) {
      if (!stopped) actionError.textContent = `${button.textContent} did not happen: ${e.message}`;
    } finally {
      button.disabled = false;
      if (!button.hidden) button.focus();
    }
  }

  pause.addEventListener('click', () => act(pause,
    { title: 'Pause this batch?', message: 'No new calls will be placed until you resume. Calls in progress go on.', confirmLabel: 'Pause batch' },
    () => pauseBatch(batchId), 'Batch paused.'));
  resume.addEventListener('click', () => act(resume,
    { title: 'Resume this batch?', message: 'Dialing continues with the recipients not yet called.', confirmLabel: 'Resume batch' },
    () => resumeBatch(batchId), 'Batch resumed.'));
  cancel.addEventListener('click', () => act(cancel,
    { title: 'Cancel this batch?', message: `Recipients not yet called (${formatNumber(batch?.status_counts.pending ?? 0)}) will not be called. This cannot be undone.`, confirmLabel: 'Cancel batch', danger: true, option: 'Also hang up calls in progress' },
    (answer) => cancelBatch(batchId, answer.checked), 'Batch cancelled.'));
  retry.addEventListener('click', () => act(retry,
    { title: 'Retry the failed recipients?', message: `The ${formatNumber(batch?.status_counts.failed ?? 0)} recipients whose calls failed will be called again.`, confirmLabel: 'Retry failed' },
    () => retryBatch(batchId), 'Retrying the failed recipients.'));
  exportButton.addEventListener('click', async () => {
    actionError.textContent = '';
    exportButton.disabled = true;
    actionStatus.textContent = 'Preparing the export…';
    try {
      const file = await exportBatch(batchId);
      actionStatus.textContent = `Downloaded ${file.name} (${formatNumber(Math.round(file.bytes / 1024))} KB).`;
    } catch (e) {
      actionStatus.textContent = '';
      actionError.textContent = `The export failed: ${e.message}`;
    } finally {
      exportButton.disabled = false;
    }
  });

  const onVisible = () => {
    if (document.visibilityState === 'visible' && !stopped) refreshSummary();
  };
  document.addEventListener('visibilitychange', onVisible);

  refreshSummary();
  loadTable();
  return () => {
    stopped = true;
    clearTimeout(summaryTimer);
    tableRequest?.abort();
    document.removeEventListener('visibilitychange', onVisible);
  };
}
