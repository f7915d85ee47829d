#!/usr/bin/env python3
"""Checks the fresh15 evidence (never the tool): parses every result file with its own parsers,
prints both runs' counts per case, asserts every number the SUPPORTED / CONTRADICTED / INCONSISTENT
labels rely on (by the label's line), and checks the shape of every labels.tsv."""
import json, os, re, sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {'count', 'rate', 'change', 'universal', 'named', 'table'}
VERDICTS = {'SUPPORTED', 'CONTRADICTED', 'INCONSISTENT', 'UNVERIFIABLE'}
parsed_files = set()

def local(tag): return tag.rsplit('}', 1)[-1]

# ---- parsers: each returns a list of (suite, name, status) with status p / f / e / s ----
def junit(path, suite_of):
    root = ET.parse(path).getroot(); out = []
    def walk(el):
        if local(el.tag) == 'testsuite':
            n = f = e = s = 0
            for tc in el.iter('testcase'):
                kids = {local(c.tag) for c in tc}
                n += 1; f += 'failure' in kids; e += 'error' in kids; s += 'skipped' in kids
            assert int(el.get('tests', n)) == n, (path, el.get('name'), 'tests')
            assert int(el.get('failures', f)) == f, (path, el.get('name'), 'failures')
            assert int(el.get('errors', e)) == e, (path, el.get('name'), 'errors')
            if el.get('skipped') is not None: assert int(el.get('skipped')) == s, (path, el.get('name'))
        for c in el: walk(c)
    walk(root)
    def visit(el, suites):
        for c in el:
            if local(c.tag) == 'testsuite': visit(c, suites + [c])
            elif local(c.tag) == 'testcase':
                kids = {local(k.tag) for k in c}
                st = 'f' if 'failure' in kids else 'e' if 'error' in kids else 's' if 'skipped' in kids else 'p'
                out.append((suite_of(c, suites), c.get('name'), st))
    visit(root, [root] if local(root.tag) == 'testsuite' else [])
    return out

def nunit3(path):
    root = ET.parse(path).getroot(); assert root.tag == 'test-run'; out = []
    def visit(el, fixture):
        for c in el:
            if c.tag == 'test-suite':
                visit(c, c.get('name') if c.get('type') == 'TestFixture' else fixture)
            elif c.tag == 'test-case':
                r = c.get('result')
                st = {'Passed': 'p', 'Failed': 'f', 'Skipped': 's'}[r]
                if r == 'Failed' and c.get('label') == 'Error': st = 'e'
                out.append((fixture, c.get('name'), st))
    visit(root, None)
    for ts in root.iter('test-suite'):
        cases = list(ts.iter('test-case'))
        assert int(ts.get('total')) == len(cases)
        assert int(ts.get('passed')) == sum(1 for c in cases if c.get('result') == 'Passed')
        assert int(ts.get('failed')) == sum(1 for c in cases if c.get('result') == 'Failed')
        assert int(ts.get('skipped')) == sum(1 for c in cases if c.get('result') == 'Skipped')
    assert int(root.get('total')) == len(out)
    return out

def mocha(path):
    d = json.load(open(path)); out = []
    fails = {t['fullTitle'] for t in d['failures']}; pend = {t['fullTitle'] for t in d['pending']}
    passes = {t['fullTitle'] for t in d['passes']}
    for t in d['tests']:
        ft = t['fullTitle']
        st = 'f' if ft in fails else 's' if ft in pend else 'p'
        assert (ft in passes) == (st == 'p')
        out.append((ft[:-len(t['title'])].strip(), t['title'], st))
    s = d['stats']
    assert (s['tests'], s['passes'], s['failures'], s['pending']) == (len(out), len(passes), len(fails), len(pend))
    return out

def otr(path):
    root = ET.parse(path).getroot(); out = []
    names = {}; types = {}; parents = {}
    for el in root:
        t = local(el.tag)
        if t == 'started':
            names[el.get('id')] = el.get('name'); parents[el.get('id')] = el.get('parentId')
            ty = [m.text for m in el.iter() if local(m.tag) == 'type']
            types[el.get('id')] = ty[0] if ty else None
        elif t == 'finished' and types.get(el.get('id')) == 'TEST':
            res = [r for r in el if local(r.tag) == 'result'][0].get('status')
            st = {'SUCCESSFUL': 'p', 'FAILED': 'f', 'ABORTED': 's', 'SKIPPED': 's'}[res]
            out.append((names[parents[el.get('id')]], names[el.get('id')], st))
    return out

