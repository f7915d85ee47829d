#!/usr/bin/env python3
"""Checks the evidence of the fresh18 set (never the tool): parses every result file with parsers of its
own, prints the whole-run counts, asserts every number that the SUPPORTED / CONTRADICTED / INCONSISTENT
labels rely on, and checks the shape of every labels.tsv. Prints `OK: N assertions over 6 cases`."""
import glob, json, os, re, sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {'count', 'rate', 'change', 'universal', 'named', 'table', '-'}
VERDICTS = {'SUPPORTED', 'CONTRADICTED', 'INCONSISTENT', 'UNVERIFIABLE', 'NONE'}
# the QA sign-off speaks of modules; each module's tests are one class container in the OTR events
OTR_MODULES = {'CheckoutServiceTest': 'checkout-service', 'InventoryServiceTest': 'inventory-service',
               'NotificationDispatchTest': 'notifications'}

class Run:
    def __init__(self):
        self.tests = []      # (groups tuple, name, status P/F/E/S)
        self.unbuilt = set()
        self.files = 0
    def add(self, groups, name, status):
        assert status in 'PFES', status
        self.tests.append((tuple(groups), name, status))

def cnt(c):
    return int(c) if c not in (None, '') else 0

def junit_status(tc):
    if tc.find('failure') is not None: return 'F'
    if tc.find('error') is not None: return 'E'
    if tc.find('skipped') is not None: return 'S'
    return 'P'

def check_declared(suite, cases):
    st = [junit_status(tc) for tc in cases]
    assert cnt(suite.get('tests')) == len(st), (suite.get('name'), suite.get('tests'), len(st))
    assert cnt(suite.get('failures')) == st.count('F'), suite.get('name')
    assert cnt(suite.get('errors')) == st.count('E'), suite.get('name')
    if suite.get('skipped') is not None:
        assert cnt(suite.get('skipped')) == st.count('S'), suite.get('name')

def parse_gradle(d, run):
    for f in sorted(glob.glob(f'{d}/*/build/test-results/test/TEST-*.xml')):
        run.files += 1
        sub = os.path.relpath(f, d).split(os.sep)[0]
        s = ET.parse(f).getroot()
        assert s.tag == 'testsuite'
        cases = s.findall('testcase'); check_declared(s, cases)
        cls = s.get('name').split('.')[-1]
        for tc in cases:
            run.add([sub, cls], tc.get('name').removesuffix('()'), junit_status(tc))

def parse_jest(d, run):
    for f in sorted(glob.glob(f'{d}/junit.xml')):
        run.files += 1
        root = ET.parse(f).getroot(); assert root.tag == 'testsuites'
        allc = []
        for s in root.findall('testsuite'):
            cases = s.findall('testcase'); check_declared(s, cases); allc += cases
            for tc in cases:
                assert tc.get('classname') == tc.get('name') and tc.get('name').startswith(s.get('name') + ' ')
                run.add([s.get('name')], tc.get('name'), junit_status(tc))
        assert cnt(root.get('tests')) == len(allc) and cnt(root.get('failures')) == sum(junit_status(c) == 'F' for c in allc)

def parse_go(d, run):
    for f in sorted(glob.glob(f'{d}/*.json')):
        run.files += 1
        res = {}; built_fail = set(); pkg_result = {}
        for line in open(f):
            e = json.loads(line)
            if e['Action'] == 'build-fail': built_fail.add(e['ImportPath'])
            p = e.get('Package') or e.get('ImportPath')
            if e['Action'] in ('pass', 'fail', 'skip'):
                if 'Test' in e: res[(p, e['Test'])] = {'pass': 'P', 'fail': 'F', 'skip': 'S'}[e['Action']]
                else: pkg_result[p] = e
        for p in built_fail:
            assert pkg_result[p].get('FailedBuild') == p and pkg_result[p]['Action'] == 'fail'
            assert not any(k[0] == p for k in res)
            run.unbuilt.add(p.split('/', 3)[3])
        for (p, t), s in res.items():
            run.add([p.split('/', 3)[3]], t, s)

