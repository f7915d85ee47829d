#!/usr/bin/env python3
"""Checks the evidence of the fresh14 set with parsers of its own (never the tool).

Prints both runs' counts per case, asserts every number the SUPPORTED / CONTRADICTED / INCONSISTENT
labels rely on (the label's line number beside each), and checks the shape of every labels.tsv.
"""
import json, os, re, sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {'count', 'rate', 'change', 'universal', 'named', 'table', '-'}
VERDICTS = {'SUPPORTED', 'CONTRADICTED', 'INCONSISTENT', 'UNVERIFIABLE', 'NONE'}
FAILS = []
PARSED = set()


def fail(msg):
    FAILS.append(msg)
    print('  FAIL', msg)


def T(group, name, outcome, **kw):
    return dict(group=group, name=name, outcome=outcome, **kw)


# ---------------------------------------------------------------- parsers
def junit(path):
    """Surefire and pytest JUnit XML. P F E S FLAKY; declared counts checked against content."""
    root = ET.parse(path).getroot()
    out = []
    suites = [root] if root.tag == 'testsuite' else root.findall('testsuite')
    for s in suites:
        n = {'F': 0, 'E': 0, 'S': 0}
        cases = s.findall('testcase')
        for c in cases:
            tags = [ch.tag for ch in c]
            if 'failure' in tags: o = 'F'
            elif 'error' in tags: o = 'E'
            elif 'skipped' in tags: o = 'S'
            elif 'flakyFailure' in tags or 'flakyError' in tags: o = 'FLAKY'
            else: o = 'P'
            if o in n: n[o] += 1
            out.append(T(c.get('classname'), c.get('name'), o))
        decl = (int(s.get('tests')), int(s.get('failures')), int(s.get('errors')), int(s.get('skipped')))
        if decl != (len(cases), n['F'], n['E'], n['S']):
            fail(f'{path}: declared {decl} but content {(len(cases), n["F"], n["E"], n["S"])}')
    return out


def gotest(path):
    """go test -json: the last pass/fail/skip action of every Test (subtests are 'Parent/sub')."""
    final = {}
    pkgs = {}
    for line in open(path):
        e = json.loads(line)
        if e['Action'] in ('pass', 'fail', 'skip'):
            if 'Test' in e: final[(e['Package'], e['Test'])] = e['Action']
            else: pkgs[e['Package']] = e['Action']
    out = []
    for (pkg, name), a in final.items():
        parent = any(k[0] == pkg and k[1].startswith(name + '/') for k in final)
        out.append(T(pkg, name, {'pass': 'P', 'fail': 'F', 'skip': 'S'}[a], parent=parent, sub='/' in name))
    for pkg, a in pkgs.items():
        anyf = any(t['outcome'] == 'F' for t in out if t['group'] == pkg)
        if (a == 'fail') != anyf: fail(f'{path}: package {pkg} ends {a} but failing tests={anyf}')
    return out


POINT = re.compile(r'^(\s*)(ok|not ok) (\d+) - (.*?)(?: # (SKIP|TODO)\b.*)?$')


def tap(path):
    """TAP 14: leaves and subtest parents kept apart (parent=True); SKIP -> S, TODO -> TODO."""
    out = []
    f = os.path.basename(path)
    sub = None
    plans = {}
    for line in open(path):
        line = line.rstrip('\n')
        m = re.match(r'^# Subtest: (.*)$', line)
        if m: sub = m.group(1); continue
        m = re.match(r'^(\s*)1\.\.(\d+)$', line)
        if m: plans[len(m.group(1))] = plans.get(len(m.group(1)), []) + [int(m.group(2))]; continue
        m = POINT.match(line)
        if not m: continue
        ind, ok, num, desc, d = m.groups()
        o = 'S' if d == 'SKIP' else 'TODO' if d == 'TODO' else ('P' if ok == 'ok' else 'F')
        if ind:
            out.append(T(f'{f} > {sub}', desc, o, parent=False))
        elif desc == sub:
            kids = [t for t in out if t['group'] == f'{f} > {sub}']
            want = 'F' if any(k['outcome'] == 'F' for k in kids) else 'P'
            if o != want: fail(f'{path}: subtest {sub} point {o} but leaves say {want}')
            out.append(T(f, desc, o, parent=True))
            sub = None
        else:
            out.append(T(f, desc, o, parent=False))
    if plans.get(0) != [sum(1 for t in out if t['group'] == f)]: fail(f'{path}: plan {plans.get(0)}')
    return out