def gotest(path):
    out = []; build_failed = []
    for line in open(path):
        e = json.loads(line)
        a = e.get('Action')
        if a == 'build-fail': build_failed.append(e['ImportPath'].split(' ')[0])
        if e.get('Test') and a in ('pass', 'fail', 'skip'):
            out.append((e['Package'].rsplit('/', 1)[-1], e['Test'], {'pass': 'p', 'fail': 'f', 'skip': 's'}[a]))
        if a == 'fail' and not e.get('Test') and e.get('FailedBuild'):
            assert e['Package'] in build_failed
    return out, [p.rsplit('/', 1)[-1] for p in build_failed]

def load(case, run):
    base = os.path.join(HERE, case, 'runs', str(run)); tests = []; extra = {}
    for dp, _, fs in os.walk(base):
        for f in sorted(fs):
            p = os.path.join(dp, f); parsed_files.add(p)
            if case == 'sprint-retro-jest': tests += junit(p, lambda tc, s: s[-1].get('name'))
            elif case == 'migration-status-gradle': tests += junit(p, lambda tc, s: tc.get('classname').split('.')[2])
            elif case == 'weekly-email-otr-phpunit' and f.endswith('junit.xml'):
                tests += [('web:' + a, b, c) for a, b, c in junit(p, lambda tc, s: tc.get('class').rsplit('\\', 1)[-1])]
            elif case == 'weekly-email-otr-phpunit': tests += [('backend:' + a, b, c) for a, b, c in otr(p)]
            elif case == 'oncall-handover-nunit3': tests += nunit3(p)
            elif case == 'agent-log-mocha': tests += mocha(p)
            elif case == 'commit-ci-gotest':
                t, b = gotest(p); tests += t; extra['build_failed'] = b
            else: raise SystemExit('unparsed file ' + p)
    return tests, extra

def counts(tests, pred=lambda t: True):
    ts = [t for t in tests if pred(t)]
    c = {k: sum(1 for t in ts if t[2] == k) for k in 'pfes'}
    return {'collected': len(ts), 'executed': len(ts) - c['s'], 'passed': c['p'], 'failed': c['f'], 'errored': c['e'], 'skipped': c['s']}

def status(tests, name):
    m = [t[2] for t in tests if t[1] == name or t[0] + ' ' + t[1] == name]
    assert len(m) == 1, (name, m); return m[0]

covered = {}; errors = []
def A(case, needle, cond, what=''):
    lines = open(os.path.join(HERE, case, 'report.md')).read().split('\n')
    hits = [i + 1 for i, l in enumerate(lines) if needle in l]
    if len(hits) != 1: errors.append(f'{case}: needle {needle!r} found on {hits}'); return
    covered.setdefault(case, set()).add(hits[0])
    if not cond: errors.append(f'{case}:{hits[0]}: {what or needle}')

def pct(a, b): return round(100.0 * a / b, 1)

R = {}
for case in sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d))):
    R[case] = (load(case, 1), load(case, 2))
    for r in (1, 2):
        print(case, 'run', r, counts(R[case][r - 1][0]), R[case][r - 1][1] or '')

