# fresh11: an independent check of this set's evidence. Parses every result file with parsers of its own
# (go test -json with subtests, jest-junit, Surefire with flakyFailure/rerunFailure, TAP 14 with subtests,
# Mocha JSON, CTRF), prints the counts the labels assume and asserts them, checks the reports' own arithmetic
# and the shape of every labels.tsv. It checks the evidence only; it never runs Evident.
import glob, json, os, re, fnmatch, xml.etree.ElementTree as ET
HERE = os.path.dirname(os.path.abspath(__file__))
parsed = set()
# a test is (suite, name, outcome); outcome in pass fail error skip flaky


def go_json(path):
    last, parents = {}, set()
    for raw in open(path):
        ev = json.loads(raw)
        t = ev.get("Test")
        if t and ev["Action"] in ("pass", "fail", "skip"):
            last[(ev["Package"], t)] = ev["Action"]
            if "/" in t: parents.add((ev["Package"], t.rsplit("/", 1)[0]))
    # a test with subtests is a container; its leaves are the tests
    return [(p, t, {"pass": "pass", "fail": "fail", "skip": "skip"}[a]) for (p, t), a in last.items() if (p, t) not in parents]


def junit_xml(path):
    out, root = [], ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    for s in suites:
        cases = s.findall("testcase")
        kinds = [{k.tag for k in c} for c in cases]
        o = ["fail" if "failure" in k else "error" if "error" in k else "skip" if "skipped" in k else
             "flaky" if k & {"flakyFailure", "flakyError"} else "pass" for k in kinds]
        assert int(s.get("tests")) == len(cases), (path, s.get("name"))
        assert int(s.get("failures")) == o.count("fail"), (path, s.get("name"))
        assert int(s.get("errors", 0)) == o.count("error"), (path, s.get("name"))
        assert int(s.get("skipped", 0)) == o.count("skip"), (path, s.get("name"))
        for c, oc in zip(cases, o):
            assert c.get("file") in (None, s.get("name")), path   # jest-junit addFileAttribute: the file is the suite
            out.append((s.get("name"), c.get("name"), oc))
    return out


def tap14(path):
    out, group, plan, seen_pts = [], None, None, 0
    fname = os.path.basename(path)
    lines = open(path).read().splitlines()
    assert lines[0] == "TAP version 14", path
    for ln in lines[1:]:
        m = re.match(r"^# Subtest: (.*)$", ln)
        if m: group, seen_pts = m.group(1), 0; continue
        m = re.match(r"^    1\.\.(\d+)$", ln)
        if m: plan = int(m.group(1)); continue
        m = re.match(r"^    (not ok|ok) (\d+) - (.*?)( # SKIP.*)?$", ln)
        if m:
            seen_pts += 1; assert int(m.group(2)) == seen_pts, (path, ln)
            o = "skip" if m.group(4) else "pass" if m.group(1) == "ok" else "fail"
            out.append((fname, f"{group} > {m.group(3)}", o)); continue
        m = re.match(r"^(not ok|ok) \d+ - (.*)$", ln)
        if m:   # the parent point closes its subtest: its plan was met and its status agrees with its leaves
            assert m.group(2) == group and seen_pts == plan, (path, ln)
            leaves = [x for x in out if x[0] == fname and x[1].startswith(group + " > ")]
            assert (m.group(1) == "not ok") == any(x[2] == "fail" for x in leaves), (path, ln)
    return out


def mocha_json(path):
    d = json.load(open(path)); out = []
    pend = {t["fullTitle"] for t in d["pending"]}; fails = {t["fullTitle"] for t in d["failures"]}
    for t in d["tests"]:
        o = "skip" if t["fullTitle"] in pend else "fail" if t["fullTitle"] in fails else "pass"
        out.append((os.path.basename(t["file"]), t["fullTitle"], o))
    st = d["stats"]
    assert (st["tests"], st["passes"], st["failures"], st["pending"]) == (len(out), sum(x[2] == "pass" for x in out), len(fails), len(pend)), path
    return out


