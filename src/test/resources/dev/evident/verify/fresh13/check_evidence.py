# fresh13: an independent check of this set's evidence. Parses every result file with parsers of its own
# (Gradle JUnit XML, PHPUnit nested suites, Cypress mocha-junit, cargo nextest JUnit with flakyFailure /
# rerunFailure, ctest JUnit, Playwright JUnit, NUnit 2), checks every file's declared counts against its
# content, prints the counts the labels assume and asserts them with the label's line number, checks the
# reports' own arithmetic and the shape of every labels.tsv. It checks the evidence only; it never runs Evident.
import glob, os, re, xml.etree.ElementTree as ET
HERE = os.path.dirname(os.path.abspath(__file__))
parsed = set()
# a test is (group, name, outcome, attempts); outcome in pass fail error skip flaky


def outcome(tc):
    kids = {k.tag for k in tc}
    if "failure" in kids: return "fail"
    if "error" in kids: return "error"
    if "skipped" in kids: return "skip"
    if kids & {"flakyFailure", "flakyError"}: return "flaky"
    return "pass"


def check_declared(path, suite, ctest=False):
    cases = list(suite.iter("testcase")); o = [outcome(c) for c in cases]
    assert int(suite.get("tests")) == len(cases), (path, suite.get("name"))
    assert int(suite.get("failures", 0)) == o.count("fail"), (path, suite.get("name"))
    assert int(suite.get("errors", 0)) == o.count("error"), (path, suite.get("name"))
    # ctest counts a disabled test in `disabled`, not in `skipped`
    skipped = int(suite.get("skipped", 0)) + (int(suite.get("disabled", 0)) if ctest else 0)
    if suite.get("skipped") is not None or ctest:
        assert skipped == o.count("skip"), (path, suite.get("name"))


def junit(path, group_of, ctest=False):
    parsed.add(path); root = ET.parse(path).getroot(); out = []
    for s in ([root] if root.tag == "testsuite" else []) + list(root.iter("testsuite")):
        if s is root and root.tag == "testsuite": check_declared(path, s, ctest); continue
        if s.get("tests") is not None and s.get("name") != "Root Suite": check_declared(path, s, ctest)
    if root.tag == "testsuites" and root.get("tests") is not None: check_declared(path, root)
    parent = {c: p for p in root.iter() for c in p}
    for tc in root.iter("testcase"):
        o = outcome(tc)
        if ctest:   # ctest writes the outcome twice: a status attribute and a child element
            assert {"run": "pass", "fail": "fail", "disabled": "skip", "notrun": "skip"}[tc.get("status")] == o, (path, tc.get("name"))
        if o == "fail":   # a failure followed by rerunFailures failed on every attempt
            attempts = 1 + len(tc.findall("rerunFailure"))
        else:
            attempts = 1 + len(tc.findall("flakyFailure"))
        out.append((group_of(tc, parent[tc]), tc.get("name"), o, attempts))
    return out


def nunit2(path):
    parsed.add(path); root = ET.parse(path).getroot(); out = []
    for tc in root.iter("test-case"):
        r = tc.get("result")
        o = {"Success": "pass", "Failure": "fail", "Error": "error", "Ignored": "skip", "Skipped": "skip", "NotRunnable": "error"}[r]
        assert (tc.get("executed") == "True") == (o != "skip"), path
        fixture = tc.get("name").rsplit(".", 2)[-2]
        out.append((fixture, tc.get("name").rsplit(".", 1)[-1], o, 1))
    ex = [x for x in out if x[2] != "skip"]
    assert int(root.get("total")) == len(ex), path             # NUnit 2: total counts the executed tests
    assert int(root.get("not-run")) == sum(x[2] == "skip" for x in out), path
    assert int(root.get("failures")) == sum(x[2] == "fail" for x in out), path
    asm = root.find("test-suite")
    broken = asm.get("result") == "Error" and not out      # an assembly that failed to load: nothing ran
    if broken: assert int(root.get("errors")) == 1 and asm.find("failure") is not None, path
    else: assert int(root.get("errors")) == sum(x[2] == "error" for x in out), path
    return out, broken