# ---- sprint-retro-jest ----
c = 'sprint-retro-jest'; (b, _), (l, _) = R[c]
B, L = counts(b), counts(l)
suite = lambda t, s: counts(t, lambda x: x[0] == s)
A(c, '| Tests executed | 43 | 39 |', (L['executed'], B['executed']) == (43, 39))
A(c, '| Passing | 42 | 36 |', (L['passed'], B['passed']) == (42, 36))
A(c, '| Failing | 1 | 3 |', (L['failed'], B['failed']) == (1, 3))
A(c, '| Skipped | 1 | 1 |', (L['skipped'], B['skipped']) == (1, 1))
A(c, '| Pass rate | 97.7% | 92.3% |', (pct(42, 43), pct(36, 39)) == (97.7, 92.3))
new = {(t[0], t[1]) for t in l} - {(t[0], t[1]) for t in b}
A(c, 'grew the suite by 4 tests', (B['collected'], L['collected']) == (40, 44) and len(new) == 4 and {s for s, _ in new} == {'Cart', 'Search'})
A(c, 'Cart is fully green', suite(l, 'Cart')['passed'] == 14 == suite(l, 'Cart')['collected'] and (suite(b, 'Cart')['passed'], suite(b, 'Cart')['collected']) == (11, 12))
A(c, 'Search: 18 of its 20', suite(l, 'Search')['collected'] == 20 and suite(l, 'Search')['passed'] == 19 != 18 and status(l, 'Search supports keyboard nav') == 's', 'C: Search passed 19')
A(c, 'Failures dropped from 3 to 1', (B['failed'], L['failed']) == (3, 1) and 3 / 1 == 3)
fixed = {(t[0], t[1]) for t in b if t[2] == 'f'} & {(t[0], t[1]) for t in l if t[2] == 'p'}
A(c, 'Checkout went from 8/10 to 9/10', (suite(b, 'Checkout')['passed'], suite(l, 'Checkout')['passed'], suite(l, 'Checkout')['collected']) == (8, 9, 10) and len(fixed) == 2)
A(c, 'we now run 33 tests', suite(l, 'Cart')['executed'] + suite(l, 'Search')['executed'] == 33 and suite(l, 'Cart')['passed'] + suite(l, 'Search')['passed'] == 33)
A(c, 'Checkout still has 1 failing', suite(l, 'Checkout')['failed'] == 1 and status(l, 'Checkout applies coupon after tax') == 'f' and suite(b, 'Checkout')['failed'] == 2)
A(c, 'so 9 of 10 there', suite(l, 'Checkout')['passed'] == 9)
A(c, 'moved by 7.4 points', round(97.7 - 92.3, 1) == 5.4 != 7.4)
A(c, 'every Cart and Checkout test passes', suite(l, 'Checkout')['failed'] == 1, 'C: a Checkout test failed')

# ---- commit-ci-gotest ----
c = 'commit-ci-gotest'; (b, bx), (l, lx) = R[c]
B, L = counts(b), counts(l)
pk = lambda t, s: counts(t, lambda x: x[0] == s)
A(c, 'all 6 store tests pass', pk(l, 'store')['passed'] == 6 == pk(l, 'store')['executed'] and pk(l, 'parse')['executed'] == 9)
A(c, '| parse | 9 | 9 | 0 |', pk(l, 'parse')['passed'] == 9 and pk(l, 'parse')['failed'] == 0)
A(c, '| store | 6 | 6 | 0 |', pk(l, 'store')['passed'] == 6 and pk(l, 'store')['failed'] == 0)
A(c, '| api | 5 | 5 | 0 |', pk(l, 'api')['executed'] == 0 and lx['build_failed'] == ['api'], 'C: api did not build')
A(c, '| **Total** | **20**', L['executed'] == 15 and L['passed'] == 15, 'C: 15 executed')
A(c, 'store went from 5/6 to 6/6', pk(b, 'store')['passed'] == 5 and pk(l, 'store')['passed'] == 6 and pk(b, 'parse')['executed'] == 8)
A(c, 'Failed tests on main: 1', B['failed'] == 1 and status(b, 'TestAppendConcurrent') == 'f')
A(c, 'Executed tests on main: 20', B['executed'] == 19 and B['passed'] == 18, 'C: main executed 19')
A(c, 'TestAppendConcurrent passes now', status(b, 'TestAppendConcurrent') == 'f' and status(l, 'TestAppendConcurrent') == 'p')
A(c, 'ready to merge', lx['build_failed'] == ['api'], 'C: build failure')
newt = {t[1] for t in l} - {t[1] for t in b}
regr = {t[1] for t in b if t[2] == 'p'} & {t[1] for t in l if t[2] in 'fe'}
A(c, 'New tests: 1', newt == {'TestParseNegativeAmount'} and not regr)