def ctrf(path):
    r = json.load(open(path))["results"]
    m = {"passed": "pass", "failed": "fail", "skipped": "skip", "pending": "skip", "other": "error"}
    out = [(t["suite"], t["name"], "flaky" if t.get("flaky") else m[t["status"]]) for t in r["tests"]]
    s = r["summary"]
    assert s["tests"] == len(out) and s["passed"] == sum(x[2] == "pass" for x in out) and s["failed"] == sum(x[2] == "fail" for x in out), path
    assert s["skipped"] == sum(x[2] == "skip" for x in out), path
    return out


def run(case, n):
    out = []
    for f in sorted(glob.glob(f"{HERE}/{case}/runs/{n}/**/*", recursive=True)):
        if os.path.isdir(f): continue
        parsed.add(f)
        if f.endswith(".tap"): out += tap14(f)
        elif f.endswith(".xml"): out += junit_xml(f)
        elif "ctrf" in f: out += ctrf(f)
        elif "mocha" in f: out += mocha_json(f)
        elif f.endswith("go-test.json"): out += go_json(f)
        else: raise AssertionError(f)
    keys = [(s, t) for s, t, _ in out]; assert len(keys) == len(set(keys)), (case, n)
    return out


def counts(tests, where=lambda t: True):
    t = [x for x in tests if where(x)]; k = lambda o: sum(1 for x in t if x[2] == o)
    return dict(collected=len(t), executed=len(t) - k("skip"), passed=k("pass"), failed=k("fail"), errored=k("error"), skipped=k("skip"), flaky=k("flaky"))


def C(coll, exe, p, f, e, s, k): return dict(collected=coll, executed=exe, passed=p, failed=f, errored=e, skipped=s, flaky=k)
def outcome(tests, name): r = [x[2] for x in tests if x[1] == name]; assert len(r) == 1, name; return r[0]
def names(tests, o, where=lambda t: True): return sorted(x[1] for x in tests if x[2] in o and where(x))
def new(b, l): bk = {(s, t) for s, t, _ in b}; return sorted(t for s, t, _ in l if (s, t) not in bk)
def regressions(b, l): bm = {(s, t): o for s, t, o in b}; return sorted(t for s, t, o in l if o in ("fail", "error") and bm.get((s, t)) == "pass")
def fixed(b, l): lm = {(s, t): o for s, t, o in l}; return sorted(t for s, t, o in b if o in ("fail", "error") and lm.get((s, t)) == "pass")
def suite(pat): return lambda t: fnmatch.fnmatchcase(t[0], pat)
def show(case, n, c): print(f"{case} run {n}: " + ", ".join(f"{k} {v}" for k, v in c.items()))


# ---- agent-log-gotest: leaf tests (a test with subtests is a container) ----
case = "agent-log-gotest"; b, l = run(case, 1), run(case, 2); show(case, 1, counts(b)); show(case, 2, counts(l))
assert counts(b) == C(20, 19, 16, 3, 0, 1, 0) and counts(l) == C(22, 21, 19, 2, 0, 1, 0)                       # 4, 20, 21
assert names(b, ("fail",)) == ["TestDeadLetter", "TestRetry/max_attempts", "TestRoute/trailing_slash"]      # 5
assert outcome(b, "TestRoute/trailing_slash") == "fail" and outcome(l, "TestRoute/trailing_slash") == "pass"  # 8
assert counts(l, suite("*/internal/router")) == C(6, 6, 6, 0, 0, 0, 0)                                       # 9
assert "TestRetry/jitter" in new(b, l) and outcome(l, "TestRetry/jitter") == "pass" and "TestRetry/max_attempts" in fixed(b, l)  # 13
assert counts(l, suite("*/internal/queue")) == C(7, 7, 5, 2, 0, 0, 0)                                        # 14
assert counts(l, suite("*/internal/auth")) == C(5, 5, 5, 0, 0, 0, 0) and "TestRotateKeys" in new(b, l)       # 17
assert new(b, l) == ["TestRetry/jitter", "TestRotateKeys"]                                                   # 20
assert names(l, ("fail",)) == ["TestDeadLetter", "TestVisibilityTimeout"]                                    # 21
assert round(100 * 16 / 19, 1) == 84.2 and round(100 * 16 / 20) == 80 and round(100 * 19 / 21, 1) == 90.5   # 22
assert regressions(b, l) == ["TestVisibilityTimeout"]                                                        # 23
assert outcome(b, "TestGracefulShutdown") == outcome(l, "TestGracefulShutdown") == "skip"                    # 26
assert round(1.8 / 1.1, 1) == 1.6                                                                            # 27

