#!/usr/bin/env python3
"""Checks the evidence of fresh16 against the numbers its labels rely on (never the tool).

Own parsers for: pytest JUnit XML (xunit1), Maven Surefire XML (flakyFailure / rerunFailure),
Vitest JUnit XML, cargo nextest JUnit XML, TAP 13 (prove), CTRF JSON.
"""
import glob, json, os, re, sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = ['pr-description-pytest', 'release-qa-surefire', 'slack-standup-vitest',
         'agent-summary-nextest', 'postmortem-tap', 'investor-update-ctrf']
KINDS = {'count', 'rate', 'change', 'universal', 'named', 'table', '-'}
VERDICTS = {'SUPPORTED', 'CONTRADICTED', 'INCONSISTENT', 'UNVERIFIABLE', 'NONE'}
EXECUTED = ('passed', 'failed', 'errored')
parsed_files = set()


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def need(cond, msg):
    if not cond:
        fail(msg)


# ------------------------------------------------------------------ JUnit family
def junit_case_status(tc):
    tags = [c.tag for c in tc]
    if 'error' in tags:
        return 'errored', False
    if 'failure' in tags:
        return 'failed', False
    if 'skipped' in tags:
        return 'skipped', False
    return 'passed', 'flakyFailure' in tags or 'flakyError' in tags


def parse_junit(path, suite_of):
    parsed_files.add(path)
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == 'testsuite' else root.findall('testsuite')
    out = []
    for s in suites:
        cases = s.findall('testcase')
        rows = []
        for tc in cases:
            st, flaky = junit_case_status(tc)
            rows.append({'suite': suite_of(path, s, tc), 'name': tc.get('name'), 'status': st, 'flaky': flaky,
                         'reruns': sum(c.tag == 'rerunFailure' for c in tc)})
        need(int(s.get('tests')) == len(rows), f'{path}: suite {s.get("name")} tests attr')
        need(int(s.get('failures', 0)) == sum(r['status'] == 'failed' for r in rows), f'{path}: failures attr')
        need(int(s.get('errors', 0)) == sum(r['status'] == 'errored' for r in rows), f'{path}: errors attr')
        if s.get('skipped') is not None:
            need(int(s.get('skipped')) == sum(r['status'] == 'skipped' for r in rows), f'{path}: skipped attr')
        out += rows
    if root.tag == 'testsuites' and root.get('tests') is not None:
        need(int(root.get('tests')) == len(out), f'{path}: testsuites tests attr')
        need(int(root.get('failures', 0)) == sum(r['status'] == 'failed' for r in out), f'{path}: testsuites failures attr')
    return out


# ------------------------------------------------------------------ TAP 13
def parse_tap(path):
    parsed_files.add(path)
    lines = open(path, encoding='utf-8').read().splitlines()
    need(lines[0] == 'TAP version 13', f'{path}: TAP version line')
    plan = None
    rows = []
    in_yaml = False
    for l in lines[1:]:
        if in_yaml:
            if l.strip() == '...':
                in_yaml = False
            continue
        if l.strip() == '---':
            need(rows and rows[-1]['status'] == 'failed', f'{path}: YAML block not after a failure')
            in_yaml = True
            continue
        m = re.match(r'^1\.\.(\d+)$', l)
        if m:
            plan = int(m.group(1))
            continue
        m = re.match(r'^(ok|not ok) (\d+) - (.*?)(?: # (SKIP|TODO) (.*))?$', l)
        if m:
            ok, num, name, directive = m.group(1) == 'ok', int(m.group(2)), m.group(3), m.group(4)
            need(num == len(rows) + 1, f'{path}: test number {num}')
            if directive == 'SKIP':
                st = 'skipped'
            elif directive == 'TODO':
                st = 'todo'
            else:
                st = 'passed' if ok else 'failed'
            rows.append({'suite': 't/' + os.path.basename(path)[:-len('.tap')], 'name': name, 'status': st, 'flaky': False, 'reruns': 0})
            continue
        m = re.match(r'^# Looks like you failed (\d+) tests? of (\d+)\.$', l)
        if m:
            need(int(m.group(1)) == sum(r['status'] == 'failed' for r in rows), f'{path}: failed summary')
            need(int(m.group(2)) == len(rows), f'{path}: of-N summary')
            continue
        need(l.startswith('#'), f'{path}: unexpected line {l!r}')
    need(plan == len(rows), f'{path}: plan {plan} vs {len(rows)} tests')
    return rows


