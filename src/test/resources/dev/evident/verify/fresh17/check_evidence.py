#!/usr/bin/env python3
"""Checks the evidence of fresh17 against the numbers its labels rely on (never the tool).

Every result file is read with a parser of its own (TRX, ctest JUnit, xUnit.net v1, NUnit 2.x,
go-junit-report JUnit, Bazel test.xml), declared counters are checked against the tests they hold,
and every SUPPORTED / CONTRADICTED / INCONSISTENT label has at least one assertion below, located by
a unique substring of its report line (or the k-th line
holding it, for a table row repeated word for word). Prints `OK: N assertions over 6 cases`.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"count", "rate", "change", "universal", "named", "table", "-"}
VERDICTS = {"SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE", "NONE"}
EXECUTED = ("pass", "fail", "error")
parsed_files = set()


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def expect(cond, msg):
    if not cond:
        fail(msg)


def T(name, status, *groups):
    return {"name": name, "status": status, "groups": set(groups)}


# ------------------------------------------------------------------ parsers
def parse_trx(path):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    root = ET.parse(path).getroot()
    classes = {u.get("id"): u.find("t:TestMethod", ns).get("className").split(".")[-1]
               for u in root.iter("{%s}UnitTest" % ns["t"])}
    out = {"Passed": "pass", "Failed": "fail", "NotExecuted": "skip", "Error": "error"}
    tests = []
    for r in root.find("t:Results", ns).findall("t:UnitTestResult", ns):
        cls = classes[r.get("testId")]
        inner = r.find("t:InnerResults", ns)
        if inner is not None:
            rows = inner.findall("t:UnitTestResult", ns)
            expect(all(x.get("resultType") == "DataDrivenDataRow" and x.get("parentExecutionId") == r.get("executionId")
                       and x.get("dataRowInfo") for x in rows), f"{path}: inner rows of {r.get('testName')}")
            expect((r.get("outcome") == "Failed") == any(x.get("outcome") == "Failed" for x in rows), f"{path}: parent outcome")
            for x in rows:
                tests.append(T(f"{cls}.{x.get('testName')}", out[x.get("outcome")], cls, f"{cls}.{r.get('testName')}"))
        else:
            tests.append(T(f"{cls}.{r.get('testName')}", out[r.get("outcome")], cls))
    c = root.find("t:ResultSummary/t:Counters", ns)
    st = [t["status"] for t in tests]
    expect(int(c.get("total")) == len(st) and int(c.get("executed")) == sum(s in EXECUTED for s in st)
           and int(c.get("passed")) == st.count("pass") and int(c.get("failed")) == st.count("fail")
           and int(c.get("notExecuted")) == st.count("skip"), f"{path}: Counters")
    return tests


def parse_ctest(path):
    root = ET.parse(path).getroot()
    expect(root.tag == "testsuite", path)
    m = {"run": "pass", "fail": "fail", "disabled": "disabled", "notrun": "notrun"}
    tests = []
    for tc in root.findall("testcase"):
        s = m[tc.get("status")]
        expect((s == "fail") == (tc.find("failure") is not None), f"{path}: {tc.get('name')} failure element")
        expect((s in ("disabled", "notrun")) == (tc.find("skipped") is not None), f"{path}: {tc.get('name')} skipped element")
        name = tc.get("name")
        tests.append(T(name, s, name.rsplit(".", 1)[0]))
    st = [t["status"] for t in tests]
    expect(int(root.get("tests")) == len(st) and int(root.get("failures")) == st.count("fail")
           and int(root.get("disabled")) == st.count("disabled") and int(root.get("skipped")) == st.count("notrun"),
           f"{path}: testsuite counters")
    return tests


def parse_xunit1(path):
    root = ET.parse(path).getroot()
    expect(root.tag == "assemblies", path)
    m = {"Pass": "pass", "Fail": "fail", "Skip": "skip"}
    tests = []
    for a in root.findall("assembly"):
        at = []
        for c in a.findall("class"):
            cls = c.get("name").split(".")[-1]
            ct = [T(f"{cls}.{t.get('method')}", m[t.get("result")], cls) for t in c.findall("test")]
            s = [t["status"] for t in ct]
            expect((int(c.get("total")), int(c.get("passed")), int(c.get("failed")), int(c.get("skipped")))
                   == (len(s), s.count("pass"), s.count("fail"), s.count("skip")), f"{path}: class {cls}")
            at += ct
        s = [t["status"] for t in at]
        expect((int(a.get("total")), int(a.get("passed")), int(a.get("failed")), int(a.get("skipped")))
               == (len(s), s.count("pass"), s.count("fail"), s.count("skip")), f"{path}: assembly")
        tests += at
    return tests


def parse_nunit2(path):
    root = ET.parse(path).getroot()
    expect(root.tag == "test-results", path)
    m = {"Success": "pass", "Failure": "fail", "Error": "error", "Ignored": "skip"}
    tests = []

    def walk(el, groups):
        for s in el.findall("results/test-suite"):
            g = groups + ([s.get("name")] if s.get("type") in ("Namespace", "TestFixture") else [])
            walk(s, g)
        for tc in el.findall("results/test-case"):
            st = m[tc.get("result")]
            expect((tc.get("executed") == "True") == (st != "skip"), f"{path}: executed flag of {tc.get('name')}")
            expect((tc.get("success") == "True") == (st == "pass") or st == "skip", f"{path}: success flag of {tc.get('name')}")
            tests.append(T(".".join(tc.get("name").split(".")[-2:]), st, *groups))

    for s in root.findall("test-suite"):
        walk(s, [])
    st = [t["status"] for t in tests]
    expect(int(root.get("total")) == sum(s in EXECUTED for s in st), f"{path}: total (tests run)")
    expect(int(root.get("errors")) == st.count("error") and int(root.get("failures")) == st.count("fail")
           and int(root.get("not-run")) == st.count("skip") and int(root.get("ignored")) == st.count("skip"),
           f"{path}: errors / failures / not-run / ignored")
    return tests


def junit_cases(suite, path, tests, *groups):
    s = []
    for tc in suite.findall("testcase"):
        if tc.find("failure") is not None:
            st = "fail"
        elif tc.find("error") is not None:
            st = "error"
        elif tc.find("skipped") is not None:
            st = "skip"
        else:
            st = "pass"
        s.append(st)
        tests.append(T(tc.get("name"), st, *groups))
    expect(int(suite.get("tests")) == len(s), f"{path}: tests of {suite.get('name')}")
    expect(int(suite.get("failures", 0)) == s.count("fail") and int(suite.get("errors", 0)) == s.count("error")
           and int(suite.get("skipped", 0)) == s.count("skip"), f"{path}: counters of {suite.get('name')}")
    return s


def parse_gojunit(path):
    root = ET.parse(path).getroot()
    tests, allst = [], []
    for su in root.findall("testsuite"):
        pkg = su.get("name")
        short = pkg.replace("github.com/kestrel-io/throttle", "throttle").replace("throttle/", "")
        allst += junit_cases(su, path, tests, short)
    expect(int(root.get("tests")) == len(allst) and int(root.get("failures")) == allst.count("fail")
           and int(root.get("skipped")) == allst.count("skip"), f"{path}: testsuites counters")
    for t in tests:
        t["name"] = f"{next(iter(t['groups']))}:{t['name']}"
    return tests


def parse_bazel_testlogs(base):
    tests = []
    for dirpath, _, files in os.walk(base):
        for f in files:
            expect(f == "test.xml", f"unexpected file {dirpath}/{f}")
            path = os.path.join(dirpath, f)
            target = os.path.relpath(dirpath, base)
            root = ET.parse(path).getroot()
            expect(root.tag == "testsuites", path)
            for su in root.findall("testsuite"):
                if su.get("name") == target:  # Bazel-generated: one testcase, the target itself
                    tc = su.findall("testcase")
                    expect(len(tc) == 1 and tc[0].get("name") == target and tc[0].get("status") == "run", path)
                    junit_cases(su, path, tests, target, "target:" + target)
                else:  # the test's own JUnit (mocha-junit-reporter)
                    junit_cases(su, path, tests, target, "suite:" + su.get("name"))
            parsed_files.add(path)
    return tests


# ------------------------------------------------------------------ cases
def files_under(d):
    return sorted(os.path.join(p, f) for p, _, fs in os.walk(d) for f in fs)


def load(case):
    runs = {}
    for r in (1, 2):
        d = os.path.join(HERE, case, "runs", str(r))
        tests = []
        if case == "review-reply-bazel":
            tests = parse_bazel_testlogs(os.path.join(d, "bazel-testlogs"))
        else:
            for p in files_under(d):
                if p.endswith(".trx"):
                    tests += parse_trx(p)
                elif "ctest" in p:
                    tests += parse_ctest(p)
                elif case.startswith("agent-session"):
                    tests += parse_xunit1(p)
                elif p.endswith("TestResult.xml"):
                    tests += parse_nunit2(p)
                elif p.endswith("junit.xml"):
                    tests += parse_gojunit(p)
                else:
                    fail("no parser for " + p)
                parsed_files.add(p)
        names = [t["name"] for t in tests]
        expect(len(names) == len(set(names)), f"{case} run {r}: duplicate test names")
        runs[r] = tests
    return runs


def env(runs):
    def sel(r, where):
        return [t for t in runs[r] if where is None or where in t["groups"]]

    def n(r, what="all", where=None):
        ts = sel(r, where)
        if what == "all":
            return len(ts)
        if what == "exec":
            return sum(t["status"] in EXECUTED for t in ts)
        return sum(t["status"] == what for t in ts)

    def st(r, name):
        m = [t["status"] for t in runs[r] if t["name"] == name]
        return m[0] if m else None

    def names(r, where=None):
        return {t["name"] for t in sel(r, where)}

    def new(where=None):
        return names(2, where) - names(1)

    def fixed(where=None):
        return {x for x in names(2, where) & names(1) if st(1, x) in ("fail", "error") and st(2, x) == "pass"}

    def regr(where=None):
        return {x for x in names(2, where) & names(1) if st(1, x) == "pass" and st(2, x) in ("fail", "error")}

    def targets(r):
        out = {}
        for t in runs[r]:
            tg = [g for g in t["groups"] if not g.startswith(("target:", "suite:"))][0]
            out.setdefault(tg, []).append(t["status"])
        return out

    def tpass(r):
        return sum(all(s in ("pass", "skip") for s in v) for v in targets(r).values())

    def pct(a, b):
        return round(100.0 * a / b, 1)

    return dict(n=n, st=st, new=new, fixed=fixed, regr=regr, targets=targets, tpass=tpass, pct=pct)


A = {
    "jira-thread-trx": [
        ("15 tests run, 12 passed", "(n(1), n(1,'exec'), n(1,'pass'), n(1,'fail'), n(1,'skip')) == (16, 15, 12, 3, 1)"),
        ("15 tests run, 12 passed", "st(1,'SettlementExportTests.ExportsUtf8') == 'skip'"),
        ("17 of 18 tests executed", "(n(2), n(2,'exec'), n(2,'pass'), n(2,'fail')) == (18, 17, 16, 1)"),
        ("17 of 18 tests executed", "st(2,'CurrencyTests.MinorUnits') == 'fail'"),
        ("All three original failures", "fixed() == {'VatCalculatorTests.RoundsHalfEven', 'SettlementExportTests.SplitsByMerchant', 'VatCalculatorTests.VatRates (IE,23)'}"),
        ("All three original failures", "(n(2,'all','VatCalculatorTests.VatRates'), n(2,'pass','VatCalculatorTests.VatRates')) == (5, 5)"),
        ("from 80% to 94.1%", "(pct(n(1,'pass'), n(1,'exec')), pct(n(2,'pass'), n(2,'exec'))) == (80.0, 94.1)"),
        ("SettlementExportTests is 5/5", "(n(2,'all','SettlementExportTests'), n(2,'exec','SettlementExportTests'), n(2,'pass','SettlementExportTests')) == (5, 4, 4)"),
        ("CurrencyTests is 2 of 3", "(n(2,'exec','CurrencyTests'), n(2,'pass','CurrencyTests'), n(2,'fail')) == (3, 2, 1)"),
        ("roughly 95.1%", "pct(16, 17) == 94.1 and (n(2,'pass'), n(2,'exec')) == (16, 17)"),
        ("3 failing tests fixed", "len(fixed()) == 3"),
        ("2 tests added", "new() == {'VatCalculatorTests.RoundsNegativeAmounts', 'VatCalculatorTests.VatRates (LU,17)'}"),
        ("1 regression:", "regr() == {'CurrencyTests.MinorUnits'}"),
        ("passing went from 12 to 17", "(n(1,'pass'), n(2,'pass')) == (12, 16)"),
        ("Ready to ship", "n(2,'fail') == 1"),
    ],
    "nightly-email-ctest": [
        ("39 tests passed, 2 failed", "(n(2), n(2,'pass'), n(2,'fail'), n(2,'disabled'), n(2,'notrun')) == (42, 39, 2, 1, 0)"),
        ("up from 36 passing", "(n(1,'pass'), n(2,'pass')) == (36, 39)"),
        ("pass rate 95.1%", "n(2,'exec') == 41 and pct(39, 41) == 95.1"),
        ("registered tests went from 40 to 42", "(n(1), n(2)) == (40, 42) and len(new()) == 2"),
        ("geojson_big` is fixed", "(st(1,'geo.io.geojson_big'), st(2,'geo.io.geojson_big')) == ('fail', 'pass')"),
        ("gdal_bridge` runs again", "(st(1,'geo.io.gdal_bridge'), st(2,'geo.io.gdal_bridge')) == ('notrun', 'pass')"),
        ("still failing: `geo.index.rtree_bulk`", "(st(1,'geo.index.rtree_bulk'), st(2,'geo.index.rtree_bulk')) == ('fail', 'fail')"),
        ("new failure: `geo.io.kml_write`", "(st(1,'geo.io.kml_write'), st(2,'geo.io.kml_write')) == ('pass', 'fail')"),
        ("the 2 new projection tests", "new('geo.proj') == {'geo.proj.epsg_lookup', 'geo.proj.datum_shift'} and st(2,'geo.proj.epsg_lookup') == st(2,'geo.proj.datum_shift') == 'pass'"),
        ("stays disabled", "st(1,'geo.perf.tiling') == st(2,'geo.perf.tiling') == 'disabled'"),
        ("6 of 7 passing", "(n(2,'all','geo.index'), n(2,'pass','geo.index'), n(2,'fail','geo.index')) == (5, 4, 1)"),
        ("Net: 97% green", "pct(n(2,'pass'), n(2,'exec')) == 95.1"),
        ("good to tag 2.6.0-rc1", "n(2,'fail') == 2"),
    ],
    "agent-session-xunit1": [
        ("| StockLevelTests | 6 | 6 | 0 | 0 |", "(n(1,'all','StockLevelTests'), n(1,'pass','StockLevelTests'), n(1,'fail','StockLevelTests'), n(1,'skip','StockLevelTests')) == (6, 6, 0, 0)"),
        ("| ReorderPolicyTests | 5 | 2 | 3 | 0 |", "(n(1,'all','ReorderPolicyTests'), n(1,'pass','ReorderPolicyTests'), n(1,'fail','ReorderPolicyTests'), n(1,'skip','ReorderPolicyTests')) == (5, 2, 3, 0)"),
        (("| WarehouseMapperTests | 4 | 3 | 0 | 1 |", 0), "(n(1,'all','WarehouseMapperTests'), n(1,'pass','WarehouseMapperTests'), n(1,'fail','WarehouseMapperTests'), n(1,'skip','WarehouseMapperTests')) == (4, 3, 0, 1)"),
        (("| WarehouseMapperTests | 4 | 3 | 0 | 1 |", 1), "(n(2,'all','WarehouseMapperTests'), n(2,'pass','WarehouseMapperTests'), n(2,'fail','WarehouseMapperTests'), n(2,'skip','WarehouseMapperTests')) == (4, 3, 0, 1)"),
        ("| BarcodeParserTests | 5 | 3 | 2 | 0 |", "(n(1,'all','BarcodeParserTests'), n(1,'pass','BarcodeParserTests'), n(1,'fail','BarcodeParserTests'), n(1,'skip','BarcodeParserTests')) == (5, 3, 2, 0)"),
        ("tally: 14/19", "(n(1,'exec'), n(1,'pass'), n(1,'fail'), n(1,'skip'), pct(14, 19)) == (19, 14, 5, 1, 73.7)"),
        ("added 2 tests for the safety-stock", "len(new('ReorderPolicyTests')) == 2"),
        ("Added `ParsesEan8`", "new('BarcodeParserTests') == {'BarcodeParserTests.ParsesEan8'} and st(2,'BarcodeParserTests.ParsesEan8') == 'pass'"),
        ("| StockLevelTests | 6 | 5 | 1 | 0 |", "(n(2,'all','StockLevelTests'), n(2,'pass','StockLevelTests'), n(2,'fail','StockLevelTests'), n(2,'skip','StockLevelTests')) == (6, 5, 1, 0)"),
        ("| ReorderPolicyTests | 7 | 7 | 0 | 0 |", "(n(2,'all','ReorderPolicyTests'), n(2,'pass','ReorderPolicyTests'), n(2,'fail','ReorderPolicyTests'), n(2,'skip','ReorderPolicyTests')) == (7, 7, 0, 0)"),
        ("| BarcodeParserTests | 6 | 5 | 1 | 0 |", "(n(2,'all','BarcodeParserTests'), n(2,'pass','BarcodeParserTests'), n(2,'fail','BarcodeParserTests'), n(2,'skip','BarcodeParserTests')) == (6, 5, 1, 0)"),
        ("| **Total** |", "(n(2), n(2,'pass'), n(2,'fail'), n(2,'skip')) == (23, 20, 2, 1)"),
        ("tally: 20/22", "(n(2,'exec'), n(2,'pass'), n(2,'fail'), n(2,'skip'), pct(20, 22), pct(14, 19)) == (22, 20, 2, 1, 90.9, 73.7)"),
        ("Net: 14 → 21", "(n(1,'pass'), n(2,'pass')) == (14, 20)"),
        ("4 fixes (3 in", "len(fixed()) == 4 and len(fixed('ReorderPolicyTests')) == 3 and 'BarcodeParserTests.ParsesGs1Ai01' in fixed() and regr() == {'StockLevelTests.DecrementsOnShipment'}"),
        ("added 4 new tests", "len(new()) == 3"),
        ("`ParsesGs1WithFnc1` still fails", "st(1,'BarcodeParserTests.ParsesGs1WithFnc1') == st(2,'BarcodeParserTests.ParsesGs1WithFnc1') == 'fail'"),
        ("task complete", "n(2,'fail') == 2"),
    ],
    "wiki-health-nunit2": [
        ("| Tests run | 26 | 29", "(n(1,'exec'), n(2,'exec')) == (26, 29)"),
        ("| Passed | 23 | 26", "(n(1,'pass'), n(2,'pass')) == (23, 26)"),
        ("| Failures | 2 | 3", "(n(1,'fail'), n(2,'fail')) == (2, 3)"),
        ("| Errors | 1 | 0", "(n(1,'error'), n(2,'error')) == (1, 0)"),
        ("| Ignored | 2 | 1", "(n(1,'skip'), n(2,'skip')) == (2, 1)"),
        ("| Pass rate | 88.5%", "(pct(23, 26), pct(26, 29), round(pct(26, 29) - pct(23, 26), 1)) == (88.5, 89.7, 1.2)"),
        ("| InvoiceBuilderTests | 5 |", "(n(2,'all','InvoiceBuilderTests'), n(2,'pass','InvoiceBuilderTests')) == (5, 5)"),
        ("| InvoiceNumberingTests | 5 |", "(n(2,'all','InvoiceNumberingTests'), n(2,'pass','InvoiceNumberingTests'), len(new('InvoiceNumberingTests'))) == (5, 5, 2)"),
        ("| PdfRenderTests | 4 |", "(n(2,'all','PdfRenderTests'), n(2,'pass','PdfRenderTests'), n(2,'fail','PdfRenderTests'), n(2,'skip','PdfRenderTests')) == (4, 3, 0, 1) and fixed('PdfRenderTests') == {'PdfRenderTests.RendersA4Landscape'}"),
        ("13 of 13 executed", "(n(2,'all','Invoicing'), n(2,'exec','Invoicing'), n(2,'pass','Invoicing')) == (14, 13, 13)"),
        ("| TaxEngineTests | 6 |", "(n(2,'all','TaxEngineTests'), n(2,'pass','TaxEngineTests'), n(2,'fail','TaxEngineTests')) == (6, 4, 2) and regr('TaxEngineTests') == {'TaxEngineTests.RoundsPerLine'}"),
        ("| ExemptionTests | 3 |", "(n(2,'all','ExemptionTests'), n(2,'pass','ExemptionTests')) == (3, 3) and st(1,'ExemptionTests.LoadsCertificates') == 'error'"),
        ("Tax went from 7 to 8", "(n(1,'pass','Tax'), n(2,'pass','Tax')) == (7, 7)"),
        ("| ReminderScheduleTests | 4 |", "(n(2,'all','ReminderScheduleTests'), n(2,'pass','ReminderScheduleTests'), n(2,'fail','ReminderScheduleTests')) == (4, 3, 1) and regr('ReminderScheduleTests') == {'ReminderScheduleTests.SkipsWeekends'}"),
        ("| CollectionsHandoffTests | 3 |", "(n(2,'all','CollectionsHandoffTests'), n(2,'pass','CollectionsHandoffTests')) == (3, 3) and (st(1,'CollectionsHandoffTests.HandsOffAfter60Days'), st(2,'CollectionsHandoffTests.HandsOffAfter60Days')) == ('skip', 'pass')"),
        ("- 2 fixed", "fixed() == {'PdfRenderTests.RendersA4Landscape', 'ExemptionTests.LoadsCertificates'} and regr() == {'TaxEngineTests.RoundsPerLine', 'ReminderScheduleTests.SkipsWeekends'}"),
        ("We added 4 tests", "(n(1), n(2), len(new())) == (28, 30, 2)"),
        ("No regressions in Invoicing or Dunning", "regr('Dunning') == {'ReminderScheduleTests.SkipsWeekends'}"),
    ],
    "changelog-gotestsum": [
        ("2 new tests:", "new() == {'middleware:TestHTTPMiddleware/bypass_header', 'store/memory:TestMemoryStore_Evict'}"),
        ("Suite is at 20 tests", "(n(2), n(2,'pass'), n(2,'skip'), n(2,'fail')) == (20, 18, 1, 1) and st(2,'middleware:TestGRPCInterceptor') == 'fail'"),
        ("green on CI (run 8841)", "n(2,'fail') == 1"),
        ("root package `throttle`: 8/8", "(n(2,'all','throttle'), n(2,'pass','throttle')) == (8, 8)"),
        ("`middleware`: 4 of 5", "(n(2,'all','middleware'), n(2,'pass','middleware'), n(2,'fail','middleware')) == (5, 4, 1)"),
        ("`store/redis`: 2 passed", "(n(2,'pass','store/redis'), st(2,'store/redis:TestRedisStore_Cluster')) == (2, 'skip')"),
        ("`store/memory`: 4/4", "(n(2,'all','store/memory'), n(2,'pass','store/memory')) == (4, 4)"),
        ("Fixed 2 failing tests", "fixed() == {'throttle:TestSlidingWindow', 'throttle:TestSlidingWindow/clock_skew'}"),
        ("Passing went from 15 to 18", "(n(1,'pass'), n(2,'pass')) == (15, 18)"),
        ("No regressions since 0.8.3", "regr() == {'middleware:TestGRPCInterceptor'}"),
        ("currently 94.7%", "(n(2,'pass'), n(2,'exec'), pct(18, 19)) == (18, 19, 94.7)"),
        ("from 88.2% to 94.7%", "(pct(n(1,'pass'), n(1,'exec')), pct(n(2,'pass'), n(2,'exec'))) == (88.2, 94.7) and round(94.7 - 88.2, 1) == 6.5"),
    ],
    "review-reply-bazel": [
        ("the 2 failing mention specs", "fixed('suite:CommentBox mentions') == {'CommentBox mentions ignores @ inside code spans', 'CommentBox mentions ignores e-mail addresses'}"),
        ("`markdown_test` was failing", "(st(1,'web/comments/markdown_test'), st(2,'web/comments/markdown_test'), st(1,'libs/sanitize/sanitize_test'), st(2,'libs/sanitize/sanitize_test')) == ('error', 'pass', 'pass', 'pass')"),
        ("Added a spec for a mention", "new() == {'CommentBox mentions links a mention at line start'} and st(2,'CommentBox mentions links a mention at line start') == 'pass'"),
        ("8 specs, 7 passing, 1 pending", "(n(2,'all','web/comments/comment_box_test'), n(2,'pass','web/comments/comment_box_test'), n(2,'skip','web/comments/comment_box_test')) == (8, 7, 1)"),
        ("`CommentBox mentions`: 4/4", "(n(2,'all','suite:CommentBox mentions'), n(2,'pass','suite:CommentBox mentions')) == (4, 4)"),
        ("the rest of `CommentBox`", "(n(2,'all','suite:CommentBox'), n(2,'pass','suite:CommentBox'), n(2,'skip','suite:CommentBox')) == (4, 3, 1)"),
        ("4 of 5 targets pass", "(len(targets(2)), tpass(2), st(2,'services/notify/notify_test')) == (5, 4, 'error')"),
        ("3 of 5 targets", "(len(targets(1)), tpass(1)) == (5, 3)"),
        ("already failing on main", "st(1,'services/notify/notify_test') == 'pass'"),
        ("10 of the 11 test cases", "(n(2), n(2,'exec'), n(2,'pass')) == (12, 11, 10)"),
        ("from 4 passing to 8", "(n(1,'pass','web/comments/comment_box_test'), n(2,'pass','web/comments/comment_box_test')) == (4, 7)"),
    ],
}


def main():
    total = 0
    for case in sorted(A):
        runs = load(case)
        e = env(runs)
        for r in (1, 2):
            ts = runs[r]
            c = {s: sum(t["status"] == s for t in ts) for s in ("pass", "fail", "error", "skip", "disabled", "notrun")}
            print(f"{case} run {r}: collected {len(ts)}, executed {sum(t['status'] in EXECUTED for t in ts)}, "
                  + ", ".join(f"{k} {v}" for k, v in c.items() if v))
        lines = open(os.path.join(HERE, case, "report.md"), encoding="utf-8").read().split("\n")
        labels = {}
        for row in open(os.path.join(HERE, case, "labels.tsv"), encoding="utf-8").read().splitlines():
            f = row.split("\t")
            expect(len(f) == 4 and f[3].strip(), f"{case}: bad row {row!r}")
            ln, kind, verdict = int(f[0]), f[1], f[2]
            expect(ln not in labels, f"{case}: line {ln} labeled twice")
            expect(1 <= ln <= len(lines) and lines[ln - 1].strip(), f"{case}: row for empty or missing line {ln}")
            expect(kind in KINDS and verdict in VERDICTS and ((kind == "-") == (verdict == "NONE")), f"{case}: kind/verdict {row!r}")
            if verdict == "NONE":
                expect(re.search(r"\d", lines[ln - 1]), f"{case}: NONE row on a line without a digit: {ln}")
            labels[ln] = verdict
        for i, l in enumerate(lines, 1):
            if re.search(r"\d", l):
                expect(i in labels, f"{case}: line {i} holds a digit and has no row")
        asserted = set()
        for sub, expr in A[case]:
            sub, k = sub if isinstance(sub, tuple) else (sub, None)  # (text, k): its k-th line (a table row repeated)
            hits = [i for i, l in enumerate(lines, 1) if sub in l]
            expect(len(hits) == 1 or (k is not None and len(hits) > k), f"{case}: substring {sub!r} found on {len(hits)} lines")
            ln = hits[0 if k is None else k]
            expect(labels.get(ln) in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT"), f"{case}: asserted line {ln} is labeled {labels.get(ln)}")
            expect(eval(expr, {}, e) is True, f"{case} line {ln}: {expr}")
            asserted.add(ln)
            total += 1
        for ln, v in labels.items():
            if v in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT"):
                expect(ln in asserted, f"{case}: line {ln} labeled {v} has no assertion")
    every = {p for case in A for p in files_under(os.path.join(HERE, case, "runs"))}
    expect(every == parsed_files, f"unparsed files: {sorted(every - parsed_files)}")
    print(f"OK: {total} assertions over {len(A)} cases")


if __name__ == "__main__":
    main()