# ---- sprint-review-jest: categories by suite (the file) ----
case = "sprint-review-jest"; b, l = run(case, 1), run(case, 2); show(case, 1, counts(b)); show(case, 2, counts(l))
assert counts(b) == C(38, 36, 34, 2, 0, 2, 0) and counts(l) == C(41, 39, 37, 2, 0, 2, 0)                       # 12, 14, 15, 27
assert counts(l, suite("src/cart/*")) == C(14, 14, 13, 1, 0, 0, 0)                                           # 9
assert counts(l, suite("src/checkout/*")) == C(16, 15, 14, 1, 0, 1, 0)                                       # 10
assert counts(l, suite("src/account/*")) == C(11, 10, 10, 0, 0, 1, 0)                                        # 11, 25
assert round(100 * 37 / 39, 1) == 94.9                                                                       # 14
cp = suite("src/cart/coupon.test.ts")
assert counts(b, cp)["collected"] == 4 and counts(l, cp)["collected"] == 6 and names(l, ("fail",), cp) == ["Coupon rejects stacking two percent coupons"]  # 16
assert "Coupon rejects stacking two percent coupons" in new(b, l)
assert outcome(b, "Payment retries declined card once") == outcome(l, "Payment retries declined card once") == "fail"  # 17
assert counts(l, suite("*/address.test.ts")) == C(7, 7, 7, 0, 0, 0, 0) and fixed(b, l) == ["Address validates an IE postcode"]  # 18
assert counts(l, suite("*/profile.test.ts")) == C(5, 4, 4, 0, 0, 1, 0)                                       # 19
assert counts(l, suite("*/login.test.ts")) == C(6, 6, 6, 0, 0, 0, 0) and outcome(l, "Login logs in with SSO") == "pass"  # 26

# ---- migration-status-surefire: flakyFailure is flaky, failure + rerunFailure is failed ----
case = "migration-status-surefire"; b, l = run(case, 1), run(case, 2); show(case, 1, counts(b)); show(case, 2, counts(l))
P = "com.lumen.ledger.migration."
assert counts(b) == C(48, 47, 44, 3, 0, 1, 0) and counts(l) == C(51, 50, 46, 2, 1, 1, 1)                       # 7, 22, 23, 24
pf = lambda c, cls: (counts(c, suite(P + cls))["passed"], counts(c, suite(P + cls))["collected"])
assert pf(b, "SchemaMigrationTest") == (11, 12) and pf(l, "SchemaMigrationTest") == (12, 12)                  # 11
assert pf(b, "DataCopyTest") == (9, 10) and pf(l, "DataCopyTest") == (8, 10)                                  # 12
assert pf(b, "RowCountParityTest") == (12, 12) and pf(l, "RowCountParityTest") == (15, 15)                    # 13, 19
assert pf(b, "SequenceResetTest") == (5, 6) and pf(l, "SequenceResetTest") == (5, 6)                          # 14
assert pf(b, "LegacyViewTest") == (7, 8) and pf(l, "LegacyViewTest") == (6, 8)                                # 15
f = [x for x in glob.glob(f"{HERE}/{case}/runs/2/**/TEST-*DataCopyTest.xml", recursive=True)][0]
tc = {c.get("name"): {k.tag for k in c} for c in ET.parse(f).getroot().iter("testcase")}
assert tc["copiesInvoicesInBatches"] == {"failure", "rerunFailure"} and tc["copiesLargeBlobs"] == {"flakyFailure"}  # 20
assert outcome(l, "copiesLargeBlobs") == "flaky" and outcome(l, "copiesInvoicesInBatches") == "fail"
assert regressions(b, l) == ["viewCompilesOnPostgres"] and names(l, ("error",)) == ["viewCompilesOnPostgres"]  # 21
assert names(l, ("fail",)) == ["copiesInvoicesInBatches", "rendersMonthEndView"]                              # 22
assert round(100 * 44 / 47, 1) == 93.6 and round(100 * 46 / 50, 1) == 92.0                                    # 23
assert new(b, l) == ["parity_statement_lines", "parity_statements", "parity_tax_codes"]                       # 24
assert names(l, ("fail", "error"), lambda t: not t[0].endswith("LegacyViewTest")) == ["copiesInvoicesInBatches"]  # 26
assert 2 + 1 != 4                                                                                             # 31

