# fresh12: an independent check of this set's evidence. Parses every result file with parsers of its own
# (pytest JUnit XML with a collection error, Gradle JUnit XML one file per class, NUnit 3, TRX, xUnit.net v2,
# CTRF), prints the counts the labels assume and asserts them with the label's line number, checks the
# reports' own arithmetic and the shape of every labels.tsv. It checks the evidence only; it never runs Evident.
import glob, json, os, re, xml.etree.ElementTree as ET
HERE = os.path.dirname(os.path.abspath(__file__))
parsed = set()
# a test is (suite, name, outcome); outcome in pass fail error skip flaky


def junit(path):
    """pytest (xunit2) and Gradle JUnit XML; a testcase with an empty classname is a collection error, not a test"""
    out, errs, root = [], [], ET.parse(path).getroot()
    for s in ([root] if root.tag == "testsuite" else root.iter("testsuite")):
        cases = s.findall("testcase")
        kinds = [{k.tag for k in c} for c in cases]
        o = ["fail" if "failure" in k else "error" if "error" in k else "skip" if "skipped" in k else "pass" for k in kinds]
        assert int(s.get("tests")) == len(cases), path
        assert int(s.get("failures")) == o.count("fail") and int(s.get("errors")) == o.count("error"), path
        assert int(s.get("skipped")) == o.count("skip"), path
        for c, oc in zip(cases, o):
            if c.get("classname") == "": assert oc == "error"; errs.append(c.get("name")); continue
            out.append((c.get("classname"), re.sub(r"\(\)$", "", c.get("name")), oc))
    return out, errs


def nunit3(path):
    root = ET.parse(path).getroot(); assert root.tag == "test-run", path
    out = []
    for tc in root.iter("test-case"):
        r, lab = tc.get("result"), tc.get("label")
        o = {"Passed": "pass", "Skipped": "skip", "Failed": "error" if lab == "Error" else "fail"}[r]
        out.append((tc.get("classname"), tc.get("name"), o))
    assert int(root.get("total")) == len(out) and int(root.get("passed")) == sum(x[2] == "pass" for x in out), path
    assert int(root.get("skipped")) == sum(x[2] == "skip" for x in out), path
    for fx in root.iter("test-suite"):   # every fixture's declared totals agree with its cases
        if fx.get("type") == "TestFixture":
            cs = fx.findall("test-case"); assert int(fx.get("total")) == len(cs), path
    return out


def trx(path):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    root = ET.parse(path).getroot()
    cls = {u.get("id"): u.find("t:TestMethod", ns).get("className") for u in root.iterfind("t:TestDefinitions/t:UnitTest", ns)}
    out = [(cls[r.get("testId")], r.get("testName"), {"Passed": "pass", "Failed": "fail", "NotExecuted": "skip"}[r.get("outcome")])
           for r in root.iterfind("t:Results/t:UnitTestResult", ns)]
    c = root.find("t:ResultSummary/t:Counters", ns)
    assert int(c.get("total")) == len(out) and int(c.get("passed")) == sum(x[2] == "pass" for x in out), path
    assert int(c.get("failed")) == sum(x[2] == "fail" for x in out) and int(c.get("notExecuted")) == sum(x[2] == "skip" for x in out), path
    return out


def xunit2(path):
    root = ET.parse(path).getroot(); out = []
    for a in root.iter("assembly"):
        mine = [(t.get("type"), t.get("method"), {"Pass": "pass", "Fail": "fail", "Skip": "skip"}[t.get("result")]) for t in a.iter("test")]
        assert int(a.get("total")) == len(mine) and int(a.get("failed")) == sum(x[2] == "fail" for x in mine), path
        assert int(a.get("skipped")) == sum(x[2] == "skip" for x in mine), path
        out += mine
    return out


def ctrf(path):
    r = json.load(open(path))["results"]; out = []
    for t in r["tests"]:
        o = {"passed": "pass", "failed": "fail", "skipped": "skip"}[t["status"]]
        if o == "pass" and t.get("flaky"): o = "flaky"     # passed on a retry: flaky, not passed
        out.append((t["suite"], t["name"], o, t["filePath"]))
    s = r["summary"]
    assert s["tests"] == len(out) and s["failed"] == sum(x[2] == "fail" for x in out) and s["skipped"] == sum(x[2] == "skip" for x in out), path
    return [x[:3] for x in out], {x[1]: x[3] for x in out}