def counts(ts):
    c = {k: sum(t[2] == k for t in ts) for k in ("pass", "fail", "error", "skip", "flaky")}
    c["collected"] = len(ts); c["executed"] = len(ts) - c["skip"]
    return c


def of(ts, group=None, name=None):
    return [t for t in ts if (group is None or t[0] == group) and (name is None or t[1] == name)]


def one(ts, group, name):
    m = of(ts, group, name); assert len(m) == 1, (group, name, m); return m[0]


def regr(a, b):   # passed in the baseline, failed or errored in the latest
    return sorted(t[1] for t in b if t[2] in ("fail", "error") and any(u[:2] == t[:2] and u[2] == "pass" for u in a))


def newtests(a, b): return [t for t in b if not any(u[:2] == t[:2] for u in a)]


checked = {}


def A(case, line, got, want):
    assert got == want, f"{case}:{line}: evidence gives {got}, labels assume {want}"
    checked.setdefault(case, set()).add(line)


def pct(a, b, d=1): return round(100 * a / b, d)


def runs(case, reader):
    return [reader(os.path.join(HERE, case, "runs", str(n))) for n in (1, 2)]


def show(case, c1, c2):
    f = lambda c: f'{c["collected"]} collected, {c["executed"]} executed, {c["pass"]} passed, {c["fail"]} failed, {c["error"]} errored, {c["skip"]} skipped, {c["flaky"]} flaky'
    print(f"{case}\n  run 1: {f(c1)}\n  run 2: {f(c2)}")


# ---------------- agent-attempts-gradle ----------------
case = "agent-attempts-gradle"
def read_gradle(d):
    out = []
    for f in sorted(glob.glob(d + "/build/test-results/test/TEST-*.xml")):
        out += junit(f, lambda tc, p: tc.get("classname").rsplit(".", 1)[-1])
    return out
r1, r2 = runs(case, read_gradle); c1, c2 = counts(r1), counts(r2); show(case, c1, c2)
A(case, 7, (c1["collected"], c1["executed"], c1["pass"], c1["fail"], c1["error"], c1["skip"]), (20, 19, 14, 5, 0, 1))
A(case, 8, (pct(14, 19), c1["pass"], c1["executed"]), (73.7, 14, 19))
ap1 = counts(of(r1, "AmountParserTest"))
A(case, 9, (ap1["collected"], ap1["pass"], one(r1, "AmountParserTest", "parses(String)[3]")[2], one(r1, "AmountParserTest", "parses(String)[4]")[2]), (6, 4, "fail", "fail"))
A(case, 10, ([t[1] for t in of(r1, "CurrencyRoundingTest") if t[2] != "pass"], counts(of(r1, "CurrencyRoundingTest"))["pass"]), (["roundsHalfEven(int)[2]"], 5))
ex1 = counts(of(r1, "ExportCsvTest")); A(case, 11, (ex1["pass"], ex1["collected"]), (1, 3))   # stated 2 of 3: CONTRADICTED
A(case, 17, (c2["pass"], c2["executed"], pct(18, 20), c1["pass"], c1["executed"]), (18, 20, 90.0, 14, 19))
A(case, 18, (c1["fail"] + c1["error"], c2["fail"] + c2["error"], pct(5 - 2, 5)), (5, 2, 60.0))
ap2 = counts(of(r2, "AmountParserTest")); A(case, 19, (ap2["collected"], ap2["pass"]), (6, 6))
cr2 = counts(of(r2, "CurrencyRoundingTest")); A(case, 20, (cr2["collected"], cr2["pass"], one(r2, "CurrencyRoundingTest", "roundsHalfEven(int)[6]")[2], len(of(r1, "CurrencyRoundingTest", "roundsHalfEven(int)[6]"))), (7, 7, "pass", 0))
A(case, 21, (one(r1, "ExportCsvTest", "escapesQuotes()")[2], one(r2, "ExportCsvTest", "escapesQuotes()")[2]), ("fail", "pass"))
A(case, 22, regr(r1, r2), ["reversesEntry()"])                                               # "No regressions": CONTRADICTED
A(case, 23, round(pct(18, 20) / pct(14, 19), 2), 1.22)                                       # "doubled": CONTRADICTED
A(case, 24, c2["executed"] - c2["pass"], 2)
A(case, 25, counts(of(r2, "ExportCsvTest"))["skip"], 1)                                     # "Zero skipped": CONTRADICTED
lp2 = of(r2, "LedgerPostingTest"); A(case, 26, (counts(lp2)["pass"], len(lp2), sorted(t[1] for t in lp2 if t[2] == "fail")), (3, 5, ["rejectsUnbalanced()", "reversesEntry()"]))
A(case, 32, (c1["pass"], c1["fail"], c1["skip"]), (14, 5, 1))
A(case, 33, (c2["pass"], c2["fail"], c2["skip"]), (18, 2, 1))                                 # row says 19: INCONSISTENT with line 17
A(case, 35, (c2["pass"] > 17, c2["fail"], counts(lp2)["fail"]), (True, 2, 2))                 # readiness with failures: CONTRADICTED