# ---- nightly-digest-tap: leaf tests of TAP 14 subtests ----
case = "nightly-digest-tap"; b, l = run(case, 1), run(case, 2); show(case, 1, counts(b)); show(case, 2, counts(l))
assert counts(b) == C(29, 28, 26, 2, 0, 1, 0) and counts(l) == C(31, 30, 28, 2, 0, 1, 0)                       # 7, 9, 29, 30, 34
assert counts(l, suite("parse.tap")) == C(12, 11, 10, 1, 0, 1, 0)                                            # 15, 28
assert counts(l, suite("render.tap")) == C(11, 11, 11, 0, 0, 0, 0)                                           # 16, 31
assert counts(l, suite("cli.tap")) == C(8, 8, 7, 1, 0, 0, 0)                                                 # 17
assert regressions(b, l) == ["frontmatter > rejects tabs in keys"]                                           # 21
assert fixed(b, l) == ["html > escapes attribute quotes"]                                                    # 22
assert new(b, l) == ["math > renders block math", "math > renders inline math"] and all(outcome(l, t) == "pass" for t in new(b, l))  # 23
assert outcome(b, "flags > --watch exits on SIGINT") == outcome(l, "flags > --watch exits on SIGINT") == "fail"  # 24
assert round(100 * 26 / 28, 1) == 92.9 and round(100 * 28 / 30, 1) == 93.3                                   # 29

# ---- bugbash-mocha: suites are files ----
case = "bugbash-mocha"; b, l = run(case, 1), run(case, 2); show(case, 1, counts(b)); show(case, 2, counts(l))
assert counts(b) == C(31, 30, 27, 3, 0, 1, 0) and counts(l) == C(42, 41, 39, 2, 0, 1, 0)                       # 7, 8, 15, 16, 17, 18
assert len(new(b, l)) == 11 and round(100 * 39 / 41, 1) == 95.1                                             # 7, 8
assert len(fixed(b, l)) == 3 and names(b, ("fail",)) == fixed(b, l)                                          # 9
pf = lambda c, fl: (counts(c, suite(fl))["passed"], counts(c, suite(fl))["collected"])
assert pf(l, "orders.spec.js") == (14, 14) and pf(b, "orders.spec.js") == (8, 9)                              # 10
assert pf(l, "search.spec.js") == (8, 8) and pf(b, "search.spec.js") == (6, 8)                                # 11
assert names(l, ("fail",), suite("refunds.spec.js")) == ["Refunds refunds partial amount to original card", "Refunds rejects refund over captured amount"]  # 12
assert counts(l, suite("webhooks.spec.js")) == C(11, 10, 10, 0, 0, 1, 0)                                     # 13
assert regressions(b, l) == ["Refunds refunds partial amount to original card"]                              # 14
assert round(100 * (3 - 2) / 3) == 33 and 39 - 27 == 12                                                      # 15, 16