def read_run(case, n):
    d = f"{HERE}/{case}/runs/{n}"; tests, errs, paths = [], [], {}
    for p in sorted(glob.glob(d + "/**/*", recursive=True)):
        if os.path.isdir(p): continue
        if p.endswith(".trx"): tests += trx(p)
        elif p.endswith(".json"): t, paths = ctrf(p); tests += t
        elif "xunit/" in p: tests += xunit2(p)
        elif "TestResults/TestResult.xml" in p: tests += nunit3(p)
        else: t, e = junit(p); tests += t; errs += e
        parsed.add(p)
    return tests, errs, paths


def c(tests, suite=None):
    ts = [t for t in tests if suite is None or (suite(t[0]) if callable(suite) else t[0].endswith(suite))]
    k = {o: sum(t[2] == o for t in ts) for o in ("pass", "fail", "error", "skip", "flaky")}
    k["tests"] = len(ts); k["exec"] = len(ts) - k["skip"]
    return k


def outcome(tests, name): return {t[1]: t[2] for t in tests}.get(name)
def regressions(r1, r2):
    a = {(t[0], t[1]): t[2] for t in r1}
    return sorted(t[1] for t in r2 if a.get((t[0], t[1])) == "pass" and t[2] in ("fail", "error"))
def new(r1, r2, suite):
    a = {(t[0], t[1]) for t in r1}
    return sorted(t[1] for t in r2 if t[0].endswith(suite) and (t[0], t[1]) not in a)


checked, asserted = 0, set()
def ok(case, line, cond, what):
    global checked
    assert cond, f"{case}:{line}: {what}"
    rows = {int(r.split("\t")[0]): r.split("\t")[2] for r in open(f"{HERE}/{case}/labels.tsv").read().splitlines()}
    assert rows.get(line, "NONE") != "NONE", f"{case}:{line}: an assertion on a line with no claim label"
    asserted.add((case, line))
    checked += 1
def pct(a, b, d=1): return round(100 * a / b, d)


CASES = {}
for case in sorted(d for d in os.listdir(HERE) if os.path.isdir(f"{HERE}/{d}")):
    CASES[case] = [read_run(case, 1), read_run(case, 2)]
    for n, (t, e, _) in enumerate(CASES[case], 1):
        k = c(t); print(f"{case} run {n}: {k['tests']} collected, {k['exec']} executed, {k['pass']} passed, {k['fail']} failed, "
                        f"{k['error']} errored, {k['skip']} skipped, {k['flaky']} flaky" + (f"; collection errors {e}" if e else ""))

# ---- agent-done-pytest ----
K = "agent-done-pytest"; (a1, e1, _), (a2, _, _) = CASES[K]; w1, w2 = c(a1), c(a2)
ok(K, 6, w2["tests"] == 110 and w2["fail"] == 3 and w2["skip"] == 2, "110 collected, not all passing")
ok(K, 7, (w2["pass"], w2["tests"], w2["fail"], c(a2, "test_export")["fail"], c(a2, "test_cli")["fail"], c(a2, "test_io")["skip"], w2["skip"]) == (105, 110, 3, 2, 1, 2, 2), "105 of 110")
ok(K, 8, c(a1, "test_export")["tests"] == 0 and e1 == ["tests.test_export"] and c(a2, "test_export")["pass"] == 16, "export 0 -> 16 from a zero base")
ok(K, 9, c(a2, "test_parser")["pass"] == 32 == c(a2, "test_parser")["tests"] and c(a1, "test_parser")["pass"] == 29, "parser")
ok(K, 10, c(a2, "test_cache")["pass"] == 15 == c(a2, "test_cache")["tests"] and c(a1, "test_cache")["fail"] == 2, "cache")
ok(K, 11, c(a2, "test_cli")["pass"] == 24 and c(a2, "test_cli")["tests"] == 25, "cli 24 of 25")
ok(K, 12, pct(105, 110) == 95.5 and pct(105, 108) == 97.2 and w2["exec"] == 108, "rates")
ok(K, 13, w2["exec"] > 100, "over 100 executed")
ok(K, 14, len(new(a1, a2, "test_parser")) == 2, "2 new parser tests")
ok(K, 15, regressions(a1, a2) == ["test_help_exit_code"], "a regression")
ok(K, 16, c(a2, "test_io")["skip"] == 2, "test_io skips")
ok(K, 17, w1["fail"] == 3 and w2["fail"] == 3, "3 -> 3 failed")
ok(K, 18, w2["pass"] == 105, "104 against 105")