NS = {'t': 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010'}


def trx(path):
    root = ET.parse(path).getroot()
    cls = {u.get('id'): u.find('t:TestMethod', NS).get('className') for u in root.iterfind('.//t:UnitTest', NS)}
    out = []
    for r in root.iterfind('.//t:UnitTestResult', NS):
        o = {'Passed': 'P', 'Failed': 'F', 'NotExecuted': 'B'}[r.get('outcome')]
        out.append(T(cls[r.get('testId')], r.get('testName'), o))
    c = root.find('.//t:Counters', NS)
    got = (len(out), sum(t['outcome'] != 'B' for t in out), sum(t['outcome'] == 'P' for t in out),
           sum(t['outcome'] == 'F' for t in out), sum(t['outcome'] == 'B' for t in out))
    decl = tuple(int(c.get(k)) for k in ('total', 'executed', 'passed', 'failed', 'notExecuted'))
    if got != decl: fail(f'{path}: Counters {decl} but results {got}')
    return out


def xunit2(path):
    root = ET.parse(path).getroot()
    out = []
    for a in root.iter('assembly'):
        n = []
        for t in a.iter('test'):
            o = {'Pass': 'P', 'Fail': 'F', 'Skip': 'S'}[t.get('result')]
            traits = {(x.get('name'), x.get('value')) for x in t.iter('trait')}
            n.append(T(t.get('type'), t.get('method'), o, traits=traits))
        decl = tuple(int(a.get(k)) for k in ('total', 'passed', 'failed', 'skipped'))
        got = (len(n), *(sum(x['outcome'] == k for x in n) for k in 'PFS'))
        if decl != got: fail(f'{path}: assembly declares {decl} but has {got}')
        out += n
    return out


def ctrf(path):
    d = json.load(open(path))['results']
    st = {'passed': 'P', 'failed': 'F', 'skipped': 'S'}
    out = [T('e2e', t['name'], st[t['status']], file=t['filePath']) for t in d['tests']]
    s = d['summary']
    got = (len(out), *(sum(x['outcome'] == k for x in out) for k in 'PFS'))
    if (s['tests'], s['passed'], s['failed'], s['skipped']) != got: fail(f'{path}: summary {s} but tests {got}')
    return out


def read_run(d):
    out = []
    for dp, _, fs in os.walk(d):
        for f in sorted(fs):
            p = os.path.join(dp, f)
            if f.startswith('TEST-') and f.endswith('.xml') or f == 'junit.xml': out += junit(p)
            elif f.endswith('.json') and 'ctrf' in f: out += ctrf(p)
            elif f.endswith('.json'): out += gotest(p)
            elif f.endswith('.tap'): out += tap(p)
            elif f.endswith('.trx'): out += trx(p)
            elif f.endswith('.xunit.xml'): out += xunit2(p)
            else: fail(f'{p}: unknown result file'); continue
            PARSED.add(p)
    return out


# ---------------------------------------------------------------- counting
def sel(run, group=None, name=None, leaves=True):
    r = run
    if leaves: r = [t for t in r if not t.get('parent')]
    if group is not None: r = [t for t in r if t['group'] == group or t['group'].endswith('.' + group)]
    if name is not None: r = [t for t in r if t['name'] == name]
    return r


def cnt(run, **kw):
    r = sel(run, **kw)
    c = {k: sum(t['outcome'] == k for t in r) for k in ('P', 'F', 'E', 'S', 'FLAKY', 'B', 'TODO')}
    c['collected'] = len(r)
    c['executed'] = len(r) - c['S'] - c['B'] - c['TODO']
    c['bad'] = c['F'] + c['E']
    return c


def out(run, group, name):
    r = sel(run, group=group, name=name)
    assert len(r) == 1, (group, name, r)
    return r[0]['outcome']


def regressions(r1, r2):
    o1 = {(t['group'], t['name']): t['outcome'] for t in sel(r1)}
    return sorted(k for k in ((t['group'], t['name']) for t in sel(r2) if t['outcome'] in ('F', 'E'))
                  if o1.get(k) == 'P')


def fmt(c):
    return (f"{c['collected']} collected, {c['executed']} executed, {c['P']} passed, {c['F']} failed, {c['E']} errored, "
            f"{c['S']} skipped, {c['B']} blocked, {c['TODO']} todo, {c['FLAKY']} flaky")


# ---------------------------------------------------------------- assertions
CHECKED = {}


def claim(case, report, snippet, cond):
    hits = [i for i, l in enumerate(report, 1) if snippet in l]
    if len(hits) != 1:
        fail(f'{case}: snippet {snippet!r} found on lines {hits}'); return
    line = hits[0]
    CHECKED.setdefault(case, set()).add(line)
    try: ok = bool(cond())
    except Exception as e: ok = False; print('   ', repr(e))
    print(f'  {"ok  " if ok else "FAIL"} line {line}: {snippet}')
    if not ok: FAILS.append(f'{case}:{line} {snippet}')


def checks(case, r1, r2):
    c1, c2 = cnt(r1), cnt(r2)
    R = lambda s, f: claim(case, REPORT[case], s, f)
    pct = lambda a, b: round(100 * a / b, 1)
    if case == 'pr-description-surefire':
        R('13 passing tests, 1 failing, 1 skipped (plus 1 flaky)', lambda: (c2['P'], c2['bad'], c2['S'], c2['FLAKY']) == (13, 1, 1, 1))
        R('16 tests collected, 15 executed', lambda: (c2['collected'], c2['executed']) == (16, 15))
        R('86.7% (13/15)', lambda: c2['P'] == 13 and c2['executed'] == 15 and pct(13, 15) == 86.7)
        R('7/7 passing', lambda: cnt(r2, group='CartServiceTest')['P'] == 7 == cnt(r2, group='CartServiceTest')['collected']
          and not sel(r1, name='splitsShipment') and out(r2, 'CartServiceTest', 'splitsShipment') == 'P')
        R('Failures went from 3', lambda: c1['bad'] == 3 and c2['bad'] == 1 and round(100 * 2 / 3) == 67)
        R('were the 2 failures in', lambda: [t['name'] for t in sel(r1, group='CartServiceTest') if t['outcome'] == 'F'] == ['totalsWithTax', 'mergesCarts']
          and out(r2, 'CartServiceTest', 'totalsWithTax') == out(r2, 'CartServiceTest', 'mergesCarts') == 'P')
        R('`declinedCard` no longer errors', lambda: out(r1, 'CheckoutFlowTest', 'declinedCard') == 'E' and out(r2, 'CheckoutFlowTest', 'declinedCard') == 'P')
        R('`PriceFormatterTest`: 4 of 4 pass', lambda: cnt(r2, group='PriceFormatterTest')['P'] == 3 and cnt(r2, group='PriceFormatterTest')['S'] == 1)
        R('`retriesGateway` is flaky', lambda: out(r2, 'CheckoutFlowTest', 'retriesGateway') == 'FLAKY')
        R('1 regression: `CheckoutFlowTest.timeout`', lambda: regressions(r1, r2) == [('com.acme.cart.CheckoutFlowTest', 'timeout')])
        R('12 of 15 executed tests pass', lambda: c2['P'] == 13 != 12)
        R('All `CartServiceTest` tests pass', lambda: cnt(r2, group='CartServiceTest')['P'] == cnt(r2, group='CartServiceTest')['collected'])
        R('No new failures in the cart package', lambda: regressions(r1, r2) != [])
        R('Ready to merge, everything is green', lambda: c2['bad'] + c2['FLAKY'] + c2['S'] > 0)
    elif case == 'postmortem-gotest':
        R('4 tests failing across 3 packages', lambda: c1['F'] == 4 and len({t['group'] for t in r1 if t['outcome'] == 'F'}) == 3)
        R('has 2 failures, `TestCreateEntry`', lambda: sorted(t['name'] for t in sel(r1, group='example.com/ledger/api') if t['outcome'] == 'F') == ['TestCreateEntry', 'TestListEntries'])
        R('passed 2/2 in build 3318', lambda: cnt(r1, group='example.com/ledger/sync')['P'] == 1)
        R('it also fails in build 3318', lambda: out(r1, 'example.com/ledger/store', 'TestCompact') == 'F')
        R('build 3325: 0 failures, 1 skipped', lambda: c2['F'] == 0 and c2['S'] == 1 and out(r2, 'example.com/ledger/api', 'TestRateLimit') == 'S')
        R('The 5 failures in build 3318', lambda: c1['F'] == 4)
        R('took failures from 4 to 0', lambda: (c1['F'], c2['F']) == (4, 0))
        R('all 3 `TestMigrate` subtests', lambda: all(len([t for t in sel(r, group='example.com/ledger/store') if t['name'].startswith('TestMigrate/') and t['outcome'] == 'P']) == 3 for r in (r1, r2))
          and out(r1, 'example.com/ledger/store', 'TestCompact') == 'F' and out(r2, 'example.com/ledger/store', 'TestCompact') == 'P')
        R('fully green again: 4/4', lambda: (cnt(r2, group='example.com/ledger/api')['P'], cnt(r2, group='example.com/ledger/api')['S']) == (3, 1))
        R('both tests pass in build 3325', lambda: cnt(r2, group='example.com/ledger/sync')['P'] == 2 == cnt(r2, group='example.com/ledger/sync')['collected'])
        R('Skipped tests: 2 in build 3325', lambda: c2['S'] == 1)
        R('No regressions in build 3325', lambda: regressions(r1, r2) == [])
    elif case == 'standup-tap':
        P, Rn, C = 'parser.tap', 'render.tap', 'cli.tap'
        R('went from 4/5 to 6/6', lambda: (cnt(r1, group=P)['P'], cnt(r1, group=P)['collected'], cnt(r2, group=P)['P'], cnt(r2, group=P)['collected']) == (4, 5, 6, 6)
          and out(r2, P, 'parses tables') == 'P' and not sel(r1, name='parses tables'))
        R('was the only parser failure', lambda: [t['name'] for t in sel(r1, group=P) if t['outcome'] == 'F'] == ['parses nested lists'] and out(r2, P, 'parses nested lists') == 'P')
        R('is all green now (6/6)', lambda: cnt(r2, group=P)['P'] == 6 == cnt(r2, group=P)['collected'])
        R('`escapes html` in render was failing', lambda: out(r1, Rn, 'escapes html') == 'F' and out(r2, Rn, 'escapes html') == 'P')
        R('`render.tap` is 4 of 4 green', lambda: (cnt(r2, group=Rn)['P'], cnt(r2, group=Rn)['S']) == (3, 1))
        R('the 1 skipped test left in render', lambda: cnt(r2, group=Rn)['S'] == 1 and out(r2, Rn, 'fetches remote css') == 'S')
        R('all 3 flag subtests passed', lambda: cnt(r1, group=C + ' > flags')['P'] == 3 == cnt(r1, group=C + ' > flags')['collected'])
        R('is still a TODO, not a failure', lambda: out(r2, C, 'reads stdin') == 'TODO')
        R('started failing this morning', lambda: out(r1, C + ' > flags', '--color=never') == 'P' and out(r2, C + ' > flags', '--color=never') == 'F'
          and out(r2, C + ' > flags', '--output') == out(r2, C + ' > flags', '--quiet') == 'P')
        R('parser 5/6, render 3/4, cli flags 2/3', lambda: cnt(r2, group=P)['P'] == 6 and (cnt(r2, group=Rn)['P'], cnt(r2, group=Rn)['collected']) == (3, 4)
          and (cnt(r2, group=C + ' > flags')['P'], cnt(r2, group=C + ' > flags')['collected']) == (2, 3))
        R('parser and render had 2 failing tests', lambda: cnt(r1, group=P)['F'] + cnt(r1, group=Rn)['F'] == 2 and cnt(r2, group=P)['F'] + cnt(r2, group=Rn)['F'] == 0)
    elif case == 'qa-signoff-trx':
        row = lambda r, g: (cnt(r, group=g)['P'], cnt(r, group=g)['F'], cnt(r, group=g)['B'], cnt(r, group=g)['collected'])
        R('| Login | 5 | 0 | 0 | 5 |', lambda: row(r2, 'LoginTests') == (5, 0, 0, 5))
        R('| Search | 6 | 0 | 1 | 8 |', lambda: 6 + 0 + 1 != 8 and row(r2, 'SearchTests') == (6, 0, 1, 7))
        R('| **Total** | **15** | **1** | **1** | **17** |', lambda: (c2['P'], c2['F'], c2['B'], c2['collected']) == (15, 1, 1, 17))
        R('| Login | 4 | 1 | 0 | 5 |', lambda: row(r1, 'LoginTests') == (4, 1, 0, 5))
        R('| Search | 5 | 0 | 1 | 6 |', lambda: row(r1, 'SearchTests') == (5, 0, 1, 6))
        R('| **Total** | **13** | **2** | **1** | **16** |', lambda: (c1['P'], c1['F'], c1['B'], c1['collected']) == (12, 3, 1, 16))
        R('all 5 tests pass, including the lockout', lambda: row(r2, 'LoginTests') == (5, 0, 0, 5) and out(r1, 'LoginTests', 'LocksAfterFiveAttempts') == 'F')
        R('1 test blocked (`FacetsWithEmptyIndex`', lambda: row(r2, 'SearchTests')[2] == 1 and out(r2, 'SearchTests', 'FacetsWithEmptyIndex') == 'B'
          and out(r2, 'SearchTests', 'SuggestsSpelling') == 'P' and not sel(r1, name='SuggestsSpelling'))
        R('`RefundPartial` still fails', lambda: out(r1, 'PaymentsTests', 'RefundPartial') == out(r2, 'PaymentsTests', 'RefundPartial') == 'F'
          and out(r1, 'PaymentsTests', 'RefundFull') == 'F' and out(r2, 'PaymentsTests', 'RefundFull') == 'P')
        R('Failures are down from 3', lambda: (c1['F'], c2['F']) == (3, 1))
        R('Pass rate 88.2% (15 of 17)', lambda: (c2['P'], c2['collected']) == (15, 17) and pct(15, 17) == 88.2)
        R('Of the 16 tests we could execute', lambda: (c2['executed'], c2['P']) == (16, 15))
        R('No failures outside Payments', lambda: {t['group'] for t in r2 if t['outcome'] == 'F'} == {'Shop.Tests.PaymentsTests'})
        R('rc2 is release ready', lambda: c2['F'] + c2['B'] > 0)
        # the Payments rows are the same text in both tables: rc2 (first) and rc1 (second)
        both = [i for i, l in enumerate(REPORT[case], 1) if l == '| Payments | 4 | 1 | 0 | 5 |']
        for line, r, want in ((both[0], r2, (4, 1, 0, 5)), (both[1], r1, (3, 2, 0, 5))):
            CHECKED[case].add(line)
            ok = row(r, 'PaymentsTests') == want
            print(f'  {"ok  " if ok else "FAIL"} line {line}: | Payments | 4 | 1 | 0 | 5 | (evidence {want})')
            if not ok: FAILS.append(f'{case}:{line}')
    elif case == 'agent-summary-pytest':
        D, M, I = 'tests.test_dates', 'tests.test_money', 'tests.test_io'
        R('The first run had 7 passing', lambda: (c1['P'], c1['F'], c1['E'], c1['S'], c1['executed'], c1['collected']) == (7, 5, 1, 1, 13, 14))
        R('all 4 `test_parse_date` cases', lambda: [t['outcome'] for t in r2 if t['name'].startswith('test_parse_date[')] == ['P'] * 4)
        R('I fixed `test_weekday`', lambda: out(r1, D, 'test_weekday') == 'F' and out(r2, D, 'test_weekday') == 'P')
        R('I fixed the `test_convert` setup error', lambda: out(r1, M, 'test_convert') == 'E' and out(r2, M, 'test_convert') == 'P')
        R('rounding for `test_round[1.005]`', lambda: out(r1, M, 'test_round[1.005]') == 'F' and out(r2, M, 'test_round[1.005]') == 'P')
        R('All 13 tests now pass.', lambda: c2['executed'] == 13 and c2['P'] == 12)
        R('Final run: 12 passed, 1 failed, 1 skipped (14 collected)', lambda: (c2['P'], c2['F'], c2['S'], c2['collected']) == (12, 1, 1, 14))
        R('from 53.8% to 92.3%', lambda: pct(c1['P'], c1['executed']) == 53.8 and pct(c2['P'], c2['executed']) == 92.3)
        R('went from 6 to 1, a 5x', lambda: 6 / 1 != 5 and (c1['bad'], c2['bad']) == (6, 1))
        R('`test_money`: 4/5 passing', lambda: (cnt(r2, group=M)['P'], cnt(r2, group=M)['collected']) == (4, 5))
        R('`test_io` is untouched', lambda: all((cnt(r, group=I)['P'], cnt(r, group=I)['S']) == (2, 1) for r in (r1, r2)))
        R('`test_dates` went from 3/6 to 6/6', lambda: (cnt(r1, group=D)['P'], cnt(r2, group=D)['P'], cnt(r2, group=D)['collected']) == (3, 6, 6))
        R('No regressions: every test that passed', lambda: all(out(r2, t['group'], t['name']) == 'P' for t in r1 if t['outcome'] == 'P'))
        R('still fails: 2.675', lambda: out(r1, M, 'test_round[2.675]') == out(r2, M, 'test_round[2.675]') == 'F')
        R('The remaining 2 failures', lambda: c2['bad'] == 1)
        R('The branch is ready to merge.', lambda: c2['bad'] > 0)
    elif case == 'release-notes-xunit-ctrf':
        E = [t for t in r2 if t['group'] == 'e2e']
        E1 = [t for t in r1 if t['group'] == 'e2e']
        smoke = [t for t in r2 if ('Category', 'smoke') in t.get('traits', set())]
        R('9 of 10 executed tests pass (12 collected, 2 skipped)', lambda: (c2['P'], c2['executed'], c2['collected'], c2['S']) == (9, 10, 12, 2))
        R('from 75% in 3.1 to 90% in 3.2', lambda: pct(c1['P'], c1['executed']) == 75.0 and pct(c2['P'], c2['executed']) == 90.0)
        R('Failures: 2 in 3.1, 1 in 3.2', lambda: (c1['F'], c2['F']) == (2, 1))
        R('all green (4/4)', lambda: cnt(r2, group='OrdersTests')['P'] == 4 == cnt(r2, group='OrdersTests')['collected'] and not sel(r1, name='ExportsCsv'))
        R('Smoke tests: 2 of 3 pass', lambda: len(smoke) == 3 and [t['name'] for t in smoke if t['outcome'] != 'P'] == ['ResetsPassword'] and out(r2, 'UsersTests', 'ResetsPassword') == 'F')
        R('E2E (Playwright): 4 passed, 0 failed, 1 skipped', lambda: [sum(t['outcome'] == k for t in E) for k in 'PFS'] == [4, 0, 1])
        R('Zero failing e2e tests for the second', lambda: sum(t['outcome'] == 'F' for t in E1) == 1)
        R('All 12 tests were executed', lambda: (c2['collected'], c2['executed']) == (12, 10))
        R('`search filters` is fixed', lambda: out(r1, 'e2e', 'search filters') == 'F' and out(r2, 'e2e', 'search filters') == 'P')
        R('Overall: 8 of the 10', lambda: c2['P'] == 9)
        R('Test count grew from 10 to 12', lambda: (c1['collected'], c2['collected']) == (10, 12))
        R('`UsersTests.ResetsPassword` fails', lambda: out(r2, 'UsersTests', 'ResetsPassword') == 'F')
        R('It is the only regression since 3.1', lambda: regressions(r1, r2) == [('Orbit.Api.Tests.UsersTests', 'ResetsPassword')])
        R('`DeletesAccount` stays skipped', lambda: out(r2, 'UsersTests', 'DeletesAccount') == 'S')
        R('`profile edit` e2e test is skipped', lambda: out(r1, 'e2e', 'profile edit') == out(r2, 'e2e', 'profile edit') == 'S')


# ---------------------------------------------------------------- labels shape
def shape(case, report):
    rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, case, 'labels.tsv')) if l.strip()]
    seen = {}
    for r in rows:
        if len(r) != 4: fail(f'{case}: bad row {r}'); continue
        n, k, v, note = r
        n = int(n)
        if n in seen: fail(f'{case}: line {n} labeled twice')
        seen[n] = v
        if not (1 <= n <= len(report)) or not report[n - 1].strip(): fail(f'{case}: row for empty/missing line {n}')
        if k not in KINDS or v not in VERDICTS or not note.strip(): fail(f'{case}: bad kind/verdict/note on {n}')
        if (v == 'NONE') != (k == '-'): fail(f'{case}: NONE needs kind - (line {n})')
        if v == 'NONE' and not re.search(r'\d', report[n - 1]): fail(f'{case}: NONE row on a line without a digit ({n})')
    for i, l in enumerate(report, 1):
        if re.search(r'\d', l) and i not in seen: fail(f'{case}: line {i} holds a digit but has no row')
    for n, v in seen.items():
        if v in ('SUPPORTED', 'CONTRADICTED', 'INCONSISTENT') and n not in CHECKED.get(case, set()):
            fail(f'{case}: line {n} labeled {v} has no assertion')
    for n in CHECKED.get(case, set()):
        if seen.get(n) not in ('SUPPORTED', 'CONTRADICTED', 'INCONSISTENT'): fail(f'{case}: asserted line {n} is labeled {seen.get(n)}')
    return seen


REPORT = {}
totals = {}
for case in sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d))):
    REPORT[case] = open(os.path.join(HERE, case, 'report.md')).read().split('\n')
    print(f'== {case}')
    r1 = read_run(os.path.join(HERE, case, 'runs', '1'))
    r2 = read_run(os.path.join(HERE, case, 'runs', '2'))
    print('  run 1:', fmt(cnt(r1)))
    print('  run 2:', fmt(cnt(r2)))
    checks(case, r1, r2)
    seen = shape(case, REPORT[case])
    for v in seen.values(): totals[v] = totals.get(v, 0) + 1
all_files = {os.path.join(dp, f) for case in REPORT for dp, _, fs in os.walk(os.path.join(HERE, case, 'runs')) for f in fs}
if all_files - PARSED: fail(f'unparsed result files: {sorted(all_files - PARSED)}')
print('labels:', totals, 'claims:', sum(v for k, v in totals.items() if k != 'NONE'))
if FAILS:
    print(f'{len(FAILS)} FAILED'); sys.exit(1)
print('all evidence checks pass')