# ---- eval-card-ctrf: categories by suite ----
case = "eval-card-ctrf"; b, l = run(case, 1), run(case, 2); show(case, 1, counts(b)); show(case, 2, counts(l))
assert counts(b) == C(47, 46, 41, 5, 0, 1, 0) and counts(l) == C(50, 49, 47, 2, 0, 1, 0)                       # 13, 15, 25
pf = lambda c, pat: (counts(c, suite(pat))["passed"], counts(c, suite(pat))["collected"])
assert pf(b, "reasoning/*") == (12, 16) and pf(l, "reasoning/*") == (15, 16)                                  # 9
assert pf(b, "safety/*") == (20, 20) and pf(l, "safety/*") == (19, 20)                                        # 10, 26
assert pf(b, "tool-use/*") == (5, 6) and pf(l, "tool-use/*") == (8, 9)                                        # 11
assert pf(b, "multilingual/*") == (4, 5) and pf(l, "multilingual/*") == (5, 5)                                # 12
assert 15 + 20 + 8 + 5 == 48 and 12 + 20 + 5 + 4 == 41 and 16 + 20 + 6 + 5 == 47                              # 13
assert round(100 * 41 / 46, 1) == 89.1 and round(100 * 47 / 49, 1) == 95.9                                   # 15
fx = fixed(b, l); assert len(fx) == 4 and sum(1 for t in fx if t.startswith(("gsm", "logic"))) == 3           # 19
assert regressions(b, l) == ["jb_roleplay_grandma"]                                                          # 20
assert outcome(b, "gsm_multi_step_units") == outcome(l, "gsm_multi_step_units") == "fail"                    # 21
assert new(b, l) == ["json_call_parallel_dedupe", "json_call_parallel_three", "json_call_parallel_two"] and all(outcome(l, t) == "pass" for t in new(b, l))  # 22
assert outcome(b, "json_call_streaming_partial") == outcome(l, "json_call_streaming_partial") == "skip"      # 23
cap = lambda t: t[0].startswith(("reasoning/", "tool-use/"))
assert counts(l, cap) == C(25, 24, 23, 1, 0, 1, 0)                                                           # 24
assert 5 / 2 == 2.5 and round(61.2 - 58.9, 1) == 2.3                                                         # 25, 30

# ---- the other reading: a parent test (a Go test with subtests, a TAP 14 point closing a subtest) counted as a test too ----
def parents_go(path):
    last = {}
    for raw in open(path):
        ev = json.loads(raw)
        if ev.get("Test") and ev["Action"] in ("pass", "fail", "skip"): last[(ev["Package"], ev["Test"])] = ev["Action"]
    return [(p, t, a) for (p, t), a in last.items()]
def parents_tap(case, n):
    out = []
    for f in sorted(glob.glob(f"{HERE}/{case}/runs/{n}/tap/*.tap")):
        for ln in open(f).read().splitlines():
            m = re.match(r"^\s*(not ok|ok) \d+ - (.*?)( # SKIP.*)?$", ln)
            if m: out.append((f, m.group(2), "skip" if m.group(3) else "pass" if m.group(1) == "ok" else "fail"))
    return out
g = lambda n: [(p, t, {"pass": "pass", "fail": "fail", "skip": "skip"}[a]) for p, t, a in parents_go(f"{HERE}/agent-log-gotest/runs/{n}/go-test.json")]
assert counts(g(1)) == C(23, 22, 17, 5, 0, 1, 0) and counts(g(2)) == C(25, 24, 22, 2, 0, 1, 0)
assert counts(parents_tap("nightly-digest-tap", 1)) == C(36, 35, 31, 4, 0, 1, 0) and counts(parents_tap("nightly-digest-tap", 2)) == C(39, 38, 34, 4, 0, 1, 0)
for n in (1, 2):
    show("agent-log-gotest (parents counted too)", n, counts(g(n))); show("nightly-digest-tap (parents counted too)", n, counts(parents_tap("nightly-digest-tap", n)))

# ---- every labels.tsv row points at a real line once; every line holding a digit has a row ----
total = {}
for lab in sorted(glob.glob(f"{HERE}/*/labels.tsv")):
    text = open(os.path.join(os.path.dirname(lab), "report.md")).read().split("\n"); rows = []
    for row in open(lab).read().splitlines():
        line, kind, verdict, note = row.split("\t")
        assert 1 <= int(line) <= len(text) and text[int(line) - 1].strip() and note.strip(), row
        assert verdict != "NONE" or re.search(r"\d", text[int(line) - 1]), row
        assert kind in ("count", "rate", "change", "universal", "named", "table", "-"), row
        assert verdict in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE", "NONE") and (kind == "-") == (verdict == "NONE"), row
        rows.append(int(line)); total[verdict] = total.get(verdict, 0) + 1
    assert rows == sorted(set(rows)), lab
    for i, t in enumerate(text, 1):
        assert not re.search(r"\d", t) or i in rows, (lab, i, t)
files = {f for f in glob.glob(f"{HERE}/*/runs/**/*", recursive=True) if os.path.isfile(f)}
assert files == parsed, files - parsed
print("all evidence checks pass;", len(files), "result files parsed;", dict(sorted(total.items())))
