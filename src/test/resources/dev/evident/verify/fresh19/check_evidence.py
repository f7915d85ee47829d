#!/usr/bin/env python3
"""Checks the evidence of the fresh19 set (never the tool): parses every result file with parsers of
its own, checks each file's declared counts against its cases, and asserts every number the
SUPPORTED / CONTRADICTED / INCONSISTENT labels rely on. Prints `OK: N assertions over 6 cases`."""
import glob, json, os, re, sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = ['weekly-email-playwright', 'gh-thread-pytest', 'agent-log-maven', 'migration-plan-ctrf',
         'readme-status-xunit', 'release-memo-nunit3']
parsed = set()
n_assert = 0


def T(cond, msg):
    if not cond:
        sys.exit('FAIL: ' + msg)


def rec(group, name, outcome, **kw):
    d = dict(group=group, name=name, outcome=outcome)
    d.update(kw)
    return d


# ---- JUnit XML (Playwright, pytest xunit2, Surefire/Failsafe) ----
def junit(path, groupfn):
    parsed.add(path)
    root = ET.parse(path).getroot()
    out = []
    suites = [root] if root.tag == 'testsuite' else list(root.iter('testsuite'))
    tot = dict(tests=0, failures=0, errors=0, skipped=0)
    for s in suites:
        cs = s.findall('testcase')
        c = dict(tests=len(cs), failures=0, errors=0, skipped=0)
        for tc in cs:
            if tc.find('failure') is not None:
                o = 'failed'; c['failures'] += 1
            elif tc.find('error') is not None:
                o = 'errored'; c['errors'] += 1
            elif tc.find('skipped') is not None:
                o = 'skipped'; c['skipped'] += 1
            else:
                o = 'passed'
            out.append(rec(groupfn(s, tc), tc.get('name'), o, classname=tc.get('classname')))
        for k in c:
            T(int(s.get(k, 0)) == c[k], '%s: suite %s declares %s=%s, has %d' % (path, s.get('name'), k, s.get(k), c[k]))
            tot[k] += c[k]
    if root.tag == 'testsuites':
        for k in tot:
            if root.get(k) is not None:
                T(int(root.get(k)) == tot[k], '%s: testsuites %s' % (path, k))
    return out


def failsafe_summary(path, recs):
    parsed.add(path)
    r = ET.parse(path).getroot()
    T(int(r.find('completed').text) == len(recs), path + ' completed')
    T(int(r.find('failures').text) == sum(x['outcome'] == 'failed' for x in recs), path + ' failures')
    T(int(r.find('errors').text) == sum(x['outcome'] == 'errored' for x in recs), path + ' errors')
    T(int(r.find('skipped').text) == sum(x['outcome'] == 'skipped' for x in recs), path + ' skipped')


def surefire_txt(path, recs):
    parsed.add(path)
    m = re.search(r'Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)', open(path).read())
    T(m and [int(g) for g in m.groups()] == [len(recs)] + [sum(x['outcome'] == o for x in recs) for o in ('failed', 'errored', 'skipped')], path)


# ---- CTRF JSON ----
def ctrf(path):
    parsed.add(path)
    d = json.load(open(path))['results']
    out = []
    for t in d['tests']:
        o = {'passed': 'passed', 'failed': 'failed', 'skipped': 'skipped', 'pending': 'skipped', 'other': 'other'}[t['status']]
        out.append(rec(t['suite'], t['name'], o, status=t['status'], flaky=t.get('flaky', False), retries=t.get('retries', 0)))
    s = d['summary']
    T(s['tests'] == len(d['tests']), path + ' summary.tests')
    for k in ('passed', 'failed', 'pending', 'skipped', 'other'):
        T(s[k] == sum(t['status'] == k for t in d['tests']), path + ' summary.' + k)
    return out