def parse_mocha(d, run):
    for f in sorted(glob.glob(f'{d}/reports/*.json')):
        run.files += 1
        j = json.load(open(f)); st = j['stats']
        assert st['tests'] == len(j['tests']) == len(j['passes']) + len(j['failures']) + len(j['pending'])
        assert (st['passes'], st['failures'], st['pending']) == (len(j['passes']), len(j['failures']), len(j['pending']))
        kind = {}
        for k, s in (('passes', 'P'), ('failures', 'F'), ('pending', 'S')):
            for t in j[k]: kind[t['fullTitle']] = s
        for t in j['tests']:
            suite = t['fullTitle'][:-len(t['title'])].strip()
            run.add([suite], t['fullTitle'], kind[t['fullTitle']])

def parse_phpunit(d, run):
    for f in sorted(glob.glob(f'{d}/build/logs/*.xml')):
        run.files += 1
        def walk(s, groups):
            cases = s.findall('.//testcase'); check_declared(s, cases)
            assert cnt(s.get('assertions')) == sum(cnt(c.get('assertions')) for c in cases)
            name = s.get('name')
            g = groups + ([name.split('::')[-1] if '::' in name else name.split('\\')[-1]] if name else [])
            for tc in s.findall('testcase'): run.add(g, tc.get('name'), junit_status(tc))
            for sub in s.findall('testsuite'): walk(sub, g)
        for s in ET.parse(f).getroot().findall('testsuite'): walk(s, [])

def parse_otr(d, run):
    ns = {'e': 'https://schemas.opentest4j.org/reporting/events/0.2.0', 'c': 'https://schemas.opentest4j.org/reporting/core/0.2.0',
          'junit': 'https://schemas.junit.org/open-test-reporting'}
    for f in sorted(glob.glob(f'{d}/build/test-results/open-test-reporting/*.xml')):
        run.files += 1
        root = ET.parse(f).getroot(); started = {}
        for el in root:
            if el.tag == f"{{{ns['e']}}}started":
                started[el.get('id')] = (el.get('name'), el.get('parentId'), el.find('c:metadata/junit:type', ns).text)
            elif el.tag == f"{{{ns['e']}}}finished":
                name, parent, typ = started[el.get('id')]
                status = el.find('c:result', ns).get('status')
                if typ == 'TEST':
                    cls = started[parent][0]
                    run.add([OTR_MODULES[cls], cls], name.removesuffix('()'),
                            {'SUCCESSFUL': 'P', 'FAILED': 'F', 'ERRORED': 'E', 'SKIPPED': 'S', 'ABORTED': 'S'}[status])

PARSERS = {'standup-slack-gradle': parse_gradle, 'pr-description-jest': parse_jest, 'agent-summary-gotest': parse_go,
           'sprint-review-mocha': parse_mocha, 'postmortem-phpunit': parse_phpunit, 'qa-signoff-otr': parse_otr}

def make_env(r1, r2):
    R = {1: r1, 2: r2}
    def sel(run, group):
        return [x for x in R[run].tests if group is None or group in x[0]]
    def t(run, key, group=None):
        st = [x[2] for x in sel(run, group)]
        return {'collected': len(st), 'executed': sum(s != 'S' for s in st), 'passed': st.count('P'),
                'failed': st.count('F'), 'errored': st.count('E'), 'skipped': st.count('S')}[key]
    def st(run, name):
        m = [x[2] for x in R[run].tests if x[1] == name]
        assert len(m) <= 1, name
        return m[0] if m else None
    def pairs():
        a = {(x[0], x[1]): x[2] for x in r1.tests}; b = {(x[0], x[1]): x[2] for x in r2.tests}
        return a, b
    def new(group=None):
        a, b = pairs(); return sum(1 for k in b if k not in a and (group is None or group in k[0]))
    def new_passed():
        a, b = pairs(); return sum(1 for k, s in b.items() if k not in a and s == 'P')
    def fixes():
        a, b = pairs(); return sum(1 for k, s in b.items() if s == 'P' and a.get(k) in ('F', 'E'))
    def regs():
        a, b = pairs(); return sum(1 for k, s in b.items() if s in ('F', 'E') and a.get(k) == 'P')
    def both_failed():
        a, b = pairs(); return sum(1 for k, s in b.items() if s in ('F', 'E') and a.get(k) in ('F', 'E'))
    def built(run, pkg): return pkg not in R[run].unbuilt
    def subtests(run, parent): return sum(1 for x in R[run].tests if x[1].startswith(parent + '/'))
    def subtests_passed(run, parent): return sum(1 for x in R[run].tests if x[1].startswith(parent + '/') and x[2] == 'P')
    def modules(run): return len({x[0][0] for x in R[run].tests})
    def pct(a, b): return round(100 * a / b, 1)
    return dict(t=t, st=st, new=new, new_passed=new_passed, fixes=fixes, regs=regs, both_failed=both_failed,
                built=built, subtests=subtests, subtests_passed=subtests_passed, modules=modules, pct=pct)