# ---- pr-gradle ----
K = "pr-gradle"; (b1, _, _), (b2, _, _) = CASES[K]; w1, w2 = c(b1), c(b2)
ok(K, 3, (c(b1, "InvoiceServiceTest")["tests"], c(b2, "InvoiceServiceTest")["tests"]) == (12, 14), "2 invoice tests added")
ok(K, 8, (c(b2, "TaxCalculatorTest")["pass"], c(b2, "TaxCalculatorTest")["tests"], c(b1, "TaxCalculatorTest")["pass"]) == (18, 18, 16), "tax")
ok(K, 9, c(b2, "InvoiceServiceTest")["pass"] == 14 == c(b2, "InvoiceServiceTest")["tests"], "invoice")
ok(K, 10, (c(b2, "RefundPolicyTest")["pass"], c(b2, "RefundPolicyTest")["skip"]) == (8, 1), "refund 8 + 1 skipped")
ok(K, 11, c(b2, "PaymentGatewayTest")["fail"] == 1 and outcome(b2, "retriesOnTimeout") == "fail" and outcome(b1, "retriesOnTimeout") == "pass", "gateway")
ok(K, 12, c(b2, "LedgerExportTest")["pass"] == 6 == c(b2, "LedgerExportTest")["tests"] and outcome(b1, "exportsToSftp") == "skip", "ledger")
ok(K, 13, (w2["pass"], w2["fail"], w2["skip"], w2["tests"]) == (55, 1, 1, 57), "whole run")
ok(K, 14, 55 + 1 + 1 != 58, "own arithmetic")
ok(K, 15, pct(55, 56) == 98.2 and pct(50, 53) == 94.3 and w1["exec"] == 53 and round(100 * 55 / 56 - 100 * 50 / 53, 1) == 3.9, "rates")
ok(K, 16, (w1["pass"], w1["fail"], w1["error"]) == (50, 2, 1), "baseline")
ok(K, 17, (w1["error"], w2["error"]) == (1, 0) and outcome(b2, "chargesSavedCard") == "pass", "errors")
ok(K, 18, (w1["tests"], w2["tests"]) == (54, 57), "54 -> 57")
ok(K, 20, w2["fail"] + w2["skip"] == 2, "not every test passes")

# ---- standup-nunit ----
K = "standup-nunit"; (n1, _, _), (n2, _, _) = CASES[K]; w1, w2 = c(n1), c(n2)
ok(K, 4, (c(n1, "OrderRoutingTests")["pass"], c(n2, "OrderRoutingTests")["pass"], c(n2, "OrderRoutingTests")["tests"]) == (12, 14, 14), "routing")
ok(K, 5, (c(n1, "CustomsFormTests")["fail"], c(n1, "CustomsFormTests")["error"], c(n2, "CustomsFormTests")["pass"], c(n2, "CustomsFormTests")["tests"]) == (1, 1, 6, 6), "customs")
ok(K, 9, (w2["tests"], w2["pass"], c(n2, "StockReservationTests")["fail"], c(n2, "ShipmentLabelTests")["skip"]) == (41, 39, 1, 1), "all but 2 of 41")
ok(K, 10, new(n1, n2, "StockReservationTests") == ["ReleasesOnTimeout"] and outcome(n2, "ReleasesOnTimeout") == "fail"
   and (c(n2, "StockReservationTests")["pass"], c(n2, "StockReservationTests")["tests"]) == (11, 12), "stock")