# ---------------- newsletter-phpunit ----------------
case = "newsletter-phpunit"
def read_php(d):
    return junit(d + "/reports/phpunit.xml", lambda tc, p: tc.get("file").split("/tests/")[1])
r1, r2 = runs(case, read_php); c1, c2 = counts(r1), counts(r2); show(case, c1, c2)
cat = lambda ts, c: [t for t in ts if t[0].startswith(c + "/")]                           # evident.yaml: path tests/Billing/**, tests/Catalog/**
cls = lambda ts, c: [t for t in ts if t[0].endswith("/" + c + ".php")]
A(case, 13, (c2["collected"], c2["executed"], c2["pass"], c2["fail"], c2["error"]), (28, 26, 25, 1, 0))
A(case, 14, (c2["pass"], c2["executed"], pct(25, 26)), (25, 26, 96.2))
A(case, 15, (c1["pass"], c1["fail"], c1["error"], c1["skip"]), (21, 3, 1, 1))
A(case, 16, (c1["fail"] + c1["error"], c2["fail"] + c2["error"], pct(3, 4)), (4, 1, 75.0))
b2 = counts(cat(r2, "Billing")); A(case, 17, (b2["collected"], b2["pass"]), (15, 15))
k2 = counts(cat(r2, "Catalog")); A(case, 18, (k2["pass"], k2["collected"], k2["fail"], k2["skip"]), (10, 13, 1, 2))
A(case, 19, (counts(cat(r1, "Catalog"))["pass"], k2["pass"]), (8, 10))
A(case, 20, (one(r1, "Catalog/SearchTest.php", "testIndexRebuild")[2], one(r2, "Catalog/SearchTest.php", "testIndexRebuild")[2]), ("error", "pass"))
new = newtests(r1, r2)
A(case, 21, (len(new), {t[0] for t in new}, sorted(t[2] for t in new)), (2, {"Catalog/SearchTest.php"}, ["pass", "skip"]))
A(case, 22, [t[2] for t in r2 if t[1].startswith("testRate with data set")], ["pass"] * 4)
A(case, 23, (counts(cat(r2, "Billing"))["skip"], counts(cls(r2, "ProductTest"))["skip"]), (0, 1))   # CONTRADICTED
s2 = counts(cls(r2, "SearchTest")); A(case, 24, (s2["pass"], s2["collected"]), (5, 7))            # stated 6 of 7: CONTRADICTED
A(case, 25, (s2["fail"], one(r2, "Catalog/SearchTest.php", "testFuzzy")[2], one(r1, "Catalog/SearchTest.php", "testFuzzy")[2]), (1, "fail", "fail"))
A(case, 26, (counts(cls(r2, "RefundTest"))["pass"], counts(cls(r2, "RefundTest"))["collected"]), (4, 4))   # stated 3 of 4: CONTRADICTED
A(case, 27, (b2["pass"], b2["collected"]), (15, 15))                                         # stated 14/15, line 17 says 15: INCONSISTENT