# (case, the report line's text, what the evidence must satisfy)
ASSERTS = [
    ('standup-slack-gradle', ':wave: morning! yesterday I landed the rounding fix for LEDGER-412, `roundsHalfEven` passes now :white_check_mark:',
     "st(1,'roundsHalfEven')=='F' and st(2,'roundsHalfEven')=='P'"),
    ('standup-slack-gradle', '> nice!! so core is fully green now — all 13 core tests passing on the nightly :tada:',
     "t(2,'executed','core')==13 and t(2,'passed','core')==13"),
    ('standup-slack-gradle', 'yesterday: two new RateLimiter tests for the sliding-window edge and clock skew, so 7 in RateLimiterTest now, all pass',
     "t(1,'collected','RateLimiterTest')==5 and t(2,'executed','RateLimiterTest')==7 and t(2,'passed','RateLimiterTest')==7 and new('RateLimiterTest')==2"),
    ('standup-slack-gradle', "blocked on `appliesCoupon` — still failing in CheckoutFlowTest, same as Monday's run",
     "st(1,'appliesCoupon')=='F' and st(2,'appliesCoupon')=='F'"),
    ('standup-slack-gradle', 'nightly numbers for the record: 22 tests, 20 passing, 1 failing, 1 skipped :chart_with_upwards_trend:',
     "t(2,'collected')==22 and t(2,'passed')==19 and t(2,'errored')==1"),
    ('standup-slack-gradle', "that's up from 17 passing on Monday's baseline",
     "t(1,'passed')==17"),
    ('standup-slack-gradle', 'pass rate went from 89.5% to 95.2% :rocket:',
     "pct(t(1,'passed'),t(1,'executed'))==89.5 and pct(t(2,'passed'),t(2,'executed'))==90.5"),
    ('standup-slack-gradle', '> wait, web had an error last night — `expiresIdle` blew up with an NPE in SessionControllerTest. so not 20',
     "st(1,'expiresIdle')=='P' and st(2,'expiresIdle')=='E'"),
    ('standup-slack-gradle', "> ah you're right, 19 passing + 1 error then. my bad :sweat_smile:",
     "t(2,'passed')==19 and t(2,'errored')==1"),
    ('standup-slack-gradle', '@Dev the web project still only runs 8 of its 9 tests right? ssoLogin is @Disabled until the IdP sandbox is back',
     "t(2,'collected','web')==9 and t(2,'executed','web')==8 and st(2,'ssoLogin')=='S'"),
    ('standup-slack-gradle', 'summary for the notes: 2 new tests, 1 fix, 1 regression (expiresIdle), 1 known failure (appliesCoupon). release 2.14.0 waits on the coupon fix',
     'new()==2 and fixes()==1 and regs()==1 and both_failed()==1'),
    ('standup-slack-gradle', '> ok so for the ticket: 21 ran, 19 passed, 1 failed, 1 errored (1 skipped) → 95% pass rate',
     "t(2,'executed')==21 and t(2,'passed')==19 and t(2,'failed')==1 and t(2,'errored')==1 and t(2,'skipped')==1 and round(100*19/21)!=95"),
    ('pr-description-jest', '- added 3 tests to the CouponInput suite (case-insensitive, disabled submit, reset)',
     "new()==3 and new('CouponInput')==3"),
    ('pr-description-jest', '- `npm test` locally: 16 tests, 15 passed, 1 skipped ✅',
     "t(2,'collected')==16 and t(2,'passed')==14 and t(2,'failed')==1 and t(2,'skipped')==1"),
    ('pr-description-jest', '- CouponInput: 7/7 passing (was 3/4 on main)',
     "t(2,'executed','CouponInput')==7 and t(2,'passed','CouponInput')==7 and t(1,'executed','CouponInput')==4 and t(1,'passed','CouponInput')==3"),
    ('pr-description-jest', '- "rejects expired codes" was the one failing on main and now passes',
     "st(1,'CouponInput rejects expired codes')=='F' and st(2,'CouponInput rejects expired codes')=='P' and t(1,'failed')==1"),
    ('pr-description-jest', '- the useCartTotals currency-switch test is still `it.skip`, so 3 of 4 run there',
     "t(2,'collected','useCartTotals')==4 and t(2,'executed','useCartTotals')==3"),
    ('pr-description-jest', '- PriceFormatter untouched, 5/5 green',
     "t(2,'executed','PriceFormatter')==5 and t(2,'passed','PriceFormatter')==4"),
    ('pr-description-jest', '- pass rate on main was 91.7%, now 100% of executed tests 🎉',
     "pct(t(1,'passed'),t(1,'executed'))==91.7 and pct(t(2,'passed'),t(2,'executed'))==93.3"),
    ('pr-description-jest', '- net change: +3 tests (13 → 17 collected)',
     "t(1,'collected')==13 and new()==3 and 13+3!=17"),
    ('pr-description-jest', '- [x] Tests added (3 new, all passing)',
     'new()==3 and new_passed()==3'),
    ('pr-description-jest', '- [x] All tests pass in CI',
     "t(2,'failed')==1"),
    ('pr-description-jest', '- [x] No regressions vs main',
     "regs()==1 and st(1,'PriceFormatter formats negative amounts')=='P' and st(2,'PriceFormatter formats negative amounts')=='F'"),
    ('agent-summary-gotest', "I've completed the refactor of the WAL compaction path (task #58) and the escape handling in the parser. All work is done and the test suite is green. ✅",
     "built(2,'internal/httpapi')==False and t(1,'collected','internal/httpapi')==4"),
    ('agent-summary-gotest', '| internal/parser | 6 | 6 | 0 |',
     "t(2,'executed','internal/parser')==6 and t(2,'passed','internal/parser')==6"),
    ('agent-summary-gotest', '| internal/store | 5 | 5 | 0 |',
     "t(2,'executed','internal/store')==5 and t(2,'passed','internal/store')==5"),
    ('agent-summary-gotest', '| internal/httpapi | 4 | 3 | 1 |',
     "built(2,'internal/httpapi')==False and t(2,'executed','internal/httpapi')==0"),
    ('agent-summary-gotest', '| **Total** | **15** | **14** | **1** |',
     "t(2,'executed')==11 and t(2,'passed')==11 and t(2,'failed')==0 and 6+5+4==15 and 6+5+3==14"),
    ('agent-summary-gotest', '- Before my changes: 12 tests run, 10 passing, 2 failing (`TestCompact`, `TestList`).',
     "t(1,'executed')==12 and t(1,'passed')==10 and t(1,'failed')==2 and st(1,'TestCompact')=='F' and st(1,'TestList')=='F'"),
    ('agent-summary-gotest', '- After: 14/15 passing (93.3%), up from 83.3%.',
     "t(2,'passed')==11 and t(2,'executed')==11 and pct(10,12)==83.3 and pct(14,15)==93.3"),
    ('agent-summary-gotest', '- `TestCompact` now passes, including the new `TestCompact/tombstones` subtest.',
     "st(1,'TestCompact')=='F' and st(2,'TestCompact')=='P' and st(1,'TestCompact/tombstones') is None and st(2,'TestCompact/tombstones')=='P'"),
    ('agent-summary-gotest', '- Added `TestParse/escapes` — 4 subtests under TestParse now, all passing.',
     "subtests(2,'TestParse')==4 and subtests_passed(2,'TestParse')==4 and st(2,'TestParse/escapes')=='P'"),
    ('agent-summary-gotest', '- Adding the 2 new subtests to the 13 we had gives 16 tests in total.',
     "t(1,'collected')==13 and new()==2 and 13+2!=16"),
    ('agent-summary-gotest', '- Improvement: 2 failing → 1 failing, a 50% reduction in failures.',
     "t(1,'failed')==2 and t(2,'failed')==0"),
    ('sprint-review-mocha', '| Billing | 7 passing | 5/6 | 7/7 | ✅ on target |',
     "t(1,'passed','Billing')==5 and t(1,'executed','Billing')==6 and t(2,'passed','Billing')==7 and t(2,'executed','Billing')==7"),
    ('sprint-review-mocha', '| Onboarding | 6 passing | 4/4 | 5/5 | ✅ on target |',
     "t(1,'passed','Onboarding')==4 and t(1,'executed','Onboarding')==4 and t(2,'passed','Onboarding')==4 and t(2,'executed','Onboarding')==5"),
    ('sprint-review-mocha', '| Notifications | 4 passing | 3/4 | 3/4 | ❌ quiet hours |',
     "t(1,'passed','Notifications')==3 and t(1,'executed','Notifications')==4 and t(2,'passed','Notifications')==3 and t(2,'executed','Notifications')==4"),
    ('sprint-review-mocha', '| **Total** | 17 passing | 12/14 | 15/16 | |',
     "t(1,'passed')==12 and t(1,'executed')==14 and t(2,'passed')==14 and t(2,'executed')==16"),
    ('sprint-review-mocha', '- Proration on mid-cycle downgrades finally passes ("prorates mid-cycle downgrade"), after failing all last sprint.',
     "st(1,'Billing prorates mid-cycle downgrade')=='F' and st(2,'Billing prorates mid-cycle downgrade')=='P'"),
    ('sprint-review-mocha', '- 2 new tests this sprint: zero-amount invoices and the per-IP signup rate limit.',
     "new()==2 and st(2,'Billing handles zero-amount invoice')=='P' and st(2,'Onboarding rate-limits signup per IP')=='P'"),
    ('sprint-review-mocha', '- Overall pass rate 93.8% (15/16), up from 85.7% in Sprint 41.',
     "pct(t(2,'passed'),t(2,'executed'))==87.5 and pct(t(1,'passed'),t(1,'executed'))==85.7"),
    ('sprint-review-mocha', '- We executed 16 tests this sprint vs 14 last sprint — 3 more.',
     "t(2,'executed')==16 and t(1,'executed')==14 and 16-14!=3"),
    ('sprint-review-mocha', '- "invites teammates" started failing on Tuesday after the SMTP change; fix tracked in ONB-77.',
     "st(1,'Onboarding invites teammates')=='P' and st(2,'Onboarding invites teammates')=='F'"),
    ('sprint-review-mocha', '- "respects quiet hours" is still red and carries over to Sprint 43.',
     "st(1,'Notifications respects quiet hours')=='F' and st(2,'Notifications respects quiet hours')=='F'"),
    ('sprint-review-mocha', '- "skips tour for returning users" stays pending (1 pending test in total).',
     "t(2,'skipped')==1 and st(2,'Onboarding skips tour for returning users')=='S'"),
    ('sprint-review-mocha', 'Billing epic is done: every Billing test passes.',
     "t(2,'executed','Billing')==7 and t(2,'passed','Billing')==7 and t(2,'skipped','Billing')==0"),
    ('sprint-review-mocha', 'Onboarding is release-ready too.',
     "t(2,'failed','Onboarding')==1"),
    ('postmortem-phpunit', '- **03:05** — we look at the 5.8.0 nightly CI: 1 failure and 1 error out of 12 executed tests, `testBackoffCap` erroring on a Redis timeout',
     "t(1,'executed')==12 and t(1,'failed')==1 and t(1,'errored')==1 and st(1,'testBackoffCap')=='E'"),
    ('postmortem-phpunit', '- Fix merged in PR #903. CI on the fix: 14 passed, 0 failed, 1 skipped (`testRedisCluster` needs a real cluster).',
     "t(2,'failed')+t(2,'errored')==0 and t(2,'executed')==14 and t(2,'passed')==14 and t(2,'skipped')==1 and st(2,'testRedisCluster')=='S'"),
    ('postmortem-phpunit', "- The fix's CI ran 3 more tests than the incident build did.",
     "t(2,'executed')-t(1,'executed')==2 and t(2,'collected')-t(1,'collected')==2"),
    ('postmortem-phpunit', '- `testBackoffCap` passes again, and the new `testDeadLetterAfterMax` covers the max-attempts path.',
     "st(1,'testBackoffCap')=='E' and st(2,'testBackoffCap')=='P' and st(1,'testDeadLetterAfterMax') is None and st(2,'testDeadLetterAfterMax')=='P'"),
    ('postmortem-phpunit', '- RetryQueueTest: 5/5 passing after the fix (1 skipped).',
     "t(2,'executed','RetryQueueTest')==5 and t(2,'passed','RetryQueueTest')==5 and t(2,'skipped','RetryQueueTest')==1"),
    ('postmortem-phpunit', '- All three data sets of `testRejectsTampered` pass, including "expired", which failed during the incident.',
     't(2,\'passed\',\'testRejectsTampered\')==3 and t(2,\'executed\',\'testRejectsTampered\')==3 and st(1,\'testRejectsTampered with data set "expired"\')==\'F\' and st(2,\'testRejectsTampered with data set "expired"\')==\'P\''),
    ('postmortem-phpunit', '- Net effect: failing/erroring tests 2 → 0, pass rate 83.3% → 100%.',
     "t(1,'failed')+t(1,'errored')==2 and t(2,'failed')+t(2,'errored')==0 and pct(t(1,'passed'),t(1,'executed'))==83.3 and t(2,'passed')==t(2,'executed')"),
    ('postmortem-phpunit', '- 2 new tests added (`testReplayWithinWindow`, `testDeadLetterAfterMax`).',
     "new()==2 and st(2,'testReplayWithinWindow')=='P' and st(1,'testReplayWithinWindow') is None"),
    ('postmortem-phpunit', '- IdempotencyKeyTest now has 5 tests, all green.',
     "t(2,'collected','IdempotencyKeyTest')==4 and t(2,'passed','IdempotencyKeyTest')==4"),
    ('postmortem-phpunit', '- Zero failing tests across all 15 collected.',
     "t(2,'collected')==15 and t(2,'failed')==0 and t(2,'errored')==0"),
    ('postmortem-phpunit', '- Of the 13 tests collected during the incident, 10 passed, 1 failed, 1 errored and 2 were skipped.',
     "t(1,'collected')==13 and 10+1+1+2!=13"),
    ('postmortem-phpunit', '- Webhook signature tests are all green again.',
     "t(2,'executed','WebhookSignatureTest')==5 and t(2,'passed','WebhookSignatureTest')==5 and t(2,'skipped','WebhookSignatureTest')==0"),
    ('qa-signoff-otr', '3 modules, 15 automated tests run (1 more skipped), plus 4 h of exploratory testing on checkout.',
     "modules(2)==3 and t(2,'executed')==15 and t(2,'skipped')==1"),
    ('qa-signoff-otr', '- **checkout-service** — GO ✅ 6/6 passing',
     "t(2,'executed','checkout-service')==6 and t(2,'passed','checkout-service')==5 and st(2,'calculatesShipping')=='F'"),
    ('qa-signoff-otr', '- **inventory-service** — GO ✅ 6/6 passing; `restocksOnCancel` fixed since RC1, plus the new `bulkImportCsv` test',
     "t(2,'executed','inventory-service')==6 and t(2,'passed','inventory-service')==6 and st(1,'restocksOnCancel')=='F' and st(2,'restocksOnCancel')=='P' and st(1,'bulkImportCsv') is None and st(2,'bulkImportCsv')=='P'"),
    ('qa-signoff-otr', '- **notifications** — GO ✅ 3 of 4 executed and passing, `sendsSms` skipped (SMS provider sandbox down)',
     "t(2,'collected','notifications')==4 and t(2,'executed','notifications')==3 and t(2,'passed','notifications')==3 and st(2,'sendsSms')=='S'"),
    ('qa-signoff-otr', '| Executed | 14 | 15 |',
     "t(1,'executed')==14 and t(2,'executed')==15"),
    ('qa-signoff-otr', '| Passed | 13 | 14 |',
     "t(1,'passed')==13 and t(2,'passed')==14"),
    ('qa-signoff-otr', '| Failed | 1 | 1 |',
     "t(1,'failed')==1 and t(2,'failed')==1"),
    ('qa-signoff-otr', '| Skipped | 1 | 1 |',
     "t(1,'skipped')==1 and t(2,'skipped')==1"),
    ('qa-signoff-otr', '| Pass rate | 92.9% | 100% |',
     "pct(13,14)==92.9 and pct(14,15)!=100 and pct(t(2,'passed'),t(2,'executed'))==93.3"),
    ('qa-signoff-otr', '- No regressions between RC1 and RC2.',
     "regs()==1 and st(1,'calculatesShipping')=='P' and st(2,'calculatesShipping')=='F'"),
    ('qa-signoff-otr', '**GO for 7.3.0.** All automated tests pass and every module is green.',
     "t(2,'failed')==1"),
]

