// One recipient's conversation: what the agent concluded (verdict, each criterion, the data it collected),
// the transcript turn by turn, and the recording when the agent keeps audio. The recording is fetched with
// the API key (a plain <audio src> cannot send it) and played from a blob URL.
import { conversation, conversationAudio } from './api.js';
import { formatDuration, h } from './ui.js';

const verdicts = { success: 'Successful', failure: 'Unsuccessful', unknown: 'Unknown' };
export const verdictName = (v) => verdicts[v] ?? 'Unknown';

const text = (value) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

const clock = (seconds) => {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function renderConversation(main, batchId, conversationId) {
  let stopped = false;
  let audioUrl = null;
  const heading = h('h1', {}, 'Conversation');
  const error = h('p', { class: 'form-error', role: 'alert', id: 'conversation-error' });
  const body = h('div', { id: 'conversation', 'aria-busy': 'true' });
  main.append(
    h('p', {}, h('a', { href: `#/batches/${encodeURIComponent(batchId)}` }, '← Back to the batch')),
    heading,
    h('p', { class: 'hint mono' }, conversationId),
    error,
    body);

  conversation(conversationId)
    .then((c) => { if (!stopped) render(c); })
    .catch((e) => {
      if (stopped) return;
      error.textContent = e.status === 404
        ? 'The results of this conversation have not arrived yet. They come with ElevenLabs\' post-call webhook, or are fetched a few minutes after the call.'
        : `Could not load the conversation: ${e.message}`;
    })
    .finally(() => body.removeAttribute('aria-busy'));

  function render(c) {
    const analysis = c.analysis ?? {};
    const metadata = c.metadata ?? {};
    const criteria = Object.entries(analysis.evaluation_criteria_results ?? {});
    const data = Object.entries(analysis.data_collection_results ?? {});
    const recording = h('div', { id: 'recording-holder' });
    body.append(
      h('dl', { class: 'cards', id: 'conversation-facts' },
        h('div', { class: 'card', id: 'conversation-verdict' }, h('dt', {}, 'Call successful'), h('dd', {}, h('span', { class: `badge verdict-${analysis.call_successful ?? 'unknown'}` }, verdictName(analysis.call_successful)))),
        h('div', { class: 'card' }, h('dt', {}, 'Duration'), h('dd', {}, formatDuration(metadata.call_duration_secs))),
        h('div', { class: 'card time' }, h('dt', {}, 'How it ended'), h('dd', {}, text(metadata.termination_reason)))),
      h('section', { 'aria-labelledby': 'summary-heading' },
        h('h2', { id: 'summary-heading' }, 'Summary'),
        h('p', { id: 'conversation-summary' }, text(analysis.transcript_summary))),
      h('section', { 'aria-labelledby': 'evaluation-heading' },
        h('h2', { id: 'evaluation-heading' }, 'Evaluation'),
        criteria.length === 0 ? h('p', { class: 'hint' }, 'The agent has no evaluation criteria.') : h('table', { id: 'evaluation-table' },
          h('thead', {}, h('tr', {}, ['Criterion', 'Result', 'Rationale'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, criteria.map(([id, r]) => h('tr', {},
            h('th', { scope: 'row', class: 'mono' }, id),
            h('td', {}, h('span', { class: `badge verdict-${r.result}` }, verdictName(r.result))),
            h('td', {}, text(r.rationale))))))),
      h('section', { 'aria-labelledby': 'data-heading' },
        h('h2', { id: 'data-heading' }, 'Data collected'),
        data.length === 0 ? h('p', { class: 'hint' }, 'The agent collects no data.') : h('table', { id: 'data-table' },
          h('thead', {}, h('tr', {}, ['Field', 'Value'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, data.map(([id, r]) => h('tr', {}, h('th', { scope: 'row', class: 'mono' }, id), h('td', {}, text(r.value))))))),
      h('section', { 'aria-labelledby': 'recording-heading', hidden: !c.has_audio },
        h('h2', { id: 'recording-heading' }, 'Recording'), recording),
      h('section', { 'aria-labelledby': 'transcript-heading' },
        h('h2', { id: 'transcript-heading' }, 'Transcript'),
        h('ol', { class: 'transcript', id: 'transcript' }, (c.transcript ?? []).map((turn) => h('li', { class: `turn ${turn.role}` },
          h('span', { class: 'speaker' }, turn.role === 'agent' ? 'Agent' : 'Recipient'),
          h('span', { class: 'at mono' }, clock(turn.time_in_call_secs)),
          h('p', {}, text(turn.message)))))));
    if (c.has_audio) {
      conversationAudio(conversationId)
        .then((blob) => {
          if (stopped) return;
          audioUrl = URL.createObjectURL(blob);
          recording.append(h('audio', { controls: true, src: audioUrl, id: 'recording', 'aria-label': 'Recording of the call' }));
        })
        .catch((e) => { if (!stopped) recording.append(h('p', { class: 'form-error' }, `Could not load the recording: ${e.message}`)); });
    }
  }

  return () => {
    stopped = true;
    if (audioUrl) URL.revokeObjectURL(audioUrl);
  };
}