ok(K, 11, (c(n2, "ShipmentLabelTests")["pass"], c(n2, "ShipmentLabelTests")["skip"]) == (8, 1), "labels 8 + 1 ignored")
ok(K, 12, pct(39, 41) == 95.1 and (w1["pass"], w1["tests"]) == (35, 40) and w2["pass"] - w1["pass"] == 4, "rates")
ok(K, 13, (w1["fail"] + w1["error"], w2["fail"] + w2["error"]) == (4, 1), "red 4 -> 1, 75%")
ok(K, 14, (w2["exec"], w2["skip"]) == (40, 1), "40 executed")
ok(K, 15, c(n2, "OrderRoutingTests")["pass"] == 14, "13/14 against line 4's 14/14")
ok(K, 19, w2["fail"] == 1, "the build is not green")

# ---- postmortem-trx ----
K = "postmortem-trx"; (p1, _, _), (p2, _, _) = CASES[K]; w1, w2 = c(p1), c(p2)
ok(K, 7, (c(p1, "TokenRefreshTests")["fail"], c(p1, "TokenRefreshTests")["tests"]) == (3, 8), "3 of 8 failing at the incident")
ok(K, 14, c(p2, "TokenRefreshTests")["pass"] == 10 == c(p2, "TokenRefreshTests")["tests"], "10/10")
ok(K, 15, c(p1, "FailoverTests")["tests"] == 0 and c(p2, "FailoverTests")["tests"] == 5 and c(p2, "FailoverTests")["pass"] == 4, "5 new, 4 passing")
ok(K, 16, (c(p2, "RateLimiterTests")["pass"], c(p2, "RateLimiterTests")["skip"]) == (6, 1), "rate limiter 6 + 1 not executed")
ok(K, 17, (c(p2, "SessionStoreTests")["pass"], c(p2, "SessionStoreTests")["tests"]) == (9, 10), "session store")
ok(K, 19, (c(p2, "FailoverTests")["pass"], c(p2, "FailoverTests")["tests"]) == (4, 5) and outcome(p2, "PromotesReplicaWithin30s") == "fail", "failover")
ok(K, 20, (w2["pass"], w2["tests"], w2["fail"], w2["skip"]) == (29, 32, 2, 1), "29 of 32")
ok(K, 21, pct(29, 32) == 90.6 and pct(22, 25) == 88.0 and (w1["pass"], w1["tests"]) == (22, 25), "rates")
ok(K, 22, (c(p1, "TokenRefreshTests")["fail"], c(p2, "TokenRefreshTests")["fail"]) == (3, 0), "3 -> 0, no factor")
ok(K, 23, (w1["tests"], w2["tests"]) == (25, 32), "25 -> 32")
ok(K, 24, w2["fail"] + w2["skip"] == 3, "not all verified")

# ---- qa-signoff-xunit ----
K = "qa-signoff-xunit"; (q1, _, _), (q2, _, _) = CASES[K]; w1, w2 = c(q1), c(q2)
row = lambda s: (c(q2, s)["tests"], c(q2, s)["pass"], c(q2, s)["fail"], c(q2, s)["skip"])
ok(K, 5, row(".SearchTests") == (16, 16, 0, 0), "search row")
ok(K, 6, row(".PricingTests") == (21, 20, 1, 0), "pricing row")
ok(K, 7, row(".InventorySyncTests") == (12, 11, 0, 1), "inventory row (stated 12/12/0/0)")
ok(K, 8, row(".ReviewsTests") == (8, 8, 0, 0), "reviews row")
ok(K, 9, row(".ImageResizeTests") == (6, 5, 1, 0), "image row")
ok(K, 10, 16 + 21 + 12 + 8 + 6 == 63 and 16 + 20 + 12 + 8 + 5 == 61 and w2["pass"] == 60 and w2["skip"] == 1, "total row sums its rows; evidence 60")
sf = lambda s: s.endswith((".SearchTests", ".ReviewsTests")); bo = lambda s: s.endswith((".PricingTests", ".InventorySyncTests", ".ImageResizeTests"))
ok(K, 12, (c(q2, sf)["tests"], c(q2, sf)["pass"]) == (24, 24), "storefront")
ok(K, 13, (c(q2, bo)["tests"], c(q2, bo)["pass"]) == (39, 36), "back office")
ok(K, 14, (w2["pass"], w2["tests"]) == (60, 63) and pct(60, 63) == 95.2, "overall")
ok(K, 15, (w1["pass"], w1["fail"]) == (58, 3), "RC1")
ok(K, 16, (c(q1, ".PricingTests")["fail"], c(q2, ".PricingTests")["fail"]) == (2, 1), "pricing 2 -> 1")
ok(K, 17, c(q2, ".SearchTests")["pass"] == 16 and (c(q1, ".SearchTests")["pass"], c(q1, ".SearchTests")["tests"]) == (15, 16), "search")
ok(K, 18, regressions(q1, q2) == ["ResizesPng"], "a regression")
ok(K, 21, w2["fail"] == 2 and w2["skip"] == 1, "not all modules pass")

