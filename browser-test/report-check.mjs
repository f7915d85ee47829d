// Opens an evident HTML report in Debian's chromium (never a downloaded browser) through
// playwright-core and checks it: it loads with no console error and no network request at all
// (every request but the file itself is recorded and aborted), script in the data stays text, the
// search box and the kind filter narrow the list of every test, "Show more" renders the next rows,
// and without JavaScript every section is there with a note on the rows not shown. Saves
// screenshots into OUT. Prints DOMContentLoaded (ms) as measured by the page's navigation timing.
//
// Usage: node report-check.mjs REPORT.html [--out DIR] [--load-only]
//   --load-only: open, check console and network, print the load times; no interaction (bench).
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : 'target/browser';
const loadOnly = args.includes('--load-only');
if (!file) {
  console.error('usage: node report-check.mjs REPORT.html [--out DIR] [--load-only]');
  process.exit(2);
}
const url = pathToFileURL(resolve(file)).href;
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

async function open(javaScriptEnabled) {
  const profile = mkdtempSync(join(tmpdir(), 'evident-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const requests = [];
  const errors = [];
  const dialogs = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    requests.push(u);
    return route.abort();
  });
  context.on('request', (r) => { if (r.url() !== url && !requests.includes(r.url())) requests.push(r.url()); });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const wall = Date.now() - started;
  const timing = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
  });
  return { context, page, requests, errors, dialogs, timing, wall, profile };
}

async function close(o) {
  await o.context.close();
  rmSync(o.profile, { recursive: true, force: true });
}

const rows = (page, id) => page.locator(`#${id} tbody tr`);
mkdirSync(out, { recursive: true });

const js = await open(true);
const { page } = js;
console.log(`DOMContentLoaded ${js.timing.dcl.toFixed(0)} ms, load ${js.timing.load.toFixed(0)} ms, goto wall ${js.wall} ms`);
check(js.errors.length === 0, `no console errors (${js.errors.slice(0, 3).join(' | ')})`);
check(js.requests.length === 0, `no network requests (${js.requests.slice(0, 3).join(' ')})`);
check(js.dialogs.length === 0, 'no dialog opened');
check((await page.evaluate(() => window.__pwned)) === undefined, 'script in test names and messages stayed text');

if (!loadOnly) {
  await page.screenshot({ path: join(out, 'report.png') });
  await page.locator('#causes').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('causes').scrollIntoView());
  await page.screenshot({ path: join(out, 'report-causes.png') });
  await page.evaluate(() => window.scrollTo(0, 0));
  const listId = await page.locator('#all-tests .list').getAttribute('id');
  const total = Number(await page.locator(`#${listId}`).getAttribute('data-total'));
  check(await page.locator('#filters').isVisible(), 'the filter bar shows when JavaScript is on');
  check((await rows(page, listId).count()) === Math.min(200, total), `the list of every test shows ${Math.min(200, total)} of ${total} rows at first`);
  if (total > 200) {
    await page.locator(`#${listId} button.more`).click();
    const n = await rows(page, listId).count();
    check(n === Math.min(400, total), `Show more renders the next rows (${n})`);
  }
  // Search: one test by a distinctive part of its name.
  const needle = 'handles case 123';
  await page.fill('#q', needle);
  await page.waitForFunction(
    ([id, w]) => [...document.querySelectorAll(`#${id} tbody tr`)].every((r) => r.textContent.toLowerCase().includes(w)),
    [listId, needle], { timeout: 10_000 });
  const found = await rows(page, listId).allTextContents();
  const expected = Array.from({ length: total }, (_, i) => `handles case ${i}`).filter((n) => n.includes(needle)).length;
  check(found.length === expected && found.length > 0, `search "${needle}" leaves the ${expected} matching rows (${found.length})`);
  await page.screenshot({ path: join(out, 'report-search.png') });
  // Kind filter: failed tests only, search cleared.
  await page.fill('#q', '');
  await page.selectOption('#kind', 'failed');
  await page.waitForFunction(
    (id) => [...document.querySelectorAll(`#${id} tbody tr`)].every((r) => r.getAttribute('data-k') === 'failed'),
    listId, { timeout: 10_000 });
  const failed = await rows(page, listId).count();
  const status = await page.locator(`#${listId} .status`).textContent();
  check(failed > 0 && /of (\d+) matching rows/.test(status), `kind "failed" leaves only failed rows (${failed}; "${status}")`);
  await page.selectOption('#kind', '');
  await page.waitForFunction((id) => document.querySelectorAll(`#${id} tbody tr`).length === 200 || document.querySelectorAll(`#${id} tbody tr`).length === Number(document.getElementById(id).dataset.total), listId);
  check(js.errors.length === 0, `still no console errors after interaction (${js.errors.slice(0, 3).join(' | ')})`);
  check(js.requests.length === 0, 'still no network requests after interaction');
}
await close(js);

if (!loadOnly) {
  const plain = await open(false);
  const p = plain.page;
  check(!(await p.locator('#filters').isVisible()), 'without JavaScript the filter bar stays hidden');
  for (const id of ['change', 'causes', 'not-executed', 'next-steps', 'flaky', 'slowest', 'all-tests', 'trend']) {
    check((await p.locator(`section#${id}`).count()) === 1, `without JavaScript section #${id} is there`);
  }
  const rest = p.locator('#all-tests .rest');
  if (await rest.count()) {
    check(await rest.isVisible(), `without JavaScript the note says what is not shown: "${(await rest.textContent()).slice(0, 90)}..."`);
  }
  check((await p.locator('svg').count()) >= 3, 'the trend charts are SVG drawn without script');
  check(plain.requests.length === 0, 'no network requests without JavaScript either');
  await p.screenshot({ path: join(out, 'report-nojs.png') });
  await close(plain);
}

if (failures.length) {
  console.log(`browser check: ${failures.length} failed`);
  process.exit(1);
}
console.log(`browser check passed; screenshots in ${out}`);