# ------------------------------------------------------------------ CTRF
def parse_ctrf(path):
    parsed_files.add(path)
    res = json.load(open(path, encoding='utf-8'))['results']
    rows = []
    for t in res['tests']:
        need(t['status'] in ('passed', 'failed', 'skipped', 'pending', 'other'), f'{path}: status {t["status"]}')
        rows.append({'suite': t['suite'], 'name': t['name'], 'status': t['status'], 'flaky': bool(t.get('flaky')),
                     'reruns': t.get('retries', 0)})
    sm = res['summary']
    need(sm['tests'] == len(rows), f'{path}: summary.tests')
    for k in ('passed', 'failed', 'skipped', 'pending', 'other'):
        need(sm[k] == sum(r['status'] == k for r in rows), f'{path}: summary.{k}')
    return rows


# ------------------------------------------------------------------ load every run
def load(case, n):
    d = os.path.join(HERE, case, 'runs', str(n))
    if case == 'pr-description-pytest':
        return parse_junit(f'{d}/reports/junit.xml', lambda p, s, tc: tc.get('file'))
    if case == 'release-qa-surefire':
        rows = []
        for p in sorted(glob.glob(f'{d}/*/target/surefire-reports/TEST-*.xml')):
            mod = os.path.relpath(p, d).split(os.sep)[0]
            rows += parse_junit(p, lambda p, s, tc, mod=mod: mod + '/' + tc.get('classname').split('.')[-1])
        return rows
    if case in ('slack-standup-vitest',):
        return parse_junit(f'{d}/test-results/junit.xml', lambda p, s, tc: s.get('name'))
    if case == 'agent-summary-nextest':
        return parse_junit(f'{d}/target/nextest/default/junit.xml', lambda p, s, tc: s.get('name'))
    if case == 'postmortem-tap':
        rows = []
        for p in sorted(glob.glob(f'{d}/tap/t/*.tap')):
            rows += parse_tap(p)
        return rows
    if case == 'investor-update-ctrf':
        return parse_ctrf(f'{d}/ctrf/ctrf-report.json')


R = {c: {n: load(c, n) for n in (1, 2)} for c in CASES}


def sel(c, n, suite=None):
    rows = R[c][n]
    if suite is not None:
        rows = [r for r in rows if r['suite'] == suite or r['suite'].endswith('/' + suite) or r['suite'].startswith(suite + '/')]
        need(rows, f'{c}: no suite {suite}')
    return rows


def cnt(c, n, status=None, suite=None):
    rows = sel(c, n, suite)
    if status is None:
        return len(rows)
    if status == 'executed':
        return sum(r['status'] in EXECUTED for r in rows)
    return sum(r['status'] == status for r in rows)


def rate(c, n, suite=None):
    return round(100.0 * cnt(c, n, 'passed', suite) / cnt(c, n, 'executed', suite), 1)


def st(c, n, name):
    m = [r for r in R[c][n] if r['name'] == name]
    need(len(m) <= 1, f'{c}: name {name} not unique')
    return m[0]['status'] if m else None


def rec(c, n, name):
    m = [r for r in R[c][n] if r['name'] == name]
    need(len(m) == 1, f'{c}: name {name} not found once')
    return m[0]


def key(r):
    return (r['suite'], r['name'])


def new(c):
    old = {key(r) for r in R[c][1]}
    return [r for r in R[c][2] if key(r) not in old]


def fixes(c):
    old = {key(r): r['status'] for r in R[c][1]}
    return [r['name'] for r in R[c][2] if r['status'] == 'passed' and old.get(key(r)) in ('failed', 'errored')]