# ---- changelog-ctrf ----
K = "changelog-ctrf"; (g1, _, _), (g2, _, paths) = CASES[K]; w1, w2 = c(g1), c(g2)
ok(K, 6, (c(g2, "Checkout")["pass"], c(g2, "Checkout")["tests"], c(g1, "Checkout")["pass"]) == (14, 15, 13), "checkout")
ok(K, 7, c(g1, "Accessibility")["skip"] == 2 and c(g2, "Accessibility")["pass"] == 8 == c(g2, "Accessibility")["tests"]
   and outcome(g2, "dialog traps focus") == outcome(g2, "skip link visible") == "pass", "a11y")
ok(K, 8, outcome(g1, "applies two coupons") == outcome(g2, "applies two coupons") == "fail" and c(g2, "Checkout")["fail"] == 1, "coupons")
ok(K, 11, (c(g1, "Search")["tests"], c(g2, "Search")["tests"], c(g2, "Search")["pass"]) == (12, 14, 14), "search")
ok(K, 14, (w2["pass"], w2["tests"], w2["fail"], w2["flaky"]) == (45, 47, 1, 1), "45 of 47")
ok(K, 15, pct(40, 45) == 88.9 and pct(45, 47) == 95.7 and (w1["pass"], w1["tests"]) == (40, 45), "rates over all tests")
ok(K, 16, (w1["fail"], w2["fail"]) == (3, 1) and pct(2, 3) == 66.7, "3 -> 1 is 66.7%, not 75%")
cp = lambda s: s.startswith(("login.spec.ts", "checkout.spec.ts"))
ok(K, 17, (c(g2, cp)["tests"], c(g2, cp)["pass"], c(g2, cp)["flaky"]) == (25, 23, 1), "critical path (flaky not passed)")
ok(K, 18, c(g2, "Login")["pass"] == 9 and outcome(g2, "remembers session") == "flaky", "login: a flaky test")
ok(K, 19, w2["fail"] == 1, "a failing test")
ok(K, 20, w2["tests"] == 47, "47, not over 50")
ok(K, 24, (w1["fail"], w1["skip"]) == (3, 2), "v2.3.0")

# ---- shape of every labels.tsv ----
KINDS, VERDICTS = {"count", "rate", "change", "universal", "named", "table"}, {"SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE"}
tot = {}
for case in CASES:
    lines = open(f"{HERE}/{case}/report.md").read().split("\n")
    seen = set()
    for row in open(f"{HERE}/{case}/labels.tsv").read().splitlines():
        ln, kind, verdict, note = row.split("\t"); ln = int(ln)
        assert ln not in seen and 1 <= ln <= len(lines) and lines[ln - 1].strip() and note, (case, ln)
        seen.add(ln)
        if verdict == "NONE": assert kind == "-" and re.search(r"\d", lines[ln - 1]), (case, ln)
        else: assert kind in KINDS and verdict in VERDICTS, (case, ln)
        tot[(case, verdict)] = tot.get((case, verdict), 0) + 1
        assert verdict in ("NONE", "UNVERIFIABLE") or (case, ln) in asserted, f"{case}:{ln}: no assertion for this label"
    for i, l in enumerate(lines, 1):
        assert not re.search(r"\d", l) or i in seen, f"{case}:{i} holds a digit but has no row"
for case in CASES:
    print(f"{case}: S/C/I/U " + "/".join(str(tot.get((case, v), 0)) for v in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE")) + f", NONE {tot.get((case, 'NONE'), 0)}")
allf = {p for p in glob.glob(f"{HERE}/*/runs/**/*", recursive=True) if os.path.isfile(p)}
assert allf == parsed, allf - parsed
print(f"OK: {checked} assertions over {len(parsed)} result files; every labels.tsv well formed")