# ---------------- jira-comment-cypress ----------------
case = "jira-comment-cypress"
def read_cy(d):
    out = []
    for f in sorted(glob.glob(d + "/cypress/results/*.xml")):
        root = ET.parse(f).getroot()
        spec = next(s.get("file") for s in root.iter("testsuite") if s.get("name") == "Root Suite")
        ts = junit(f, lambda tc, p: p.get("name"))                                           # the describe block
        title = {tc.get("name"): tc.get("classname") for tc in root.iter("testcase")}
        for t in ts: assert t[1] == t[0] + " " + title[t[1]], f                               # name = describe + title
        assert spec.endswith(ts[0][0].lower() + ".cy.ts"), f
        out += [(g, n[len(g) + 1:], o, a) for g, n, o, a in ts]
    return out
r1, r2 = runs(case, read_cy); c1, c2 = counts(r1), counts(r2); show(case, c1, c2)
A(case, 5, (c1["pass"], c1["fail"], c1["skip"], c1["collected"]), (14, 3, 1, 18))
A(case, 6, (c2["pass"], c2["fail"], c2["skip"], c2["collected"]), (16, 1, 1, 18))
A(case, 7, (c2["pass"], c2["executed"], pct(16, 17)), (16, 17, 94.1))
A(case, 10, (counts(of(r2, "Cart"))["pass"], len(of(r2, "Cart")), counts(of(r1, "Cart"))["pass"], len(of(r1, "Cart"))), (6, 6, 5, 6))
A(case, 11, (counts(of(r2, "Checkout"))["pass"], len(of(r2, "Checkout")), [t[1] for t in of(r2, "Checkout") if t[2] == "fail"]), (6, 7, ["shows tax line"]))
A(case, 12, (counts(of(r2, "Login"))["pass"], counts(of(r2, "Login"))["skip"], len(of(r2, "Login"))), (4, 1, 5))  # CONTRADICTED
A(case, 13, (one(r1, "Checkout", "applies coupon")[2], one(r2, "Checkout", "applies coupon")[2]), ("fail", "pass"))
A(case, 14, regr(of(r1, "Checkout"), of(r2, "Checkout")), [])
A(case, 17, (c1["fail"], c2["fail"], c1["fail"] / c2["fail"]), (3, 1, 3.0))
A(case, 18, c2["pass"] > 15, True)
A(case, 19, 16 - 14, 2)                                                                     # stated +3: INCONSISTENT
A(case, 20, counts(of(r1, "Login"))["skip"], 1)                                             # CONTRADICTED
A(case, 21, sorted((t[0], t[1]) for t in r1 if t[2] == "fail"), [("Cart", "removes last item"), ("Checkout", "applies coupon"), ("Checkout", "shows tax line")])  # CONTRADICTED
A(case, 23, (c2["fail"], c2["skip"]), (1, 1))                                               # CONTRADICTED

# ---------------- migration-checklist-nextest ----------------
case = "migration-checklist-nextest"
def read_nx(d):
    return junit(d + "/target/nextest/ci/junit.xml", lambda tc, p: p.get("name"))