def regressions(c):
    old = {key(r): r['status'] for r in R[c][1]}
    return [r['name'] for r in R[c][2] if r['status'] in ('failed', 'errored') and old.get(key(r)) == 'passed']


def failed_names(c, n):
    return sorted(r['name'] for r in R[c][n] if r['status'] in ('failed', 'errored'))


# ------------------------------------------------------------------ assertions: (case, unique substring, condition)
P, Q, V, N, T, X = ('pr-description-pytest', 'release-qa-surefire', 'slack-standup-vitest',
                    'agent-summary-nextest', 'postmortem-tap', 'investor-update-ctrf')
A = [
    # 1. PR description, pytest
    (P, 'I added 3 tests for the export path', lambda: len(new(P)) == 3 and all(r['suite'] == 'tests/test_export.py' for r in new(P))),
    (P, '(3 of them, all passing)', lambda: cnt(P, 2, None, 'tests/test_export.py') == 3 and cnt(P, 2, 'passed', 'tests/test_export.py') == 3 and cnt(P, 1, None) == cnt(P, 1, None) and not [r for r in R[P][1] if r['suite'] == 'tests/test_export.py']),
    (P, 'Fixes the 2 parser failures', lambda: sorted(fixes(P)) == ['test_empty_field', 'test_nested_quotes'] and failed_names(P, 1) == ['test_empty_field', 'test_nested_quotes']),
    (P, 'All tests pass locally', lambda: cnt(P, 2, 'failed') == 1),
    (P, '30 collected, 27 passed, 2 failed, 1 skipped', lambda: (cnt(P, 1), cnt(P, 1, 'passed'), cnt(P, 1, 'failed'), cnt(P, 1, 'skipped')) == (30, 27, 2, 1)),
    (P, 'this branch: 31 passed, 1 failed, 1 skipped', lambda: (cnt(P, 2, 'passed'), cnt(P, 2, 'failed'), cnt(P, 2, 'skipped')) == (31, 1, 1)),
    (P, '33 tests now, 32 of them passing', lambda: cnt(P, 2) == 33 and cnt(P, 2, 'passed') == 31),
    (P, 'from 93.1% to 96.9%', lambda: rate(P, 1) == 93.1 and rate(P, 2) == 96.9),
    (P, 'It was already failing on main', lambda: st(P, 1, 'test_color_output') == 'passed' and st(P, 2, 'test_color_output') == 'failed' and failed_names(P, 2) == ['test_color_output']),
    (P, 'CLI tests are at 8 of 9', lambda: (cnt(P, 2, None, 'tests/test_cli.py'), cnt(P, 2, 'passed', 'tests/test_cli.py'), cnt(P, 1, 'passed', 'tests/test_cli.py')) == (9, 7, 8)),
    (P, 'is now 12/12, up from 10/12', lambda: (cnt(P, 1, None, 'tests/test_parser.py'), cnt(P, 1, 'passed', 'tests/test_parser.py'), cnt(P, 2, 'passed', 'tests/test_parser.py'), cnt(P, 2, None, 'tests/test_parser.py')) == (12, 10, 12, 12)),
    (P, '9 passing, unchanged', lambda: all(cnt(P, n, 'passed', 'tests/test_dialect.py') == 9 == cnt(P, n, None, 'tests/test_dialect.py') for n in (1, 2))),
    (P, 'Skipped: `test_windows_paths`', lambda: st(P, 1, 'test_windows_paths') == 'skipped' == st(P, 2, 'test_windows_paths') and cnt(P, 2, 'skipped') == 1),
    # 2. release QA, Surefire
    (Q, '36 of 37 executed tests pass', lambda: (cnt(Q, 2, 'executed'), cnt(Q, 2, 'passed'), cnt(Q, 2, 'skipped'), cnt(Q, 1, 'executed'), cnt(Q, 1, 'passed')) == (37, 36, 1, 35, 33)),
    (Q, 'Overall pass rate 97.3%', lambda: rate(Q, 2) == 97.3 and rate(Q, 1) == 94.3),
    (Q, 'One known failure remains', lambda: failed_names(Q, 2) == ['closesAcrossDst'] and st(Q, 1, 'closesAcrossDst') == 'failed'),
    (Q, '| ledger-core | 15 | 15 | 0 | 0 |', lambda: (cnt(Q, 2, None, 'ledger-core'), cnt(Q, 2, 'passed', 'ledger-core')) == (15, 15) and len([r for r in new(Q) if r['suite'].startswith('ledger-core')]) == 1 and [r['name'] for r in sel(Q, 2, 'ledger-core') if r['flaky']] == ['balancesConcurrentPostings']),
    (Q, '| ledger-api | 12 | 12 | 0 | 0 |', lambda: (cnt(Q, 2, None, 'ledger-api'), cnt(Q, 2, 'passed', 'ledger-api')) == (12, 12) and fixes(Q) == ['rejectsExpiredToken']),
    (Q, '| ledger-web | 4 | 3 | 0 | 1 |', lambda: (cnt(Q, 2, None, 'ledger-web'), cnt(Q, 2, 'passed', 'ledger-web'), cnt(Q, 2, 'failed', 'ledger-web'), cnt(Q, 2, 'skipped', 'ledger-web')) == (4, 3, 0, 1)),
    (Q, '| ledger-batch | 7 | 6 | 1 | 0 |', lambda: (cnt(Q, 2, None, 'ledger-batch'), cnt(Q, 2, 'passed', 'ledger-batch'), cnt(Q, 2, 'failed', 'ledger-batch'), cnt(Q, 2, 'skipped', 'ledger-batch')) == (7, 6, 1, 0)),
    (Q, 'balancesConcurrentPostings` failed once', lambda: rec(Q, 2, 'balancesConcurrentPostings')['status'] == 'passed' and rec(Q, 2, 'balancesConcurrentPostings')['flaky']),
    (Q, 'failed all 3 attempts', lambda: rec(Q, 2, 'closesAcrossDst')['status'] == 'failed' and rec(Q, 2, 'closesAcrossDst')['reruns'] == 2),
    (Q, '- 2 new tests:', lambda: sorted(r['name'] for r in new(Q)) == ['reversesFxPosting', 'skipsHolidayCalendar'] and all(r['status'] == 'passed' for r in new(Q))),
    (Q, '- 1 fix:', lambda: fixes(Q) == ['rejectsExpiredToken']),
    (Q, 'is 5 of 5 now, was 3 of 5', lambda: (cnt(Q, 2, 'passed', 'AuthFilterTest'), cnt(Q, 1, 'passed', 'AuthFilterTest'), cnt(Q, 1, None, 'AuthFilterTest')) == (5, 4, 5)),
    (Q, 'has 8 tests now, all passing', lambda: (cnt(Q, 2, None, 'PostingRuleTest'), cnt(Q, 2, 'passed', 'PostingRuleTest')) == (7, 7)),
    (Q, '- 0 regressions', lambda: regressions(Q) == []),
    (Q, 'Test count 36 → 38 (+3)', lambda: (cnt(Q, 1), cnt(Q, 2)) == (36, 38) and 38 - 36 != 3),
    (Q, 'rendersEmptyState` still skipped', lambda: st(Q, 1, 'rendersEmptyState') == 'skipped' == st(Q, 2, 'rendersEmptyState')),
    (Q, 'All ledger-core and ledger-api tests pass', lambda: all(r['status'] == 'passed' for r in sel(Q, 2, 'ledger-core') + sel(Q, 2, 'ledger-api')) and len(sel(Q, 2, 'ledger-core') + sel(Q, 2, 'ledger-api')) == 27),
    # 3. Slack stand-up, Vitest
    (V, 'cart tests are at 10/11 passing', lambda: (cnt(V, 2, None, 'src/cart/cart.test.ts'), cnt(V, 2, 'passed', 'src/cart/cart.test.ts')) == (11, 10)),
    (V, 'session suite is 8/8', lambda: cnt(V, 2, 'passed', 'src/auth/session.test.ts') == 8 == cnt(V, 2, None, 'src/auth/session.test.ts') and st(V, 1, 'session > refreshes token before expiry') == 'failed'),
    (V, 'CI on main this morning', lambda: (cnt(V, 2, 'passed'), cnt(V, 2, 'failed'), cnt(V, 2, 'skipped'), cnt(V, 2)) == (28, 2, 1, 31)),
    (V, 'up from 26 passing yesterday', lambda: cnt(V, 1, 'passed') == 26),
    (V, 'the new failure is in search', lambda: regressions(V) == ['query > ranks exact match first']),
    (V, 'query.test.ts was 7/7 yesterday', lambda: (cnt(V, 1, None, 'src/search/query.test.ts'), cnt(V, 1, 'passed', 'src/search/query.test.ts'), cnt(V, 1, 'skipped', 'src/search/query.test.ts')) == (7, 6, 1)),
    (V, 'Button tests all 6 green', lambda: (cnt(V, 2, None, 'src/ui/Button.test.tsx'), cnt(V, 2, 'passed', 'src/ui/Button.test.tsx')) == (5, 5)),
    (V, 'pass rate 93.3% today vs 89.7%', lambda: rate(V, 2) == 93.3 and rate(V, 1) == 89.7 and len(fixes(V)) == 2 and len(regressions(V)) == 1 and [r['name'] for r in new(V)] == ['cart > keeps quantity on reload']),
    (V, 'down to 2 failing', lambda: failed_names(V, 2) == ['cart > rounds totals to cents', 'query > ranks exact match first']),
    (V, 'so 29 of 31 passing', lambda: cnt(V, 2, 'passed') == 28),
    (V, '28 not 29', lambda: cnt(V, 2, 'passed') == 28 and st(V, 2, 'query > fuzzy matches typos') == 'skipped'),
    (V, 'all tests outside cart pass', lambda: st(V, 2, 'query > ranks exact match first') == 'failed'),
    # 4. agent summary, nextest
    (N, 'on the base commit: 20 passed, 3 failed out of 23', lambda: (cnt(N, 1, 'passed'), cnt(N, 1, 'failed'), cnt(N, 1, 'executed')) == (20, 3, 23)),
    (N, 'all 3 failures are in the `ripmark` lib', lambda: cnt(N, 1, 'failed', 'ripmark') == 3 and sum(n.startswith('parser::') for n in failed_names(N, 1)) == 2 and sum(n.startswith('escape::') for n in failed_names(N, 1)) == 1),
    (N, 'nested_list_indent` now passes', lambda: 'parser::tests::nested_list_indent' in fixes(N)),
    (N, 'added 2 regression tests', lambda: 'parser::tests::setext_heading' in fixes(N) and len(new(N)) == 2 and all(r['name'].startswith('parser::') and r['status'] == 'passed' for r in new(N))),
    (N, 'html_entities` still fails', lambda: st(N, 1, 'escape::tests::html_entities') == 'failed' == st(N, 2, 'escape::tests::html_entities')),
    (N, 'Final run: 23/25 tests passing (92%', lambda: (cnt(N, 2, 'passed'), cnt(N, 2, 'executed')) == (23, 25) and rate(N, 2) == 92.0),
    (N, 'Integration tests (`render`): 6/6', lambda: (cnt(N, 2, 'executed', 'ripmark::render'), cnt(N, 2, 'passed', 'ripmark::render')) == (6, 5)),
    (N, 'CLI binary tests: 3/3', lambda: cnt(N, 2, 'passed', 'ripmark::bin/ripmark') == 3 == cnt(N, 2, None, 'ripmark::bin/ripmark')),
    (N, 'No regressions introduced', lambda: regressions(N) == ['golden_tables']),
    (N, 'Failing count 3 → 2 (33% fewer)', lambda: (cnt(N, 1, 'failed'), cnt(N, 2, 'failed')) == (3, 2) and round(100 * (3 - 2) / 3) == 33),
    (N, '- Tests: 23 → 25', lambda: (cnt(N, 1, 'executed'), cnt(N, 2, 'executed')) == (23, 25)),
    (N, '- Passing: 20 → 23 (+3)', lambda: (cnt(N, 1, 'passed'), cnt(N, 2, 'passed')) == (20, 23)),
    (N, '- Pass rate: 87.0% → 92.0%', lambda: (rate(N, 1), rate(N, 2)) == (87.0, 92.0)),
    (N, '24 of 25 tests pass', lambda: cnt(N, 2, 'passed') == 23),
    (N, 'Ready to merge', lambda: cnt(N, 2, 'failed') == 2),
    # 5. postmortem, TAP
    (T, '3 failures (t/02-queue.t ×1, t/03-retry.t ×2)', lambda: (cnt(T, 2, 'failed'), cnt(T, 2, 'failed', 't/02-queue.t'), cnt(T, 2, 'failed', 't/03-retry.t')) == (3, 1, 2)),
    (T, 'was clean: 0 failures across the 4 test files', lambda: cnt(T, 1, 'failed') == 0 and len({r['suite'] for r in R[T][1]}) == 4),
    (T, 't/03-retry.t failed 2 of its 8 tests', lambda: cnt(T, 2, None, 't/03-retry.t') == 8 and sorted(r['name'] for r in sel(T, 2, 't/03-retry.t') if r['status'] == 'failed') == ['backoff caps at 30s', 'jitter stays within bounds']),
    (T, 't/02-queue.t failed `ack lands', lambda: st(T, 1, 'ack lands within the visibility timeout') == 'passed' and st(T, 2, 'ack lands within the visibility timeout') == 'failed'),
    (T, 'The `# TODO` in t/03-retry.t', lambda: st(T, 1, 'retry budget shared across workers') == 'todo' == st(T, 2, 'retry budget shared across workers')),
    (T, 'Of the 31 planned tests on Nov 11', lambda: (cnt(T, 2), cnt(T, 2, 'skipped'), cnt(T, 2, 'todo')) == (31, 1, 1)),
    (T, 't/04-failover.t passed 7 of 7', lambda: all((cnt(T, n, None, 't/04-failover.t'), cnt(T, n, 'passed', 't/04-failover.t'), cnt(T, n, 'skipped', 't/04-failover.t')) == (7, 6, 1) for n in (1, 2))),
    (T, 'stayed at 8/8', lambda: all((cnt(T, n, None, 't/01-config.t'), cnt(T, n, 'passed', 't/01-config.t')) == (6, 6) for n in (1, 2))),
    (T, 'The new dead-letter test', lambda: [(r['name'], r['status']) for r in new(T)] == [('dead-letter after max attempts', 'passed')]),
    (T, 'went from 0 to 3 failing tests', lambda: (cnt(T, 1, 'failed'), cnt(T, 2, 'failed')) == (0, 3)),
    (T, 'The 3 failing tests showed up', lambda: cnt(T, 2, 'failed') == 3),
    # 6. investor update, CTRF
    (X, 'passed 35 of 36 tests on the last November run (97.2%)', lambda: (cnt(X, 2, 'passed'), cnt(X, 2, 'executed'), rate(X, 2), rate(X, 1)) == (35, 36, 97.2, 94.3)),
    (X, 'That is a 3.9-point improvement', lambda: round(rate(X, 2) - rate(X, 1), 1) == 2.9),
    (X, 'reports CSV export, which also failed in October', lambda: failed_names(X, 2) == ['CSV export'] and st(X, 1, 'CSV export') == 'failed'),
    (X, 'is now 12 for 12', lambda: cnt(X, 1, 'failed', 'checkout') == 1 and (cnt(X, 2, None, 'checkout'), cnt(X, 2, 'passed', 'checkout')) == (12, 12)),
    (X, '1 checkout test (the 3-D Secure', lambda: [(r['name'], r['reruns']) for r in R[X][2] if r['flaky']] == [('handles 3DS challenge', 1)]),
    (X, 'Onboarding is fully green', lambda: cnt(X, 2, 'passed', 'onboarding') == 9 == cnt(X, 2, None, 'onboarding') and st(X, 2, 'new onboarding checklist') == 'passed'),
    (X, 'Billing: 11 of 11 tests passing', lambda: (cnt(X, 2, None, 'billing'), cnt(X, 2, 'passed', 'billing'), cnt(X, 2, 'skipped', 'billing'), cnt(X, 2, 'pending', 'billing')) == (11, 9, 1, 1)),
    (X, 'stays pending until', lambda: st(X, 2, 'proration for annual plans') == 'pending' and cnt(X, 2, 'pending', 'billing') == 1),
    (X, 'we added 3 new tests this month', lambda: len(new(X)) == 2 and len(fixes(X)) == 1 and regressions(X) == [] and len({r['suite'] for r in R[X][2]}) == 4),
    (X, 'Suite size is 38 tests defined', lambda: (cnt(X, 2), cnt(X, 2, 'skipped'), cnt(X, 2, 'pending'), cnt(X, 1)) == (38, 1, 1, 36)),
]