# ---- oncall-handover-nunit3 ----
c = 'oncall-handover-nunit3'; (b, _), (l, _) = R[c]
B, L = counts(b), counts(l)
fx = lambda t, s: counts(t, lambda x: x[0] == s)
A(c, "Last night's run (23:30): 16 of 18", (B['passed'], B['executed'], B['failed'], B['skipped']) == (16, 18, 2, 1))
A(c, 'still 16 passing and 2 failing', (L['passed'], L['failed']) == (16, 2) and {t[1] for t in b if t[2] == 'f'} != {t[1] for t in l if t[2] == 'f'})
A(c, '`Gateway_TimeoutRetry` is fixed', status(b, 'Gateway_TimeoutRetry') == 'f' and status(l, 'Gateway_TimeoutRetry') == 'p')
A(c, '`Webhook_SignatureRotation` is a new failure', status(b, 'Webhook_SignatureRotation') == 'p' and status(l, 'Webhook_SignatureRotation') == 'f')
A(c, '`Gateway_Idempotency` fails in both', status(b, 'Gateway_Idempotency') == 'f' == status(l, 'Gateway_Idempotency'))
A(c, 'the 2 failures were both Gateway', {t[1] for t in b if t[2] == 'f'} == {'Gateway_TimeoutRetry', 'Gateway_Idempotency'})
A(c, 'Webhook failures: 0 last night, 1', fx(b, 'WebhookTests')['failed'] == 0 and fx(l, 'WebhookTests')['failed'] == 1)
ra = lambda t: [x for x in t if x[1].startswith('RefundAmount(')]
A(c, '`RefundAmount` cases went from 3/4', sum(x[2] == 'p' for x in ra(b)) == 4 == sum(x[2] == 'p' for x in ra(l)), 'C: 4/4 both')
A(c, 'Ignored: 1 test in each run', B['skipped'] == 1 == L['skipped'])
A(c, 'PaymentsGatewayTests: 7/8 now', (fx(l, 'PaymentsGatewayTests')['passed'], fx(b, 'PaymentsGatewayTests')['passed'], fx(l, 'PaymentsGatewayTests')['collected']) == (7, 6, 8))
A(c, 'WebhookTests: 5 of 6 pass', fx(l, 'WebhookTests')['passed'] == 4 and status(l, 'Webhook_LegacyV1') == 's', 'C: 4 pass')
A(c, 'RefundTests: all 5 green', fx(l, 'RefundTests')['passed'] == 5 == fx(l, 'RefundTests')['collected'] and len(ra(l)) == 4)
A(c, 'Pass rate this morning: 88.9%', pct(16, 18) == 88.9 and L['executed'] == B['executed'] == 18 and B['passed'] == 16)
A(c, '19 tests = 16 passed + 2 failed + 2 ignored', 16 + 2 + 2 == 20 != 19)
A(c, 'every refund test passes', fx(l, 'RefundTests')['passed'] == 5 and fx(l, 'RefundTests')['failed'] == 0)
A(c, 'not production ready until the 2 failures', L['failed'] == 2)

# ---- migration-status-gradle ----
c = 'migration-status-gradle'; (b, _), (l, _) = R[c]
B, L = counts(b), counts(l)
md = lambda t, s: counts(t, lambda x: x[0] == s)
A(c, '| billing | 12 | 12 |', (md(l, 'billing')['executed'], md(l, 'billing')['passed']) == (12, 12))
A(c, '| auth | 10 | 10 |', (md(l, 'auth')['executed'], md(l, 'auth')['passed']) == (10, 10))
A(c, '| reports | 8 | 7 |', (md(l, 'reports')['executed'], md(l, 'reports')['passed']) == (8, 6), 'C: reports 6 passing')
A(c, '| notifications | 6 | 6 |', (md(l, 'notifications')['executed'], md(l, 'notifications')['passed']) == (6, 6))
A(c, '| **Total** | **36** | **34** |', (L['executed'], L['passed']) == (36, 34))
A(c, 'Overall 34/36 passing (94.4%)', pct(34, 36) == 94.4 and (B['passed'], B['executed']) == (30, 33))
A(c, 'from 90.9% to 95.1%', pct(30, 33) == 90.9 and pct(34, 36) == 94.4 != 95.1)
A(c, '2 new tests:', {t[1] for t in l} - {t[1] for t in b} == {'rotatesSigningKey()', 'streamsLargeReport()'})
A(c, 'auth: both failures from the old baseline', {t[1] for t in b if t[0] == 'auth' and t[2] == 'f'} == {'rejectsExpiredToken()', 'locksAfterFiveAttempts()'} and md(l, 'auth')['failed'] == 0)
A(c, 'reports: 1 failure (`exportsXlsx()`)', status(l, 'exportsXlsx()') == 'f' and status(l, 'exportsCsv()') == 'e' and md(l, 'reports')['failed'] == 1 == md(l, 'reports')['errored'])
A(c, 'notifications went from 4 to 6', md(b, 'notifications')['passed'] == 4 and md(l, 'notifications')['passed'] == 6 and md(b, 'notifications')['skipped'] == 1 and md(l, 'notifications')['skipped'] == 0)
A(c, 'Before the migration: 3 failures', B['failed'] == 3 and md(b, 'auth')['failed'] == 2 and md(b, 'notifications')['failed'] == 1 and B['skipped'] == 1)
A(c, 'Errors went from 0 to 1', (B['errored'], L['errored'], B['failed'], L['failed']) == (0, 1, 3, 1))
A(c, 'grew from 33 to 35', (B['executed'], L['executed']) == (33, 36) and L['collected'] == 36, 'C: 36 not 35')
A(c, 'billing stayed at 12/12', md(b, 'billing')['passed'] == 12 == md(l, 'billing')['passed'])
A(c, 'No errors in billing or auth', md(l, 'billing')['passed'] + md(l, 'auth')['passed'] == 22 and md(l, 'billing')['errored'] + md(l, 'auth')['errored'] + md(l, 'billing')['failed'] + md(l, 'auth')['failed'] == 0)
A(c, 'reports was fully green (7/7)', md(b, 'reports')['passed'] == 7 == md(b, 'reports')['collected'] and status(b, 'exportsCsv()') == 'p' == status(b, 'exportsXlsx()'))