r1, r2 = runs(case, read_nx); c1, c2 = counts(r1), counts(r2); show(case, c1, c2)
A(case, 6, (c2["collected"], c2["pass"], c2["flaky"], c2["fail"]), (20, 18, 1, 1))
A(case, 7, (c1["pass"], c1["collected"], c1["fail"]), (16, 18, 2))
A(case, 8, (c2["pass"], c2["collected"], pct(18, 20)), (18, 20, 90.0))
st2 = counts(of(r2, "vault-store")); A(case, 9, (st2["collected"], st2["pass"]), (8, 7))           # CONTRADICTED
co2 = counts(of(r2, "vault-core")); A(case, 10, (co2["collected"], co2["pass"], co2["flaky"]), (8, 7, 1))
A(case, 11, one(r2, "vault-core", "cipher::rotates_key")[2:], ("flaky", 2))                       # CONTRADICTED
A(case, 12, one(r2, "vault-store", "pg::drops_legacy_table")[2:], ("fail", 2))
new = newtests(r1, r2)
A(case, 13, sorted((t[0], t[1], t[2]) for t in new), [("vault-store", "pg::retries_serialization_error", "pass"), ("vault-store", "pg::uses_pool", "pass")])
A(case, 14, (counts(of(r2, "vault-cli::cli_smoke"))["pass"], len(of(r2, "vault-cli::cli_smoke")), counts(of(r1, "vault-cli::cli_smoke"))["pass"], len(of(r1, "vault-cli::cli_smoke"))), (4, 4, 3, 4))
A(case, 15, (c1["fail"] + c1["error"], c2["fail"] + c2["error"]), (2, 1))
A(case, 16, (c1["collected"], c2["collected"], pct(2, 18, 0)), (18, 20, 11.0))
A(case, 17, (c2["skip"], c2["executed"], c2["collected"]), (0, 20, 20))
A(case, 18, (one(r1, "vault-store", "pg::migrates_v3")[2:], one(r2, "vault-store", "pg::migrates_v3")[2]), (("fail", 2), "pass"))
A(case, 19, regr(r1, r2), ["pg::drops_legacy_table"])                                           # CONTRADICTED
st1 = counts(of(r1, "vault-store")); A(case, 20, (st1["collected"], st1["pass"]), (6, 5))          # stated all 6 passing: CONTRADICTED
A(case, 23, (c2["fail"], c2["flaky"]), (1, 1))                                                  # CONTRADICTED

# ---------------- go-no-go-ctest-playwright ----------------
case = "go-no-go-ctest-playwright"
def read_rc(d):
    ct = junit(d + "/ctest/junit.xml", lambda tc, p: "ctest", ctest=True)
    pw = junit(d + "/playwright/results.xml", lambda tc, p: p.get("name"))
    return ct + pw
r1, r2 = runs(case, read_rc); c1, c2 = counts(r1), counts(r2); show(case, c1, c2)
frac = lambda ts, g: (counts(of(ts, g))["pass"], len(of(ts, g)))
A(case, 7, (frac(r1, "ctest"), frac(r2, "ctest")), ((7, 10), (9, 11)))
A(case, 8, (frac(r1, "viewer.spec.ts"), frac(r2, "viewer.spec.ts")), ((5, 6), (6, 6)))
A(case, 9, (frac(r1, "export.spec.ts"), frac(r2, "export.spec.ts")), ((4, 5), (3, 5)))            # RC2 stated 4/5: CONTRADICTED
A(case, 10, ((c1["pass"], c1["collected"]), (c2["pass"], c2["collected"]), 7 + 5 + 4, 10 + 6 + 5, 9 + 6 + 4, 11 + 6 + 5), ((16, 21), (18, 22), 16, 21, 19, 22))  # INCONSISTENT with line 14
A(case, 14, (c2["executed"], c2["pass"], c2["fail"], c2["skip"], sorted(t[1] for t in r2 if t[2] == "skip")), (20, 18, 2, 2, ["export › exports PDF", "perf_smoke"]))
A(case, 15, (pct(c1["pass"], c1["executed"]), pct(c2["pass"], c2["executed"])), (84.2, 90.0))
A(case, 16, (one(r1, "ctest", "io_tiff")[2], one(r2, "ctest", "io_tiff")[2], one(r1, "ctest", "solver_gmres")[2], one(r2, "ctest", "solver_gmres")[2]), ("fail", "pass", "fail", "fail"))
A(case, 17, regr(r1, r2), ["export › exports STL"])
A(case, 18, [(t[1], t[2]) for t in newtests(r1, r2)], [("solver_amg", "pass")])
A(case, 19, (c1["fail"], c2["fail"], pct(1, 3, 0)), (3, 2, 33.0))                                # stated 50%: INCONSISTENT
A(case, 20, (counts(of(r2, "viewer.spec.ts"))["pass"], len(of(r2, "viewer.spec.ts"))), (6, 6))
A(case, 21, (c1["skip"], c2["skip"]), (2, 2))
ct2 = counts(of(r2, "ctest")); A(case, 22, (ct2["executed"] - ct2["pass"], ct2["executed"]), (1, 10))
A(case, 23, (c2["collected"], c1["collected"]), (22, 21))                                       # stated 21: INCONSISTENT with line 10
A(case, 27, (len(regr(r1, r2)), c2["fail"]), (1, 2))                                            # INCONSISTENT with line 17