# ---- xUnit.net v2 XML ----
def xunit(path):
    parsed.add(path)
    root = ET.parse(path).getroot()
    out = []
    R = {'Pass': 'passed', 'Fail': 'failed', 'Skip': 'skipped'}
    for a in root.findall('assembly'):
        an = os.path.basename(a.get('name')).replace('.dll', '')
        arecs = []
        for c in a.findall('collection'):
            crecs = []
            for t in c.findall('test'):
                traits = {x.get('name'): x.get('value') for x in t.iter('trait')}
                crecs.append(rec((an, t.get('type').split('.')[-1]), t.get('name').split(t.get('type') + '.')[1], R[t.get('result')],
                                 method=t.get('method'), category=traits.get('Category')))
            for k, o in (('total', None), ('passed', 'passed'), ('failed', 'failed'), ('skipped', 'skipped')):
                T(int(c.get(k)) == (len(crecs) if o is None else sum(x['outcome'] == o for x in crecs)), '%s collection %s %s' % (path, c.get('name'), k))
            arecs += crecs
        for k, o in (('total', None), ('passed', 'passed'), ('failed', 'failed'), ('skipped', 'skipped')):
            T(int(a.get(k)) == (len(arecs) if o is None else sum(x['outcome'] == o for x in arecs)), '%s assembly %s' % (path, k))
        out += arecs
    return out


# ---- NUnit 3 XML ----
def nunit(path):
    parsed.add(path)
    root = ET.parse(path).getroot()
    R = {'Passed': 'passed', 'Failed': 'failed', 'Skipped': 'skipped', 'Inconclusive': 'inconclusive'}

    def check(el):
        cases = list(el.iter('test-case'))
        c = dict(total=len(cases), passed=0, failed=0, skipped=0, inconclusive=0)
        for tc in cases:
            c[R[tc.get('result')]] += 1
        for k in c:
            T(int(el.get(k)) == c[k], '%s: %s %s declares %s=%s, has %d' % (path, el.tag, el.get('name'), k, el.get(k), c[k]))
    check(root)
    for s in root.iter('test-suite'):
        check(s)
    out = []
    for fx in root.iter('test-suite'):
        if fx.get('type') != 'TestFixture':
            continue
        for tc in fx.iter('test-case'):
            out.append(rec(fx.get('name'), tc.get('name'), R[tc.get('result')], method=tc.get('methodname'), label=tc.get('label')))
    return out


def load(case, r):
    base = os.path.join(HERE, case, 'runs', str(r))
    if case == 'weekly-email-playwright':
        return junit(base + '/test-results/junit.xml', lambda s, tc: (s.get('hostname'), s.get('name')))
    if case == 'gh-thread-pytest':
        out = junit(base + '/reports/junit.xml', lambda s, tc: tc.get('classname') or 'collection:' + tc.get('name'))
        return out
    if case == 'agent-log-maven':
        out = []
        for f in sorted(glob.glob(base + '/*/target/*-reports/TEST-*.xml')):
            mod, kind = f[len(base) + 1:].split('/')[0], f.split('/')[-2].split('-')[0]
            recs = junit(f, lambda s, tc, mod=mod, kind=kind: (mod, kind, s.get('name').split('.')[-1]))
            surefire_txt(f.replace('TEST-', ''). replace('.xml', '.txt'), recs)
            out += recs
        failsafe_summary(base + '/api/target/failsafe-reports/failsafe-summary.xml', [x for x in out if x['group'][1] == 'failsafe'])
        return out
    if case == 'migration-plan-ctrf':
        return ctrf(base + '/ctrf/ctrf-report.json')
    if case == 'readme-status-xunit':
        return xunit(base + '/TestResults/xunit-results.xml')
    if case == 'release-memo-nunit3':
        return nunit(base + '/TestResults/TestResult.xml')


def counts(recs, pred=lambda x: True):
    rs = [x for x in recs if pred(x)]
    c = dict(collected=len(rs))
    for o in ('passed', 'failed', 'errored', 'skipped', 'inconclusive'):
        c[o] = sum(x['outcome'] == o for x in rs)
    c['executed'] = c['collected'] - c['skipped']
    return c


def key(x):
    return (x['group'], x['name'])


def delta(r1, r2):
    a = {key(x): x['outcome'] for x in r1}
    b = {key(x): x['outcome'] for x in r2}
    new = [k for k in b if k not in a]
    fixes = [k for k in b if a.get(k) in ('failed', 'errored') and b[k] == 'passed']
    regr = [k for k in b if a.get(k) == 'passed' and b[k] in ('failed', 'errored')]
    return new, fixes, regr


