// Evident web UI: small progressive enhancements; every page works without them.
// 1. Tables of more than 10 rows get a box that hides the rows not holding the typed text.
// 2. The task table follows its tasks' states from the server's event stream (data-events), or
//    polls them (data-live) when the stream is not available, until all are terminal.
'use strict';

function addRowFilters() {
  document.querySelectorAll('main table').forEach((table) => {
    const rows = table.tBodies[0] ? Array.from(table.tBodies[0].rows) : [];
    if (rows.length <= 10) return;
    const box = document.createElement('input');
    box.type = 'search';
    box.className = 'rowfilter';
    box.placeholder = `Filter ${rows.length} rows`;
    box.setAttribute('aria-label', 'Filter rows');
    box.addEventListener('input', () => {
      const q = box.value.toLowerCase();
      rows.forEach((r) => { r.hidden = q !== '' && !r.textContent.toLowerCase().includes(q); });
    });
    table.before(box);
  });
}

const TERMINAL = ['COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED', 'INTERRUPTED'];

function liveTasks() {
  const table = document.querySelector('table[data-live]');
  if (!table) return;
  const rows = () => Array.from(table.querySelectorAll('tbody tr[data-id]'));
  const open = () => rows().filter((r) => !TERMINAL.includes(r.querySelector('[data-state]').textContent));
  if (open().length === 0) return;
  let polling = false;
  async function pollOnce() {
    const pending = open();
    if (pending.length === 0) return false;
    try {
      const ids = pending.map((r) => r.dataset.id).join(',');
      const res = await fetch(`${table.dataset.live}?ids=${ids}`, { headers: { Accept: 'application/json' } });
      if (res.ok) {
        const body = await res.json();
        body.tasks.forEach((t) => update(table.querySelector(`tr[data-id="${t.id}"]`), t, 'poll'));
      }
    } catch (e) {
      // the server is restarting or unreachable: try again at the next tick
    }
    return open().length > 0;
  }
  async function poll() {
    polling = true;
    if (await pollOnce()) setTimeout(poll, 1000);
  }
  if (!window.EventSource || !table.dataset.events) {
    setTimeout(poll, 500);
    return;
  }
  // The event stream first: each task event updates its row at once. One poll after the stream
  // opens catches what changed between the page's rendering and the subscription.
  const events = new EventSource(table.dataset.events);
  const onTask = (e) => {
    const t = JSON.parse(e.data).task;
    update(table.querySelector(`tr[data-id="${t.id}"]`), {
      id: t.id,
      state: t.state,
      terminal: t.terminal,
      run: t.run_id,
      runUrl: t.run_id == null ? null : `/ui/projects/${encodeURIComponent(t.project)}/runs/${t.run_id}`,
      done: t.progress.tests_done,
      failed: t.progress.tests_failed,
      message: t.message,
    }, 'events');
    if (open().length === 0) events.close();
  };
  events.addEventListener('task', onTask);
  events.addEventListener('progress', onTask);
  events.addEventListener('open', () => { pollOnce(); });
  events.addEventListener('error', () => {
    if (events.readyState === EventSource.CLOSED && !polling && open().length > 0) poll();
  });
}

function update(row, t, via) {
  if (!row) return;
  row.dataset.via = via;
  const state = row.querySelector('[data-state]');
  state.textContent = t.state;
  state.className = `status ${t.state.toLowerCase()}`;
  const run = row.querySelector('[data-field=run]');
  if (t.runUrl && !run.querySelector('a')) {
    const a = document.createElement('a');
    a.href = t.runUrl;
    a.textContent = `run ${t.run}`;
    run.replaceChildren(a);
  }
  row.querySelector('[data-field=done]').textContent = t.done ?? '';
  row.querySelector('[data-field=failed]').textContent = t.failed ?? '';
  row.querySelector('[data-field=message]').textContent = t.message ?? '';
  if (t.terminal) row.querySelector('[data-field=cancel]').replaceChildren();
}

document.addEventListener('DOMContentLoaded', () => {
  addRowFilters();
  liveTasks();
});
