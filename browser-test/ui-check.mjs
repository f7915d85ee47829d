// Opens the web UI of a running `evident serve` in Debian's chromium (never a downloaded browser)
// through playwright-core: every page of the navigation for each project loads with status 200 and
// no console error, every link of the UI on those pages leads to a page that loads, script in test
// names and messages stays text (window.__pwned never set), the run list filters by status, and
// (when the server has a tasks page with a declared suite) a task started from the form reaches a
// terminal state live, without a reload. Saves screenshots as OUT/ui-*.png.
//
// Usage: node ui-check.mjs BASE_URL [--out DIR] [--task SUITE]
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const base = args.find((a) => !a.startsWith('--'));
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'target/browser';
const suite = args.includes('--task') ? args[args.indexOf('--task') + 1] : null;
if (!base) {
  console.error('usage: node ui-check.mjs BASE_URL [--out DIR] [--task SUITE]');
  process.exit(2);
}
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'evident-ui-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] ?? (await context.newPage());
const errors = [];
const offsite = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
page.on('pageerror', (e) => errors.push(`${page.url()}: ${e}`));
await context.route('**/*', (route) => {
  const u = route.request().url();
  if (u.startsWith(base)) return route.continue();
  offsite.push(u);
  return route.abort();
});

async function open(path, shot) {
  const response = await page.goto(base + path, { waitUntil: 'load', timeout: 30_000 });
  const status = response ? response.status() : 0;
  const pwned = await page.evaluate(() => window.__pwned ?? null);
  check(status === 200 && pwned === null, `${path}: ${status}${pwned ? ', script ran!' : ''}`);
  if (shot) await page.screenshot({ path: join(out, `ui-${shot}.png`), fullPage: true });
  return status;
}

const started = Date.now();
await open('/ui/', 'projects');
const projects = await page.$$eval('table.projects tbody tr td:first-child a', (as) =>
  as.map((a) => a.getAttribute('href')));
check(projects.length > 0, `projects page lists ${projects.length} projects`);
const seen = new Set();
for (const href of projects) {
  const name = decodeURIComponent(href.split('/')[3]);
  for (const tab of ['runs', 'compare', 'flaky', 'progress', 'trend', 'models']) {
    const path = `${href.replace(/\/runs$/, '')}/${tab}`;
    await open(path, (name === 'sample' && tab !== 'models') || (name === 'evals' && tab === 'models') ? tab : null);
    seen.add(path);
  }
}
// Follow every UI link of the sample project's pages once (run pages, compare links, pager).
await open('/ui/projects/sample/runs', null);
const links = new Set(await page.$$eval('main a[href^="/ui/"]', (as) => as.map((a) => a.getAttribute('href'))));
let followed = 0;
for (const href of links) {
  if (seen.has(href)) continue;
  seen.add(href);
  await open(href, followed === 0 ? 'run' : null);
  followed++;
  const inner = await page.$$eval('main a[href^="/ui/"]', (as) => as.map((a) => a.getAttribute('href')));
  for (const h of inner) {
    if (seen.has(h)) continue;
    seen.add(h);
    await open(h, null);
    followed++;
  }
}
check(followed > 0, `followed ${followed} links from the runs page`);

// The run list filters by status.
await open('/ui/projects/sample/runs', null);
await page.selectOption('select[name=status]', 'PASSED');
await Promise.all([page.waitForLoadState('load'), page.click('form.filters button[type=submit]')]);
const statuses = await page.$$eval('table.runs tbody span.status', (s) => s.map((e) => e.textContent));
check(statuses.length > 0 && statuses.every((s) => s === 'PASSED'),
  `status filter shows only PASSED runs (${statuses.join(', ')})`);

// The row filter narrows a long table (the failures of the latest run).
await open('/ui/projects/sample/runs/latest', null);
const box = page.locator('input.rowfilter').first();
if (await box.count()) {
  const all = await page.locator('table.failures tbody tr:not([hidden])').count();
  await box.fill('case 17');
  const some = await page.locator('table.failures tbody tr:not([hidden])').count();
  check(some >= 1 && some < all, `row filter narrows ${all} failures to ${some}`);
  await box.fill('');
}

if (suite) {
  await open('/ui/tasks', null);
  await page.selectOption('form.start select[name=suite]', suite);
  await Promise.all([page.waitForURL(/\/ui\/tasks/), page.click('form.start button[type=submit]')]);
  await page.evaluate(() => { window.__sameDocument = true; });
  const row = page.locator('table.tasks tbody tr').first();
  const first = await row.locator('[data-state]').textContent();
  check(['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'].includes(first.trim()), `new task shown as ${first.trim()}`);
  await page.waitForFunction(
    () => {
      const s = document.querySelector('table.tasks tbody tr [data-state]');
      return s && ['COMPLETED', 'FAILED', 'TIMED_OUT', 'CANCELLED', 'INTERRUPTED'].includes(s.textContent.trim());
    },
    null,
    { timeout: 30_000 },
  );
  const last = (await row.locator('[data-state]').textContent()).trim();
  const same = await page.evaluate(() => window.__sameDocument === true);
  check(last === 'COMPLETED' && same, `task reached ${last} live, without a reload (${same})`);
  const via = await row.getAttribute('data-via');
  check(via === 'events', `its last update came from the event stream (${via})`);
  const runLink = await row.locator('[data-field=run] a').getAttribute('href');
  check(/\/ui\/projects\/sample\/runs\/\d+$/.test(runLink ?? ''), `the task row links its run (${runLink})`);
  await page.screenshot({ path: join(out, 'ui-tasks.png'), fullPage: true });
}

check(errors.length === 0, `no console errors (${errors.slice(0, 3).join(' | ')})`);
check(offsite.length === 0, `no request leaves the server (${offsite.slice(0, 3).join(' ')})`);
console.log(`${seen.size} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await context.close();
rmSync(profile, { recursive: true, force: true });
if (failures.length) {
  console.log(`${failures.length} UI check(s) failed`);
  process.exit(1);
}
console.log('UI checks passed');