def main():
    n_assert = 0
    for case, parse in PARSERS.items():
        d = os.path.join(HERE, case)
        runs = {}
        for n in (1, 2):
            r = Run(); parse(f'{d}/runs/{n}', r)
            allf = [p for p in glob.glob(f'{d}/runs/{n}/**/*', recursive=True) if os.path.isfile(p)]
            assert r.files == len(allf) and r.files > 0, (case, n, 'unparsed result file')
            runs[n] = r
        env = make_env(runs[1], runs[2])
        for n in (1, 2):
            c = {k: env['t'](n, k) for k in ('collected', 'executed', 'passed', 'failed', 'errored', 'skipped')}
            print(f"{case} run {n}: " + ' '.join(f'{k}={v}' for k, v in c.items()) +
                  (f" not-built={sorted(runs[n].unbuilt)}" if runs[n].unbuilt else ''))
        lines = open(f'{d}/report.md').read().split('\n')
        rows = {}
        for row in open(f'{d}/labels.tsv').read().rstrip('\n').split('\n'):
            ln, kind, verdict, note = row.split('\t')
            ln = int(ln)
            assert ln not in rows, (case, ln, 'twice')
            assert 1 <= ln <= len(lines) and lines[ln - 1].strip(), (case, ln, 'empty line')
            assert kind in KINDS and verdict in VERDICTS and note.strip(), (case, row)
            assert (kind == '-') == (verdict == 'NONE'), (case, row)
            if verdict == 'NONE': assert re.search(r'\d', lines[ln - 1]), (case, ln)
            rows[ln] = verdict
        for i, l in enumerate(lines, 1):
            if re.search(r'\d', l): assert i in rows, (case, i, 'digit line without a row', l)
        asserted = set()
        for c, text, expr in ASSERTS:
            if c != case: continue
            hits = [i for i, l in enumerate(lines, 1) if l.strip() == text]
            assert len(hits) == 1, (case, text)
            assert rows.get(hits[0]) in ('SUPPORTED', 'CONTRADICTED', 'INCONSISTENT'), (case, hits[0])
            assert eval(expr, dict(env)) is True, (case, hits[0], expr)
            asserted.add(hits[0]); n_assert += 1
        for ln, v in rows.items():
            if v in ('SUPPORTED', 'CONTRADICTED', 'INCONSISTENT'): assert ln in asserted, (case, ln, 'label without assertion')
    print(f'OK: {n_assert} assertions over {len(PARSERS)} cases')

if __name__ == '__main__':
    main()
