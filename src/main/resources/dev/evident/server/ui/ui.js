// Evident web UI: small progressive enhancements; every page works without them.
// 1. Tables of more than 10 rows get a box that hides the rows not holding the typed text.
// 2. Elements with data-live-tasks poll the server for task states until all are terminal.
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

document.addEventListener('DOMContentLoaded', () => {
  addRowFilters();
  if (typeof window.evidentLiveTasks === 'function') window.evidentLiveTasks();
});