def main():
    # every result file parsed
    for c in CASES:
        for f in glob.glob(os.path.join(HERE, c, 'runs', '*', '**', '*'), recursive=True):
            if os.path.isfile(f):
                need(f in parsed_files, f'result file not parsed: {f}')
    for c in CASES:
        for n in (1, 2):
            print(f'{c} run {n}: collected {cnt(c, n)}, executed {cnt(c, n, "executed")}, passed {cnt(c, n, "passed")}, '
                  f'failed {cnt(c, n, "failed")}, errored {cnt(c, n, "errored")}, skipped {cnt(c, n, "skipped")}, '
                  f'pending {cnt(c, n, "pending")}, todo {cnt(c, n, "todo")}')
    asserted = {}
    for c, sub, cond in A:
        lines = open(os.path.join(HERE, c, 'report.md'), encoding='utf-8').read().split('\n')
        hits = [i for i, l in enumerate(lines, 1) if sub in l]
        need(len(hits) == 1, f'{c}: substring {sub!r} found {len(hits)} times')
        need(cond(), f'{c} line {hits[0]}: assertion failed ({sub!r})')
        asserted.setdefault(c, set()).add(hits[0])
    for c in CASES:
        lines = open(os.path.join(HERE, c, 'report.md'), encoding='utf-8').read().split('\n')
        seen = {}
        for row in open(os.path.join(HERE, c, 'labels.tsv'), encoding='utf-8').read().splitlines():
            parts = row.split('\t')
            need(len(parts) == 4, f'{c}: bad row {row!r}')
            ln, kind, verdict, note = int(parts[0]), parts[1], parts[2], parts[3]
            need(1 <= ln <= len(lines) and lines[ln - 1].strip(), f'{c}: row for empty/missing line {ln}')
            need(ln not in seen, f'{c}: line {ln} labeled twice')
            need(kind in KINDS and verdict in VERDICTS and note.strip(), f'{c}: bad kind/verdict/note on line {ln}')
            need((kind == '-') == (verdict == 'NONE'), f'{c}: kind - iff NONE on line {ln}')
            if verdict == 'NONE':
                need(re.search(r'\d', lines[ln - 1]), f'{c}: NONE row on a line without a digit: {ln}')
            seen[ln] = verdict
        for i, l in enumerate(lines, 1):
            if re.search(r'\d', l):
                need(i in seen, f'{c}: line {i} holds a digit but has no row')
        sci = {ln for ln, v in seen.items() if v in ('SUPPORTED', 'CONTRADICTED', 'INCONSISTENT')}
        need(sci == asserted.get(c, set()), f'{c}: S/C/I lines {sorted(sci)} vs asserted {sorted(asserted.get(c, set()))}')
    print(f'OK: {len(A)} assertions over {len(CASES)} cases')


if __name__ == '__main__':
    main()