def pct(a, b):
    return int(1000.0 * a / b + 0.5) / 10.0  # half-up, as people round


def main():
    global n_assert
    total = 0
    for case in CASES:
        d = os.path.join(HERE, case)
        r1, r2 = load(case, 1), load(case, 2)
        c1, c2 = counts(r1), counts(r2)
        new, fixes, regr = delta(r1, r2)
        print('%-24s run1 %s' % (case, c1))
        print('%-24s run2 %s  new=%d fixes=%d regressions=%d' % ('', c2, len(new), len(fixes), len(regr)))
        lines = open(os.path.join(d, 'report.md')).read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        labels = {}
        for row in open(os.path.join(d, 'labels.tsv')).read().strip('\n').split('\n'):
            f = row.split('\t')
            T(len(f) == 4 and f[3].strip(), '%s: bad row %r' % (case, row))
            ln = int(f[0])
            T(ln not in labels, '%s: line %d labeled twice' % (case, ln))
            T(1 <= ln <= len(lines) and lines[ln - 1].strip(), '%s: row for empty/missing line %d' % (case, ln))
            T(f[1] in ('count', 'rate', 'change', 'universal', 'named', 'table', '-'), '%s: kind %s' % (case, f[1]))
            T(f[2] in ('SUPPORTED', 'CONTRADICTED', 'INCONSISTENT', 'UNVERIFIABLE', 'NONE'), '%s: verdict %s' % (case, f[2]))
            T((f[1] == '-') == (f[2] == 'NONE'), '%s: line %d kind/verdict' % (case, ln))
            if f[2] == 'NONE':
                T(re.search(r'\d', lines[ln - 1]), '%s: NONE row %d has no digit' % (case, ln))
            labels[ln] = f[2]
        for i, l in enumerate(lines, 1):
            if re.search(r'\d', l):
                T(i in labels, '%s: line %d holds a digit and has no row' % (case, i))
        asserted = set()

        def A(sub, actual, expected):
            global n_assert
            hits = [i for i, l in enumerate(lines, 1) if sub in l]
            T(len(hits) == 1, '%s: substring %r matches %d lines' % (case, sub, len(hits)))
            T(actual == expected, '%s line %d (%r): actual %r != expected %r' % (case, hits[0], sub, actual, expected))
            asserted.add(hits[0])
            n_assert += 1

        def o(recs, pred):
            m = [x['outcome'] for x in recs if pred(x)]
            T(len(m) == 1, '%s: predicate matched %d tests' % (case, len(m)))
            return m[0]

        if case == 'weekly-email-playwright':
            A('35 passing tests', (c2['passed'], c2['failed'] + c2['errored']), (35, 1))
            A('90.9% last week', (pct(c1['passed'], c1['executed']), pct(c2['passed'], c2['executed'])), (90.9, 97.2))
            A('expired-token', (len(new), all(x['outcome'] == 'passed' for x in r2 if key(x) in new), {x['group'][0] for x in r2 if key(x) in new}), (3, True, {'chromium', 'firefox', 'webkit'}))
            A('12/12 cart', (counts(r2, lambda x: x['group'][1] == 'cart.spec.ts')['executed'], counts(r2, lambda x: x['group'][1] == 'cart.spec.ts')['passed'], o(r1, lambda x: x['group'] == ('webkit', 'cart.spec.ts') and x['name'].endswith('updates quantity'))), (12, 12, 'failed'))
            A('fixed 3 of', len(fixes), 2)
            A('Chromium is 100%', counts(r2, lambda x: x['group'][0] == 'chromium')['failed'], 0)
            A('The one red test', ([key(x) for x in r2 if x['outcome'] == 'failed']), [(('webkit', 'checkout.spec.ts'), 'Checkout › applies coupon')])
            A('Apple Pay checkout is still skipped', sorted(x['group'][0] for x in r2 if x['outcome'] == 'skipped' and 'Apple Pay' in x['name']), ['chromium', 'firefox'])
            A('| Tests run |', (c1['executed'], c2['executed']), (33, 36))
            A('| Passed |', (c1['passed'], c2['passed']), (30, 35))
            A('| Failed |', (c1['failed'], c2['failed']), (3, 1))
            A('| Skipped |', (c1['skipped'], c2['skipped']), (3, 3))
            A('34 of 36', (c2['passed'], c2['executed']), (35, 36))
        elif case == 'gh-thread-pytest':
            P = lambda recs, n: o(recs, lambda x: x['name'] == n)
            A('2 tests fail in test_parser', sorted(x['name'] for x in r1 if x['group'] == 'tests.test_parser' and x['outcome'] == 'failed'), ['test_parse_date[epoch-1]', 'test_parse_date[rfc-2]'])
            A('8 passed, 2 failed', (c1['passed'], c1['failed'], c1['skipped'], c1['errored'], [x['group'] for x in r1 if x['outcome'] == 'errored']), (8, 2, 1, 1, ['collection:tests.test_export']))
            A('80% pass rate', pct(c1['passed'], c1['executed'] - c1['errored']), 80.0)
            A('15 tests, all passing', (c2['executed'], c2['passed'], P(r2, 'test_parse_date[rfc-2]')), (14, 13, 'failed'))
            A('collect and pass now', [x['outcome'] for x in r2 if x['group'] == 'tests.test_export'], ['passed'] * 3)
            A('passes after #485', (P(r1, 'test_parse_date[epoch-1]'), P(r2, 'test_parse_date[epoch-1]')), ('failed', 'passed'))
            A('negative timestamps', (P(r2, 'test_parse_date[epoch-2]'), ('tests.test_parser', 'test_parse_date[epoch-2]') in new), ('passed', True))
            A('Full run: 13 passed', (c2['passed'], c2['failed'], c2['skipped'], P(r2, 'test_parse_date[rfc-2]')), (13, 1, 1, 'failed'))
            A('from 8 passing to 13', (c1['passed'], c2['passed']), (8, 13))
            A('80% → 92.9%', (pct(c2['passed'], c2['executed']), c2['passed'], c2['executed']), (92.9, 13, 14))
            A('skipped on purpose', P(r2, 'test_convert[f-c]'), 'skipped')
            A('`test_units.py`: 5 tests', (counts(r2, lambda x: x['group'] == 'tests.test_units')['executed'], counts(r2, lambda x: x['group'] == 'tests.test_units')['passed']), (4, 4))
            A('14 of 15 collected', (c2['passed'], c2['collected']), (13, 15))
        elif case == 'agent-log-maven':
            SF = lambda x: x['group'][1] == 'surefire'
            FS = lambda x: x['group'][1] == 'failsafe'
            A('22 tests, 17 passing', (c1['collected'], c1['passed'], c1['failed'], c1['errored'], c1['skipped']), (22, 17, 2, 2, 1))
            A('13/15 passing', (counts(r1, SF)['executed'], counts(r1, SF)['passed']), (15, 13))
            A('OrderIT has 2 errors', counts(r1, lambda x: x['group'][2] == 'OrderIT')['errored'], 2)
            A('17/21 = 81%', (c1['passed'], c1['executed'], round(100 * c1['passed'] / c1['executed'])), (17, 21, 81))
            A('23 tests, 21 passing', (c2['collected'], c2['passed'], c2['failed'], c2['skipped'], c2['errored']), (23, 21, 1, 1, 0))
            A('passing 17 → 21', (c1['passed'], c2['passed'], c1['failed'] + c1['errored'], c2['failed'] + c2['errored']), (17, 21, 4, 1))
            A('4x fewer', (c1['failed'] + c1['errored']) / (c2['failed'] + c2['errored']), 4.0)
            A('both pass now', sorted(x['name'] for x in r2 if key(x) in fixes and x['name'] in ('roundsHalfEven', 'rejectsNegativeQty')), ['rejectsNegativeQty', 'roundsHalfEven'])
            A('OrderIT: 5/5', (counts(r2, lambda x: x['group'][2] == 'OrderIT')['passed'], counts(r2, lambda x: x['group'][2] == 'OrderIT')['executed'], (('api', 'failsafe', 'OrderIT'), 'updatesOrder') in new), (5, 5, True))
            A('from 4 to 7 passing', (counts(r1, FS)['passed'], counts(r2, FS)['passed']), (4, 7))
            A('unit tests: 15/15', (counts(r2, SF)['passed'], counts(r2, SF)['executed']), (14, 15))
            A('new failure:', [k[1] for k in regr], ['formatsNegative'])
            A('22/23 = 95.7%', (c2['passed'], c2['executed'], pct(c2['passed'], c2['executed'])), (21, 22, 95.5))
            A('All integration tests pass', (counts(r2, FS)['executed'], counts(r2, FS)['passed']), (7, 7))
        elif case == 'migration-plan-ctrf':
            S = lambda s: (lambda x: x['group'] == s)
            A('| 1. Auth', (counts(r2, S('auth'))['passed'], counts(r2, S('auth'))['collected']), (6, 6))
            A('| 2. Billing', (counts(r2, S('billing'))['passed'], counts(r2, S('billing'))['collected']), (7, 8))
            A('| 3. Reporting', (counts(r2, S('reporting'))['passed'], counts(r2, S('reporting'))['collected']), (3, 6))
            A('all 6 auth tests green', (counts(r2, S('auth'))['passed'], [x['name'] for x in r2 if x['group'] == 'auth' and x['flaky']]), (6, ['refreshes token']))
            A('both proration failures', sorted(k[1] for k in fixes if k[0] == 'billing'), ['prorates downgrade', 'prorates upgrade'])
            A('`voids invoice` is still', o(r2, lambda x: x['name'] == 'voids invoice'), 'skipped')
            A('reporting is 3 passing', ([x['status'] for x in r2 if x['group'] == 'reporting'].count('passed'), [x['name'] for x in r2 if x['group'] == 'reporting' and x['outcome'] == 'failed'], [x['status'] for x in r2 if x['group'] == 'reporting'].count('pending')), (3, ['exports CSV with BOM'], 2))
            A('16 of 17 executed', (c2['passed'], c2['executed'], pct(c2['passed'], c2['executed']), c1['passed'], c1['executed'], pct(c1['passed'], c1['executed'])), (16, 17, 94.1, 13, 16, 81.3))
            A('a 30% increase', (c2['passed'] - c1['passed'], pct(c2['passed'] - c1['passed'], c1['passed'])), (3, 23.1))
            A('Failures went from 3 to 1', (c1['failed'], c2['failed']), (3, 1))
            A('20 tests collected', (c2['collected'], sum(x['status'] == 'skipped' for x in r2), sum(x['status'] == 'pending' for x in r2)), (20, 1, 2))
            A('3 tests were flaky', sum(bool(x['flaky']) for x in r2), 2)
            A('critical path', (counts(r2, lambda x: x['group'] in ('auth', 'billing'))['executed'], counts(r2, lambda x: x['group'] in ('auth', 'billing'))['passed']), (13, 13))
        elif case == 'readme-status-xunit':
            C = lambda cl: (lambda x: x['group'][1] == cl)
            UA = lambda x: x['group'][0] == 'Acme.Inventory.Tests'
            A('**Tests:**', (c2['passed'], c2['failed'], c2['skipped']), (15, 1, 1))
            A('| Stock |', (counts(r2, C('StockTests'))['executed'], counts(r2, C('StockTests'))['passed']), (6, 6))
            A('| SKU parsing |', (counts(r2, C('SkuParserTests'))['passed'], counts(r2, C('SkuParserTests'))['collected'], counts(r1, C('SkuParserTests'))['failed']), (4, 4, 1))
            A('| Warehouse |', (counts(r2, C('WarehouseTests'))['collected'], counts(r2, C('WarehouseTests'))['skipped'], counts(r2, C('WarehouseTests'))['failed']), (3, 1, 0))
            A('| Database (integration) |', counts(r2, C('DbTests'))['failed'], 1)
            A('from 12 to 15 passing', (c1['passed'], c2['passed']), (12, 15))
            A('fully green (13/13)', (counts(r2, UA)['executed'], counts(r2, UA)['passed'], counts(r2, UA)['skipped']), (12, 12, 1))
            A('93.8% (15/16)', (c2['passed'], c2['executed'], pct(c2['passed'], c2['executed'])), (15, 16, 93.8))
            A('3 of 4 DB tests', (counts(r2, C('DbTests'))['passed'], counts(r2, C('DbTests'))['collected'], o(r2, lambda x: x['name'] == 'Migrate_IsIdempotent')), (3, 4, 'failed'))
            A('theory has 5 cases', sum(x['method'] == 'Parse_Sku' for x in r2), 4)
            A('Category=Unit', (counts(r2, lambda x: x['category'] == 'Unit')['executed'], counts(r2, lambda x: x['category'] == 'Unit')['passed']), (12, 12))
            A('is new in 2.3.0', (o(r2, lambda x: x['name'] == 'Release_IncrementsAvailable'), (('Acme.Inventory.Tests', 'StockTests'), 'Release_IncrementsAvailable') in new), ('passed', True))
        elif case == 'release-memo-nunit3':
            F = lambda fx: (lambda x: x['group'] == fx)
            A('(NUnit, 17 tests)', (c2['collected'], c2['passed'], c2['failed'], c2['inconclusive'], c2['skipped'], [x['label'] for x in r2 if x['outcome'] == 'skipped']), (17, 14, 1, 1, 1, ['Ignored']))
            A('87.5% of executed', (pct(c2['passed'], c2['executed']), pct(c1['passed'], c1['executed'])), (87.5, 80.0))
            A('All 7 posting tests', (counts(r2, F('PostingTests'))['passed'], counts(r2, F('PostingTests'))['collected'], o(r1, lambda x: x['name'] == 'Rounds(2.675m,2.68m)')), (7, 7, 'failed'))
            A('FX conversion: 4 of 5', (counts(r2, F('FxTests'))['passed'], counts(r2, F('FxTests'))['collected'], o(r2, lambda x: x['name'] == 'Converts_JPY')), (4, 5, 'inconclusive'))
            A('Reconciliation: `Matches_ByReference`', (o(r1, lambda x: x['name'] == 'Matches_ByReference'), o(r2, lambda x: x['name'] == 'Matches_ByReference'), o(r2, lambda x: x['name'] == 'Flags_Duplicates'), ('ReconciliationTests', 'Flags_Duplicates') in new), ('failed', 'passed', 'failed', True))
            A('Duplicate flagging test failing', [x['name'] for x in r2 if x['outcome'] == 'failed'], ['Flags_Duplicates'])
            A('5.1 baseline: 15 tests run', (c1['executed'], c1['passed'], c1['failed'], c1['inconclusive']), (15, 12, 2, 1))
            A('Fixes since 5.1', (sorted(k[1] for k in fixes), len(new), len(regr)), (['Matches_ByReference', 'Rounds(2.675m,2.68m)'], 1, 0))
            A('Failures halved', (c1['failed'], c2['failed']), (2, 1))
            A('Inconclusive results went', (c1['inconclusive'], c2['inconclusive']), (1, 1))
            A('Pass rate 14/16 = 89%', (c2['passed'], c2['executed'], pct(14, 16)), (14, 16, 87.5))
            A('production ready', c2['failed'], 1)
        for ln, v in labels.items():
            if v in ('SUPPORTED', 'CONTRADICTED', 'INCONSISTENT'):
                T(ln in asserted, '%s: line %d labeled %s has no assertion' % (case, ln, v))
        for ln in asserted:
            T(labels.get(ln) in ('SUPPORTED', 'CONTRADICTED', 'INCONSISTENT'), '%s: asserted line %d is labeled %s' % (case, ln, labels.get(ln)))
        total += 1
    files = {f for f in glob.glob(os.path.join(HERE, '*', 'runs', '*', '**', '*'), recursive=True) if os.path.isfile(f)}
    T(files == parsed, 'unparsed result files: %s' % sorted(files - parsed))
    print('OK: %d assertions over %d cases' % (n_assert, total))


main()