# ---------------- slack-thread-nunit-broken ----------------
case = "slack-thread-nunit-broken"
(r1, b1), (r2, b2) = runs(case, lambda d: nunit2(d + "/TestResult.xml")); c1, c2 = counts(r1), counts(r2); show(case, c1, c2)
print(f"  run 2 broken (assembly failed to load, no test case): {b2}")
A(case, 3, (b1, c1["pass"], c1["collected"], c1["fail"], c1["skip"]), (False, 14, 16, 1, 1))
A(case, 5, [(t[0], t[1]) for t in r1 if t[2] in ("fail", "error")], [("TariffTests", "AppliesWeekendRate")])
A(case, 7, (c1["pass"], c1["executed"], pct(14, 15)), (14, 15, 93.3))
A(case, 9, (b2, c2["executed"]), (True, 0))                                                     # CONTRADICTED
A(case, 11, c2["executed"], 0)                                                                  # stated 16: INCONSISTENT with line 25
A(case, 13, (len(of(r2, "DockingTests")), counts(of(r1, "DockingTests"))["pass"]), (0, 6))      # CONTRADICTED
A(case, 15, (of(r2, "TariffTests", "AppliesWeekendRate"), one(r1, "TariffTests", "AppliesWeekendRate")[2]), ([], "fail"))  # CONTRADICTED
A(case, 17, (pct(14, 15), c2["executed"]), (93.3, 0))                                           # CONTRADICTED
m1 = counts(of(r1, "ManifestTests")); A(case, 19, (m1["pass"], m1["collected"], m1["skip"]), (4, 5, 1))
A(case, 25, (b2, c2["executed"]), (True, 0))
A(case, 29, (b2, c2["executed"], c1["pass"]), (True, 0, 14))                                    # CONTRADICTED
A(case, 31, (b2, c2["executed"]), (True, 0))                                                    # CONTRADICTED

# ---------------- shape of every case ----------------
KINDS = {"count", "rate", "change", "universal", "named", "table"}
VERDICTS = {"SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE"}
total = {}
for case in sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d))):
    lines = open(os.path.join(HERE, case, "report.md")).read().split("\n")
    rows = [r.split("\t") for r in open(os.path.join(HERE, case, "labels.tsv")).read().strip().split("\n")]
    seen = set()
    for r in rows:
        assert len(r) == 4 and r[3], (case, r)
        ln = int(r[0]); assert ln not in seen and 1 <= ln <= len(lines) and lines[ln - 1].strip(), (case, r); seen.add(ln)
        if r[2] == "NONE": assert r[1] == "-" and re.search(r"\d", lines[ln - 1]), (case, r)
        else: assert r[1] in KINDS and r[2] in VERDICTS, (case, r)
        total[r[2]] = total.get(r[2], 0) + 1
    for i, l in enumerate(lines, 1):
        assert not re.search(r"\d", l) or i in seen, f"{case}:{i} holds a digit and has no row"
    evidence_rows = {int(r[0]) for r in rows if r[2] in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT")}
    missing = evidence_rows - checked.get(case, set())
    assert not missing, f"{case}: labels with no evidence assertion: {sorted(missing)}"
    extra = checked.get(case, set()) - evidence_rows
    assert not extra, f"{case}: assertions on lines without a claim label: {sorted(extra)}"
files = set(glob.glob(os.path.join(HERE, "*", "runs", "*", "**", "*.xml"), recursive=True))
assert files == parsed, files ^ parsed
print("labels:", dict(sorted(total.items())), "claims:", sum(v for k, v in total.items() if k != "NONE"))
print("every assertion holds;", sum(len(v) for v in checked.values()), "label lines checked against the evidence;", len(parsed), "result files parsed")
