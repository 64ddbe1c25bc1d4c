// The create form: batch settings, a recipient file checked by the app's dry run before anything is
// created, schedule, calling window, retries, and a test call to one number. Field names are the
// upload endpoint's form fields, which are the blob metadata keys of a dropped file.
import { agent, ApiError, batchDefaults, batchSummary, batchRecipients, phoneNumber, template, testCall, uploadFile, validateFile } from './api.js';
import { announce, describeLocation, failureName, field, formatNumber, h, setFieldError, statusName } from './ui.js';

const days = [['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'], ['fri', 'Friday'], ['sat', 'Saturday'], ['sun', 'Sunday']];
const retryOutcomes = [['busy', 'Busy'], ['no_answer', 'No answer'], ['voicemail', 'Voicemail'], ['transient_failure', 'Telephony fault']];

// The app's limit (VoicemailMessages.MaxLength). No maxlength attribute: a browser cuts a longer paste short without a word.
const voicemailMaxLength = 1000;
const input = (id, attributes = {}) => h('input', { id, name: id, type: 'text', ...attributes });

export function renderCreate(main) {
  let stopped = false;
  let validation = 0;
  let testTimer = 0;

  // Batch
  const name = input('call-name', { autocomplete: 'off', required: true, 'aria-required': 'true' });
  const agentId = input('agent-id', { list: 'agent-options', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-required': 'true' });
  const phoneId = input('phone-number-id', { list: 'phone-options', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-required': 'true' });
  const agentOptions = h('datalist', { id: 'agent-options' });
  const phoneOptions = h('datalist', { id: 'phone-options' });
  const agentInfo = h('p', { class: 'hint', id: 'agent-id-info', 'aria-live': 'polite' });
  const phoneInfo = h('p', { class: 'hint', id: 'phone-number-id-info', 'aria-live': 'polite' });

  // Recipients
  const file = h('input', { id: 'recipient-file', name: 'file', type: 'file', accept: '.csv,.txt,.xls,.xlsx,text/csv,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', required: true, 'aria-required': 'true' });
  const report = h('div', { id: 'validation-report', 'aria-live': 'polite' });
  const templateCsv = h('button', { type: 'button', class: 'secondary', id: 'template-csv' }, 'Download CSV template');
  const templateXlsx = h('button', { type: 'button', class: 'secondary', id: 'template-xlsx' }, 'Download XLSX template');
  const templateError = h('p', { class: 'form-error', role: 'alert', id: 'template-error' });

  // When
  const now = h('input', { type: 'radio', id: 'when-now', name: 'when', value: 'now', checked: true });
  const later = h('input', { type: 'radio', id: 'when-later', name: 'when', value: 'later' });
  const tomorrow = new Date(Date.now() + 86_400_000);
  const date = h('input', { type: 'date', id: 'schedule-date', name: 'schedule_date', value: tomorrow.toISOString().slice(0, 10) });
  const time = h('input', { type: 'time', id: 'schedule-time', name: 'schedule_time', value: '09:00' });
  const zone = input('schedule-timezone', { list: 'timezone-options', value: Intl.DateTimeFormat().resolvedOptions().timeZone, autocomplete: 'off', spellcheck: 'false' });
  const zoneOptions = h('datalist', { id: 'timezone-options' }, (Intl.supportedValuesOf?.('timeZone') ?? []).map((z) => h('option', { value: z })));
  const scheduleFields = h('div', { id: 'schedule-fields', hidden: true },
    field(date, 'Date', null, { inline: true }),
    field(time, 'Time', null, { inline: true }),
    field(zone, 'Time zone', 'An IANA name such as America/New_York or Europe/London.', { inline: true }),
    zoneOptions);

  // Calling window and retries
  const windowStart = h('input', { type: 'time', id: 'window-start', name: 'window_start' });
  const windowEnd = h('input', { type: 'time', id: 'window-end', name: 'window_end' });
  const dayBoxes = days.map(([value, label]) => h('input', { type: 'checkbox', id: `day-${value}`, value }));
  const attempts = h('input', { type: 'number', id: 'retry-attempts', name: 'retry_max_attempts', min: '1', max: '10', step: '1', value: '1' });
  const retryBoxes = retryOutcomes.map(([value]) => h('input', { type: 'checkbox', id: `retry-${value}`, value, checked: value === 'busy' || value === 'no_answer' }));
  const retryDelay = h('input', { type: 'number', id: 'retry-delay', name: 'retry_delay_minutes', min: '0', step: '1', value: '60' });

  // More options
  const concurrency = h('input', { type: 'number', id: 'concurrency', name: 'target_concurrency_limit', min: '1', step: '1' });
  const ringing = h('input', { type: 'number', id: 'ringing-timeout', name: 'ringing_timeout_secs', min: '5', max: '600', step: '1' });
  const machine = h('select', { id: 'machine-detection', name: 'machine_detection' },
    h('option', { value: '' }, 'Off'), h('option', { value: 'enable' }, 'Detect, connect at once'), h('option', { value: 'detect_message_end' }, 'Detect, wait for the beep'));
  const recording = h('input', { type: 'checkbox', id: 'recording', name: 'recording' });
  const voicemail = h('textarea', { id: 'voicemail-message', name: 'voicemail_message', rows: '3' });
  const doNotCall = input('do-not-call', { autocomplete: 'off', spellcheck: 'false' });
  const region = input('region', { maxlength: '2', autocomplete: 'off', size: '4' });
  const sheet = input('sheet', { autocomplete: 'off' });
  const phoneColumn = input('phone-column', { autocomplete: 'off', spellcheck: 'false' });

  const formError = h('div', { class: 'form-error', role: 'alert', id: 'create-error' });
  const submit = h('button', { type: 'submit', id: 'submit-batch' }, 'Submit batch');
  const submitStatus = h('span', { id: 'submit-status', role: 'status' });

  const form = h('form', { id: 'create-form', novalidate: true, 'aria-describedby': 'create-error' },
    formError,
    h('fieldset', {}, h('legend', {}, 'Batch'),
      field(name, 'Batch name', 'For example "November renewals".'),
      field(agentId, 'Agent', 'The ElevenLabs agent id that takes the calls.'), agentInfo, agentOptions,
      field(phoneId, 'Phone number', 'The ElevenLabs phone number id the calls come from.'), phoneInfo, phoneOptions),
    h('fieldset', {}, h('legend', {}, 'Recipients'),
      field(file, 'Recipient file (CSV, XLS or XLSX)', 'A phone_number column is required; other columns become dynamic variables; language, first_message, system_prompt and voice_id override the agent; voicemail_message is that recipient\'s voicemail message.'),
      h('div', { class: 'actions' }, templateCsv, templateXlsx), templateError,
      report),
    h('fieldset', {}, h('legend', {}, 'When'),
      h('div', { class: 'choices', role: 'radiogroup', 'aria-label': 'When to start' },
        h('span', {}, now, h('label', { for: 'when-now' }, 'Send immediately')),
        h('span', {}, later, h('label', { for: 'when-later' }, 'Schedule for later'))),
      scheduleFields),
    h('fieldset', {}, h('legend', {}, 'Calling window and retries'),
      field(windowStart, 'Calls from', null, { inline: true }),
      field(windowEnd, 'Calls until', null, { inline: true }),
      h('p', { class: 'hint', id: 'window-hint' }, 'In each recipient\'s local time. Leave empty for the deployment\'s default.'),
      h('fieldset', { id: 'calling-days' }, h('legend', {}, 'Calling days (none ticked: every day)'),
        h('div', { class: 'choices' }, dayBoxes.map((box, i) => h('span', {}, box, h('label', { for: box.id }, days[i][1]))))),
      field(attempts, 'Attempts per recipient', '1 means no automatic retries.', { inline: true }),
      field(retryDelay, 'Minutes between attempts', null, { inline: true }),
      h('fieldset', { id: 'retry-on' }, h('legend', {}, 'Retry after'),
        h('div', { class: 'choices' }, retryBoxes.map((box, i) => h('span', {}, box, h('label', { for: box.id }, retryOutcomes[i][1])))))),
    h('details', { id: 'more-options' }, h('summary', {}, 'More options'),
      field(concurrency, 'Calls at once', 'Leave empty for the computed share of the workspace and agent limits.', { inline: true }),
      field(ringing, 'Ringing timeout (seconds)', '5 to 600.', { inline: true }),
      field(machine, 'Answering machine detection', null, { inline: true }),
      field(voicemail, 'Voicemail message',
        `Said after the beep when an answering machine answers, instead of connecting the agent (detection then waits for the beep). Up to ${voicemailMaxLength} characters; a voicemail_message column sets it per recipient. Empty: the agent takes every answered call.`),
      h('div', { class: 'field' }, recording, h('label', { for: 'recording' }, 'Record calls (Twilio)')),
      field(doNotCall, 'Do-not-call list', 'A blob in the app\'s storage, as container/name, one number per line.'),
      field(region, 'Region', 'Two letters, for numbers written without a country code.', { inline: true }),
      field(sheet, 'Worksheet', 'For XLS/XLSX files: the sheet to read (default: the first).', { inline: true }),
      field(phoneColumn, 'Phone column', 'The header of the column with the numbers, if it is not phone_number.', { inline: true })),
    h('div', { class: 'actions' }, submit, submitStatus));

  // Test call: its own form, so Enter in its field places the test call rather than submitting the batch.
  const testNumber = h('input', { type: 'tel', id: 'test-number', name: 'test_phone_number', autocomplete: 'tel' });
  const testButton = h('button', { type: 'submit', class: 'secondary', id: 'place-test-call' }, 'Place test call');
  const testResult = h('div', { id: 'test-call-result', role: 'status' });
  const testForm = h('form', { id: 'test-call-form', novalidate: true },
    field(testNumber, 'Phone number for the test call', 'Calls this one number now with the agent and phone number above, as a one-recipient batch.'),
    h('div', { class: 'actions' }, testButton), testResult);

  main.append(
    h('h1', {}, 'New batch'),
    form,
    h('section', { 'aria-labelledby': 'test-call-heading' }, h('h2', { id: 'test-call-heading' }, 'Test call'), testForm));

  for (const control of [windowStart, windowEnd]) {
    control.setAttribute('aria-describedby', 'window-hint');
  }

  const fieldsByName = {
    call_name: name, agent_id: agentId, agent_phone_number_id: phoneId, file, scheduled_time: date, timezone: zone,
    calling_window: windowStart, calling_days: dayBoxes[0], retry_max_attempts: attempts, retry_on: retryBoxes[0],
    retry_delay_minutes: retryDelay, target_concurrency_limit: concurrency, ringing_timeout_secs: ringing,
    machine_detection: machine, voicemail_message: voicemail, recording, do_not_call: doNotCall, region, sheet, phone_column: phoneColumn,
  };

  // Defaults: the configured agent and phone number, and those recent batches used.
  batchDefaults().then((defaults) => {
    if (stopped) return;
    let filled = false;
    for (const [field, value] of [[agentId, defaults.default_agent_id], [phoneId, defaults.default_phone_number_id]]) {
      if (!field.value && value) {
        field.value = value;
        filled = true;
      }
    }
    region.placeholder = defaults.region;
    windowStart.placeholder = defaults.calling_window.split('-')[0];
    windowEnd.placeholder = defaults.calling_window.split('-')[1];
    document.getElementById('window-hint').textContent =
      `In each recipient's local time. Leave empty for the deployment's default, ${defaults.calling_window}.`;
    const agents = new Map(defaults.recent_agents.map((a) => [a.agent_id, a.name]));
    if (defaults.default_agent_id) agents.set(defaults.default_agent_id, defaults.default_agent?.name ?? 'default');
    agentOptions.replaceChildren(...[...agents].map(([id, label]) => h('option', { value: id }, label)));
    const numbers = new Set([defaults.default_phone_number_id, ...defaults.recent_phone_number_ids].filter(Boolean));
    phoneOptions.replaceChildren(...[...numbers].map((id) => h('option', { value: id })));
    showAgent();
    showPhoneNumber();

    // A file chosen before the defaults arrived was left unchecked for want of an agent and number; setting a
    // field's value fires no change event.
    if (filled) validate();
  }).catch((e) => { formError.textContent = `Could not read the deployment's defaults: ${e.message}`; });

  async function showAgent() {
    const id = agentId.value.trim();
    agentInfo.textContent = '';
    setFieldError(agentId, null);
    if (!id) return;
    try {
      const a = await agent(id);
      if (agentId.value.trim() !== id) return;
      const overrides = a.allowed_overrides.length ? `overrides allowed: ${a.allowed_overrides.join(', ')}` : 'no overrides allowed';
      agentInfo.textContent = `${a.name} · ${overrides}${a.concurrency_limit ? ` · at most ${a.concurrency_limit} calls at once` : ''}`;
    } catch (e) {
      if (agentId.value.trim() === id) setFieldError(agentId, e.message);
    }
  }

  async function showPhoneNumber() {
    const id = phoneId.value.trim();
    phoneInfo.textContent = '';
    setFieldError(phoneId, null);
    if (!id) return;
    try {
      const n = await phoneNumber(id);
      if (phoneId.value.trim() !== id) return;
      phoneInfo.textContent = `${n.phone_number}${n.label ? ` (${n.label})` : ''} · ${n.provider === 'sip_trunk' ? 'SIP trunk' : 'Twilio'}${n.supports_outbound ? '' : ' · does not support outbound calls'}`;
    } catch (e) {
      if (phoneId.value.trim() === id) setFieldError(phoneId, e.message);
    }
  }

  const checked = (boxes) => boxes.filter((b) => b.checked).map((b) => b.value);

  /** Checks what the browser can check; returns the form fields, or null with errors shown. */
  function collect({ forValidation = false } = {}) {
    const errors = new Map();
    const data = new FormData();
    const add = (key, value) => { if (value !== undefined && value !== null && String(value).trim() !== '') data.append(key, String(value).trim()); };

    if (!forValidation && !name.value.trim()) errors.set(name, 'Give the batch a name.');
    if (!agentId.value.trim()) errors.set(agentId, 'Enter the agent id.');
    if (!phoneId.value.trim()) errors.set(phoneId, 'Enter the phone number id.');
    if (!file.files[0]) errors.set(file, 'Choose the recipient file.');

    if (later.checked) {
      if (!date.value) errors.set(date, 'Choose the date to start.');
      if (!time.value) errors.set(time, 'Choose the time to start.');
      let zoneOk = Boolean(zone.value.trim());
      try { new Intl.DateTimeFormat('en', { timeZone: zone.value.trim() }); } catch { zoneOk = false; }
      if (!zoneOk) errors.set(zone, 'Enter an IANA time zone such as America/New_York.');
      add('scheduled_time', `${date.value}T${time.value}`);
      add('timezone', zone.value);
    }

    if (Boolean(windowStart.value) !== Boolean(windowEnd.value)) {
      errors.set(windowStart.value ? windowEnd : windowStart, 'Give both the start and the end of the calling window, or neither.');
    } else if (windowStart.value && windowStart.value >= windowEnd.value) {
      errors.set(windowEnd, 'The calling window must end after it starts.');
    } else if (windowStart.value) {
      add('calling_window', `${windowStart.value}-${windowEnd.value}`);
    }

    const callingDays = checked(dayBoxes);
    if (callingDays.length > 0 && callingDays.length < 7) add('calling_days', callingDays.join(','));

    const maxAttempts = Number(attempts.value || '1');
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10) {
      errors.set(attempts, 'Attempts must be a whole number from 1 to 10.');
    } else if (maxAttempts > 1) {
      const on = checked(retryBoxes);
      if (on.length === 0) errors.set(retryBoxes[0], 'Tick at least one outcome to retry after, or set attempts to 1.');
      const delay = Number(retryDelay.value || '60');
      if (!Number.isInteger(delay) || delay < 0) errors.set(retryDelay, 'Minutes must be a whole number, 0 or more.');
      add('retry_max_attempts', maxAttempts);
      add('retry_on', on.join(','));
      add('retry_delay_minutes', retryDelay.value || '60');
    }

    if (concurrency.value && !(Number.isInteger(Number(concurrency.value)) && Number(concurrency.value) >= 1)) {
      errors.set(concurrency, 'Calls at once must be a whole number of at least 1.');
    }

    if (ringing.value && !(Number.isInteger(Number(ringing.value)) && Number(ringing.value) >= 5 && Number(ringing.value) <= 600)) {
      errors.set(ringing, 'The ringing timeout must be 5 to 600 seconds.');
    }

    if (region.value && !/^[A-Za-z]{2}$/.test(region.value.trim())) errors.set(region, 'The region is two letters, such as US or GB.');

    if (voicemail.value.length > voicemailMaxLength) {
      errors.set(voicemail, `The voicemail message is ${voicemail.value.length} characters long; the limit is ${voicemailMaxLength}.`);
    } else if (voicemail.value.trim() && machine.value === 'enable') {
      errors.set(machine, 'A voicemail message needs detection that waits for the beep; choose that, or Off.');
    }

    add('call_name', name.value);
    add('agent_id', agentId.value);
    add('agent_phone_number_id', phoneId.value);
    add('target_concurrency_limit', concurrency.value);
    add('ringing_timeout_secs', ringing.value);
    add('machine_detection', machine.value);
    add('voicemail_message', voicemail.value.trim());
    if (recording.checked) add('recording', 'true');
    add('do_not_call', doNotCall.value);
    add('region', region.value.toUpperCase());
    add('sheet', sheet.value);
    add('phone_column', phoneColumn.value);
    if (file.files[0]) data.append('file', file.files[0], file.files[0].name);
    return { data, errors };
  }

  function clearErrors() {
    formError.textContent = '';
    for (const control of form.querySelectorAll('[aria-invalid="true"]')) setFieldError(control, null);
  }

  function showErrors(errors) {
    for (const [control, message] of errors) setFieldError(control, message);
    const first = [...errors.keys()][0];
    first?.focus();
  }

  /** Puts each 422 issue next to what caused it: a field, a row of the file, or the form as a whole. */
  function showApiError(error) {
    if (!(error instanceof ApiError) || error.issues.length === 0) {
      formError.textContent = error.status === 502
        ? `ElevenLabs could not be reached to check the agent or phone number: ${error.message}`
        : error.message;
      formError.focus?.();
      return;
    }

    const rowIssues = [];
    const general = [];
    let firstField = null;
    for (const issue of error.issues) {
      const [where, key, row] = issue.loc;
      if (where === 'body' && key === 'file' && row !== undefined) {
        rowIssues.push(issue);
        continue;
      }

      // A setting's message names the metadata key it is about ("The metadata 'calling_window' ...").
      const named = key ?? /'([a-z_]+)'/.exec(issue.message)?.[1];
      const control = fieldsByName[named];
      if (where === 'body' && control) {
        setFieldError(control, issue.message);
        firstField ??= control;
      } else {
        general.push(`${describeLocation(issue.loc)}: ${issue.message}`);
      }
    }

    if (rowIssues.length > 0) {
      report.append(rowTable(rowIssues.map((i) => ({ row_number: i.loc[2], column: i.loc[3] ?? '', value: i.input ?? '', message: i.message })), 'Rows the upload refused'));
    }

    formError.textContent = general.length > 0 ? general.join(' ') : firstField ? 'Fix the marked fields and submit again.' : '';
    (firstField ?? file).focus();
  }

  function rowTable(rows, caption) {
    return h('table', { class: 'row-errors' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ['Row', 'Column', 'Value', 'Problem'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('td', { class: 'num' }, String(r.row_number)), h('td', { class: 'mono' }, r.column), h('td', { class: 'mono' }, r.value), h('td', {}, r.message)))));
  }

  function renderReport(result) {
    const accepted = result.status === 'accepted';
    const detected = result.detected
      ? [result.detected.format?.toUpperCase(), result.detected.delimiter ? `"${result.detected.delimiter === '\t' ? 'tab' : result.detected.delimiter}"-separated` : null, result.detected.encoding, result.detected.sheet ? `sheet ${result.detected.sheet}` : null].filter(Boolean).join(', ')
      : 'not readable';
    report.replaceChildren(h('section', { class: `report ${accepted ? 'accepted' : 'rejected'}`, 'aria-labelledby': 'report-heading', id: 'file-report' },
      h('h3', { id: 'report-heading' }, `File check: ${result.file}`),
      accepted
        ? h('p', { class: 'ok', id: 'valid-count' }, `${formatNumber(result.recipients_accepted)} recipient${result.recipients_accepted === 1 ? '' : 's'} will be called.`)
        : h('p', { class: 'bad', id: 'file-rejected' }, `This file cannot become a batch: ${result.reason}`),
      result.rows_rejected > 0 ? h('p', { class: 'bad', id: 'rows-rejected' }, `${formatNumber(result.rows_rejected)} row${result.rows_rejected === 1 ? '' : 's'} will be left out (listed below).`) : null,
      h('dl', { class: 'meta' },
        h('dt', {}, 'Read as'), h('dd', {}, detected),
        h('dt', {}, 'Override columns'), h('dd', { id: 'override-columns' }, result.override_columns.length ? result.override_columns.join(', ') : 'none'),
        h('dt', {}, 'Dynamic variables'), h('dd', {}, result.dynamic_variable_columns.length ? result.dynamic_variable_columns.join(', ') : 'none'),
        result.agent_name ? [h('dt', {}, 'Agent'), h('dd', {}, result.agent_name)] : null),
      result.row_errors.length > 0 ? rowTable(result.row_errors, `Rows left out${result.rows_rejected > result.row_errors.length ? ` (first ${result.row_errors.length} of ${result.rows_rejected})` : ''}`) : null));
  }

  async function validate() {
    if (!file.files[0]) {
      report.replaceChildren();
      return;
    }

    const { data, errors } = collect({ forValidation: true });
    setFieldError(file, null);
    if ([...errors.keys()].some((c) => c === agentId || c === phoneId)) {
      report.replaceChildren(h('p', { class: 'hint' }, 'Enter the agent and phone number to check the file.'));
      return;
    }

    const mine = ++validation;
    report.replaceChildren(h('p', { class: 'hint' }, `Checking ${file.files[0].name}…`));
    try {
      const result = await validateFile(data);
      if (mine !== validation || stopped) return;
      renderReport(result);
      announce(result.status === 'accepted'
        ? `File checked: ${result.recipients_accepted} recipients will be called, ${result.rows_rejected} rows left out.`
        : `File refused: ${result.reason}`);
    } catch (e) {
      if (mine !== validation || stopped) return;
      report.replaceChildren();
      showApiError(e);
    }
  }

  const syncSchedule = () => { scheduleFields.hidden = !later.checked; };
  now.addEventListener('change', syncSchedule);
  later.addEventListener('change', syncSchedule);
  file.addEventListener('change', validate);
  agentId.addEventListener('change', () => { showAgent(); validate(); });
  phoneId.addEventListener('change', () => { showPhoneNumber(); validate(); });
  for (const control of [region, sheet, phoneColumn]) control.addEventListener('change', validate);

  for (const [button, format] of [[templateCsv, 'csv'], [templateXlsx, 'xlsx']]) {
    button.addEventListener('click', async () => {
      templateError.textContent = '';
      try {
        await template(format);
      } catch (e) {
        templateError.textContent = `Could not download the template: ${e.message}`;
      }
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const { data, errors } = collect();
    if (errors.size > 0) {
      formError.textContent = `Fix the ${errors.size === 1 ? 'marked field' : `${errors.size} marked fields`} and submit again.`;
      showErrors(errors);
      return;
    }

    submit.disabled = true;
    submitStatus.textContent = 'Submitting…';
    try {
      const result = await uploadFile(data);
      if (stopped) return;
      announce(`Batch ${result.batch.name} created with ${result.batch.total_calls_scheduled} recipients.`);
      location.hash = `#/batches/${encodeURIComponent(result.batch.id)}`;
    } catch (e) {
      if (stopped) return;
      submitStatus.textContent = '';
      showApiError(e);
    } finally {
      submit.disabled = false;
      if (submitStatus.textContent === 'Submitting…') submitStatus.textContent = '';
    }
  });

  testForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearTimeout(testTimer);
    setFieldError(testNumber, null);
    testResult.replaceChildren();
    if (!testNumber.value.trim()) {
      setFieldError(testNumber, 'Enter the number to call.');
      testNumber.focus();
      return;
    }

    if (!agentId.value.trim() || !phoneId.value.trim()) {
      setFieldError(testNumber, 'Enter the agent and phone number of the batch first.');
      return;
    }

    testButton.disabled = true;
    try {
      const batch = await testCall({
        call_name: name.value.trim() || 'Dashboard test',
        agent_id: agentId.value.trim(),
        agent_phone_number_id: phoneId.value.trim(),
        recipients: [{ phone_number: testNumber.value.trim() }],
      });
      const status = h('span', { id: 'test-call-status' }, statusName(batch.status));
      testResult.replaceChildren(h('p', {}, 'Test call placed: ', status, ' · ', h('a', { href: `#/batches/${encodeURIComponent(batch.id)}` }, 'open its page')));
      followTestCall(batch.id, status);
    } catch (e) {
      const issue = e.issues?.[0];
      const control = issue && fieldsByName[issue.loc[1]];
      if (control && control !== testNumber) {
        setFieldError(control, issue.message);
        setFieldError(testNumber, `The test call was refused: see ${control.labels?.[0]?.textContent ?? issue.loc[1]}.`);
      } else {
        setFieldError(testNumber, issue ? issue.message : e.message);
      }

      testNumber.focus();
    } finally {
      testButton.disabled = false;
    }
  });

  function followTestCall(id, status) {
    testTimer = setTimeout(async () => {
      try {
        const { batch } = await batchSummary(id);
        if (stopped) return;
        if (['completed', 'failed', 'cancelled'].includes(batch.status)) {
          const { recipients } = await batchRecipients(id, { limit: 1 });
          const r = recipients[0];
          status.textContent = r ? `${statusName(r.status)}${r.failure_reason ? ` (${failureName(r.failure_reason)})` : ''}` : statusName(batch.status);
          announce(`Test call ${status.textContent}`);
          return;
        }

        status.textContent = batch.status_counts.live > 0 ? 'Calling…' : statusName(batch.status);
        followTestCall(id, status);
      } catch (e) {
        if (!stopped) status.textContent = `status unknown (${e.message})`;
      }
    }, 1000);
  }

  return () => { stopped = true; clearTimeout(testTimer); };
}