# ---- agent-log-mocha ----
c = 'agent-log-mocha'; (b, _), (l, _) = R[c]
B, L = counts(b), counts(l)
su = lambda t, s: counts(t, lambda x: x[0] == s)
A(c, 'baseline: 22 tests collected', (B['collected'], B['passed'], B['failed'], B['skipped']) == (22, 18, 3, 1))
A(c, 'Two of the failures are in parser', {t[1] for t in b if t[2] == 'f'} == {'tokenize handles escaped quotes', 'tokenize handles nested quotes', 'cli reads a file'} and status(b, 'cli exits 2 on bad flag') == 'p', 'C: third is cli reads a file')
A(c, 'Re-ran the parser spec: 10/10', su(l, 'parser')['passed'] == 10 == su(l, 'parser')['collected'] and su(b, 'parser')['passed'] == 8)
A(c, 'Added one test to cli', {t[1] for t in l} - {t[1] for t in b} == {'cli reads from --stdin'} and status(l, 'cli reads from --stdin') == 'p')
A(c, 'Full run: 21 passing', (L['passed'], L['failed'], L['skipped'], L['collected']) == (21, 1, 1, 23))
A(c, 'remaining failure is `formatter aligns columns`', status(l, 'formatter aligns columns') == 'f' and status(b, 'formatter aligns columns') == 'p')
A(c, 'cli is 6/6 passing', su(l, 'cli')['passed'] == 5 and su(l, 'cli')['skipped'] == 1, 'C: 5 passing')
A(c, 'Failures went from 3 to 1', (B['failed'], L['failed'], B['passed'], L['passed']) == (3, 1, 18, 21) and pct(2, 3) == 66.7)
A(c, '`cli prints version` is still pending', status(b, 'cli prints version') == 's' == status(l, 'cli prints version'))
A(c, 'formatter is at 6 of 7', su(l, 'formatter')['passed'] == 6 and su(b, 'formatter')['passed'] == 7 == su(b, 'formatter')['collected'])
A(c, '= 24 tests in total', 21 + 1 + 1 == 23 != 24)
A(c, 'Pending count is unchanged at 1', B['skipped'] == 1 == L['skipped'])
A(c, '**Verdict:**', pct(21, 22) == 95.5 and L['executed'] == 22 and L['failed'] == 1, 'C: 1 failed')

# ---- weekly-email-otr-phpunit ----
c = 'weekly-email-otr-phpunit'; (b, _), (l, _) = R[c]
B, L = counts(b), counts(l)
be = lambda t: counts(t, lambda x: x[0].startswith('backend:'))
we = lambda t: counts(t, lambda x: x[0].startswith('web:'))
cl = lambda t, s: counts(t, lambda x: x[0].endswith(':' + s))
A(c, '22 of 24 tests passing (91.7%)', (L['passed'], L['executed']) == (22, 24) and pct(22, 24) == 91.7)
A(c, 'Backend is fully green, 12/12', be(l)['passed'] == 12 == be(l)['executed'] and 'roundsHalfEvenForChf()' in {t[1] for t in l} - {t[1] for t in b})
A(c, 'Backend went from 10/11', (be(b)['passed'], be(b)['executed']) == (10, 11))
A(c, 'OrderService: 6 tests', cl(b, 'OrderServiceTest')['passed'] == 6 == cl(l, 'OrderServiceTest')['passed'] and cl(l, 'InvoiceServiceTest')['passed'] == 6 == cl(l, 'InvoiceServiceTest')['executed'], 'C: invoice 6/6')
A(c, 'Web errors: 1 this week', we(l)['errored'] == 1 and we(b)['errored'] == 0)
A(c, 'Web: 10 of 12 pass', (we(l)['passed'], we(l)['executed'], cl(l, 'CheckoutTest')['failed'], cl(l, 'CheckoutTest')['errored']) == (10, 12, 1, 1))
dsb = [t for t in b if 'with data set' in t[1]]
A(c, 'Cart tests all pass now', cl(l, 'CartTest')['passed'] == 7 == cl(l, 'CartTest')['executed'] and len(dsb) == 3 and sum(t[2] == 'f' for t in dsb) == 1)
A(c, 'Checkout: 4 of 5 tests pass', cl(l, 'CheckoutTest')['passed'] == 3 and cl(l, 'CheckoutTest')['executed'] == 5, 'C: 3 of 5')
A(c, 'we were at 21/23', (B['passed'], B['executed']) == (21, 23))
A(c, 'Failures halved, from 4', B['failed'] + B['errored'] == 2, 'C: 2 last week')
A(c, 'from 91.3% to 95.8%', pct(21, 23) == 91.3 and pct(22, 24) == 91.7 != 95.8)
A(c, 'No regressions in the backend', not ({t[1] for t in b if t[0].startswith('backend') and t[2] == 'p'} & {t[1] for t in l if t[0].startswith('backend') and t[2] in 'fe'}))
A(c, 'green light for the backend release', be(l)['failed'] + be(l)['errored'] + be(l)['skipped'] == 0 and be(l)['passed'] == 12)

# ---- labels shape; every S/C/I label has an assertion ----
for case in R:
    lines = open(os.path.join(HERE, case, 'report.md')).read().split('\n')
    rows = [r.split('\t') for r in open(os.path.join(HERE, case, 'labels.tsv')).read().strip('\n').split('\n')]
    seen = {}
    for r in rows:
        if len(r) != 4: errors.append(f'{case}: bad row {r}'); continue
        ln, kind, verdict, note = r; ln = int(ln)
        if ln in seen: errors.append(f'{case}:{ln}: two rows')
        seen[ln] = verdict
        if not (1 <= ln <= len(lines)) or not lines[ln - 1].strip(): errors.append(f'{case}:{ln}: empty or missing line')
        if not note.strip(): errors.append(f'{case}:{ln}: empty note')
        if verdict == 'NONE':
            if kind != '-': errors.append(f'{case}:{ln}: NONE needs kind -')
            if not re.search(r'\d', lines[ln - 1]): errors.append(f'{case}:{ln}: NONE row on a line without digits')
        elif verdict not in VERDICTS or kind not in KINDS: errors.append(f'{case}:{ln}: bad kind/verdict {kind} {verdict}')
        if verdict in ('SUPPORTED', 'CONTRADICTED', 'INCONSISTENT') and ln not in covered.get(case, set()):
            errors.append(f'{case}:{ln}: {verdict} label without an assertion')
    for i, l in enumerate(lines, 1):
        if re.search(r'\d', l) and i not in seen: errors.append(f'{case}:{i}: line with a digit has no row')
    for ln in covered.get(case, set()):
        if ln not in seen or seen[ln] in ('NONE', 'UNVERIFIABLE'): errors.append(f'{case}:{ln}: asserted line not labeled S/C/I')
allfiles = {os.path.join(dp, f) for case in R for dp, _, fs in os.walk(os.path.join(HERE, case, 'runs')) for f in fs}
if allfiles != parsed_files: errors.append('unparsed files: %s' % (allfiles - parsed_files))
if errors:
    print('\n'.join('FAIL ' + e for e in errors)); sys.exit(1)
print('OK: %d assertions over %d cases' % (sum(len(v) for v in covered.values()), len(R)))
