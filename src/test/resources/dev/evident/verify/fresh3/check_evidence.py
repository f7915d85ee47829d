# Independent check: parse every written result file (JUnit XML dialects, CTRF JSON, TAP, go test -json,
# evaluation JSON lines) and recompute the numbers the labels rely on. It checks the evidence only, never the tool.
import glob, json, os, re, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
seen = []

def junit(f):
    """(innermost testsuite name, file, name, status, flaky, tags) for every testcase, nested suites included."""
    out = []
    def walk(el, suite):
        for ch in el:
            if ch.tag == "testsuite": walk(ch, ch.get("name"))
            elif ch.tag == "testcase":
                st = "f" if ch.find("failure") is not None else "e" if ch.find("error") is not None else "s" if ch.find("skipped") is not None else "p"
                flaky = st == "p" and (ch.find("flakyFailure") is not None or ch.find("flakyError") is not None)
                out.append((ch.get("class") or ch.get("classname") if suite in (None, "pytest") else suite, ch.get("file"), ch.get("name"), st, flaky, ()))
    root = ET.parse(f).getroot()
    walk(root if root.tag == "testsuites" else [root], None)
    return out

def run(case, n):
    """Tests of one run: (suite, file, name, status, flaky, tags); status p/f/e/s."""
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/*")):
        seen.append(f); base = os.path.basename(f)
        if f.endswith(".xml"): out += junit(f)
        elif base == "go-test.json":
            for line in open(f):
                ev = json.loads(line)
                if ev.get("Test") and ev["Action"] in ("pass", "fail", "skip"):
                    out.append((ev["Package"], None, ev["Test"], {"pass": "p", "fail": "f", "skip": "s"}[ev["Action"]], False, ()))
        elif f.endswith(".json"):
            d = json.load(open(f)); assert d["reportFormat"] == "CTRF"
            for t in d["results"]["tests"]:
                out.append(("/".join(t.get("suite", [])), t.get("filePath"), t["name"], {"passed": "p", "failed": "f", "skipped": "s"}[t["status"]],
                            bool(t.get("flaky")), tuple(t.get("tags", ()))))
        elif f.endswith(".jsonl"):
            for line in open(f):
                s = json.loads(line)
                out.append((s["package"], None, s["sample"], {"passed": "p", "failed": "f", "error": "e", "skipped": "s"}[s["outcome"]], False, (s["model"],)))
        elif f.endswith(".tap"):
            lines = open(f).read().splitlines(); plan = [l for l in lines if re.match(r"^1\.\.\d+$", l)]
            for l in lines:
                m = re.match(r"^(not ok|ok) (\d+) - (.*?)(?: # SKIP (.*))?$", l)
                if m: out.append((base, base, m.group(3), "s" if m.group(4) else "p" if m.group(1) == "ok" else "f", False, ()))
            assert plan and int(plan[0][3:]) == sum(1 for x in out if x[0] == base), f
        else: raise AssertionError(f)
    assert out, (case, n)
    return out

def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]; k = lambda s: sum(1 for x in t if x[3] == s)
    return dict(coll=len(t), exe=len(t) - k("s"), p=k("p"), f=k("f"), e=k("e"), s=k("s"))

def st(tcs, name): return [x[3] for x in tcs if x[2] == name]
def failing(tcs, pred=lambda t: True): return sorted(x[2] for x in tcs if pred(x) and x[3] in "fe")
def regressions(b, l): return sorted(x[2] for x in l if x[3] in "fe" and st(b, x[2]) == ["p"])
def fixed(b, l, pred=lambda t: True): return sorted(x[2] for x in l if pred(x) and x[3] == "p" and set(st(b, x[2])) & set("fe"))
def flaky(tcs): return sorted(x[2] for x in tcs if x[4])
S = lambda v: (lambda t: t[0] == v or t[0].endswith("/" + v) or t[0].endswith("." + v) or t[0].endswith("\\" + v))   # suite / package / class
F = lambda v: (lambda t: (t[1] or "").endswith(v))                                                                    # source file
pct = lambda a, b: round(100 * a / b, 1)

# 1 gotest-ci-bot (go test -json, one run)
r = run("gotest-ci-bot", 1)
assert c(r) == dict(coll=28, exe=27, p=25, f=2, e=0, s=1) and pct(25, 27) == 92.6                     # lines 5, 7
for pkg, want in [("bucket", (9, 0, 0)), ("store", (6, 1, 1)), ("httpmw", (6, 1, 0)), ("cmd/rlctl", (4, 0, 0))]:   # lines 11-14
    x = c(r, S(pkg)); assert (x["p"], x["f"], x["s"]) == want and x["e"] == 0, pkg
assert failing(r, S("store")) == ["TestStore_ExpireRace"] and failing(r, S("httpmw")) == ["TestMiddleware_RetryAfterHeader"]   # 17, 18
assert len({x[0] for x in r}) == 4

# 2 phpunit-agent-emoji (PHPUnit nested suites Unit/Feature > class), baseline + latest
b, l = run("phpunit-agent-emoji", 1), run("phpunit-agent-emoji", 2)
U = lambda t: "\\Unit\\" in t[0]; Fe = lambda t: "\\Feature\\" in t[0]
assert c(b) == dict(coll=44, exe=43, p=37, f=5, e=1, s=1) and c(l) == dict(coll=46, exe=45, p=42, f=2, e=1, s=1)   # 7, 8 (1 failing stated), 9
assert pct(42, 45) == 93.3 and pct(42, 46) == 91.3 and pct(42, 44) == 95.5                              # 10: stated 42/44 fits neither
assert st(b, "testAllocateRemainder") == ["f"] and st(l, "testAllocateRemainder") == ["p"]               # 14
assert c(b, S("InvoiceTest"))["f"] == 3 and c(l, S("InvoiceTest"))["f"] == 1                              # 15
assert c(b, S("RefundApiTest"))["coll"] == 4 and c(l, S("RefundApiTest")) == dict(coll=6, exe=6, p=6, f=0, e=0, s=0)   # 16
assert round(42 / 37, 2) == 1.14                                                                          # 18: not 2x
assert c(l, U) == dict(coll=31, exe=31, p=29, f=2, e=0, s=0)                                              # 24: row says 30 tests, 1 failed
assert c(l, Fe) == dict(coll=15, exe=14, p=13, f=0, e=1, s=1)                                             # 25
assert st(l, "testGuestCheckoutWithCoupon") == ["e"] and st(l, "testRoundingHalfEven") == ["f"]           # 29, 30
assert failing(l, U) == ["testCurrencyMismatch", "testRoundingHalfEven"]                                  # 34
assert regressions(b, l) == ["testCurrencyMismatch"]                                                      # 35
assert 29 + 13 == 42 and 30 + 14 == 44                                                                    # the report's table agrees with its lines 7 and 10

# 3 surefire-release-gates (categories: unit = *Test, integration = *IT)
r = run("surefire-release-gates", 1)
unit, it = (lambda t: t[0].endswith("Test")), (lambda t: t[0].endswith("IT"))
assert c(r) == dict(coll=46, exe=45, p=44, f=1, e=0, s=1)
assert c(r, unit) == dict(coll=34, exe=34, p=33, f=1, e=0, s=0)                                           # 7
assert c(r, it) == dict(coll=12, exe=11, p=11, f=0, e=0, s=1) and failing(r, it) == []                    # 8
assert flaky(r) == ["recordsBurstUsage"] and st(r, "recordsBurstUsage") == ["p"]                           # 9
assert pct(44, 45) == 97.8 and pct(44, 46) == 95.7                                                        # 11 (executed reading)
for cls, coll, p, f, s in [("PlanCatalogTest", 14, 14, 0, 0), ("ProrationTest", 11, 10, 1, 0), ("UsageMeterTest", 9, 9, 0, 0),
                           ("StripeWebhookIT", 7, 6, 0, 1), ("LedgerExportIT", 5, 5, 0, 0)]:              # 19-23 (22 says 7 passed, 0 skipped)
    x = c(r, S(cls)); assert (x["coll"], x["p"], x["f"] + x["e"], x["s"]) == (coll, p, f, s), cls
assert 14 + 11 + 9 + 7 + 5 == 46 and 14 + 10 + 9 + 7 + 5 == 45                                           # 24: the total row adds up its rows; actual 44 passed, 1 skipped
assert open(f"{R}/surefire-release-gates/evident.yaml").read().count("match:") == 2

# 4 ctrf-weekly-tables (CTRF, baseline week 46, latest week 47)
b, l = run("ctrf-weekly-tables", 1), run("ctrf-weekly-tables", 2)
assert c(b) == dict(coll=33, exe=32, p=27, f=5, e=0, s=1) and c(l) == dict(coll=36, exe=35, p=33, f=2, e=0, s=1)   # 9-12
assert (pct(27, 32), pct(33, 35), round(pct(33, 35) - pct(27, 32), 1)) == (84.4, 94.3, 9.9)              # 13
assert flaky(b) == [] and flaky(l) == ["tracks shipment"]                                                  # 14: row says 2
for f, coll, p, fl, s in [("search.spec.ts", 8, 8, 0, 0), ("cart.spec.ts", 10, 8, 2, 0), ("profile.spec.ts", 6, 5, 0, 1), ("orders.spec.ts", 12, 12, 0, 0)]:
    x = c(l, F(f)); assert (x["coll"], x["p"], x["f"], x["s"]) == (coll, p, fl, s), f                      # 20-23 (21 says 9/1, 22 says 4/1/1)
assert 8 + 9 + 4 + 12 == 33 and 0 + 1 + 1 + 0 == 2                                                         # wrong rows 21 and 22 compensate
new = sorted({x[2] for x in l if F("orders.spec.ts")(x)} - {x[2] for x in b}); assert len(new) == 3 and all(st(l, n) == ["p"] for n in new)   # 27
smoke = lambda t: "@smoke" in t[5]
assert c(l, smoke) == dict(coll=8, exe=8, p=7, f=1, e=0, s=0) and failing(l, smoke) == ["adds item from PDP"]   # 28
assert [x[1] for x in l if x[2] == "adds item from PDP"] == ["e2e/cart.spec.ts"]
assert regressions(b, l) == ["adds item from PDP", "merges on login"]                                     # 29
assert failing(b, F("search.spec.ts")) == ["paginates"] and failing(l, F("search.spec.ts")) == []         # 30

# 5 jest-standup (jest-junit with file attributes)
r = run("jest-standup", 1)
assert c(r) == dict(coll=32, exe=29, p=27, f=2, e=0, s=3) and pct(27, 29) == 93.1 and pct(27, 32) == 84.4  # 13, 14
assert c(r, F("sms.test.ts")) == dict(coll=6, exe=6, p=6, f=0, e=0, s=0)                                   # 4
assert c(r, F("email.test.ts"))["f"] == 2                                                                  # 5
assert c(r, F("cron.test.ts")) == dict(coll=7, exe=7, p=7, f=0, e=0, s=0)                                  # 15
assert c(r, F("push.test.ts")) == dict(coll=8, exe=5, p=5, f=0, e=0, s=3)                                  # 16 (says 6 skipped), 22
assert flaky(r) == []                                                                                      # 17

# 6 pytest-pr-description (pytest xunit1 with file attribute), main + PR
b, l = run("pytest-pr-description", 1), run("pytest-pr-description", 2)
P = F("tests/test_pool.py")
assert c(b, P) == dict(coll=16, exe=16, p=10, f=6, e=0, s=0) and c(l, P) == dict(coll=19, exe=19, p=19, f=0, e=0, s=0)   # 10, 11
assert len(fixed(b, l, P)) == 6
assert c(b) == dict(coll=42, exe=42, p=35, f=7, e=0, s=0) and c(l) == dict(coll=45, exe=45, p=43, f=2, e=0, s=0)         # 12
assert (round(100 * 35 / 42), round(100 * 43 / 45)) == (83, 96)                                            # 13
assert regressions(b, l) == ["test_nested_savepoint_rollback"]                                             # 14
assert st(b, "test_downgrade_sqlite") == ["f"] and st(l, "test_downgrade_sqlite") == ["f"]                 # 15
assert c(b, F("tests/test_tx.py"))["p"] == 12 and c(l, F("tests/test_tx.py")) == dict(coll=12, exe=12, p=11, f=1, e=0, s=0)   # 16
assert round(41 / 12, 1) == 3.4                                                                           # 19: not 5x

# 7 evals-checkpoint-summary (evaluation JSON lines, ckpt 1200 then ckpt 1800)
b, l = run("evals-checkpoint-summary", 1), run("evals-checkpoint-summary", 2)
assert {x[5] for x in b} == {("acme-coder-7b-ckpt1200",)} and {x[5] for x in l} == {("acme-coder-7b-ckpt1800",)}
assert c(b) == dict(coll=100, exe=100, p=60, f=38, e=2, s=0) and c(l) == dict(coll=100, exe=100, p=74, f=25, e=1, s=0)   # 7
assert 74 - 60 == 14 and round(74 / 60, 2) == 1.23                                                         # 8
for pkg, n, pb, pl in [("humaneval-lite", 40, 28, 34), ("sql-gen", 25, 15, 19), ("regex", 15, 9, 10), ("refactor", 20, 8, 11)]:   # 14-17
    assert (c(b, S(pkg))["coll"], c(b, S(pkg))["p"], c(l, S(pkg))["coll"], c(l, S(pkg))["p"]) == (n, pb, n, pl), pkg
assert 34 + 19 + 11 + 10 == 74                                                                             # rows 16 (11) and 17 (10) compensate
assert (pct(28, 40), pct(34, 40)) == (70.0, 85.0)                                                          # 21
assert pct(19, 25) == 76.0                                                                                 # 22: says 72%
assert [x[2] for x in l if x[3] == "e"] == ["rf-017"] and c(b, S("refactor"))["e"] == 2                   # 23
assert regressions(b, l) == []                                                                             # 24
assert (38 + 2, 25 + 1) == (40, 26) and 40 / 26 < 1.6                                                     # 25: not halved
assert 100 - 26 == 74                                                                                      # 26
assert all(c(l, S(p))["p"] > c(b, S(p))["p"] for p in ("humaneval-lite", "sql-gen", "regex", "refactor"))  # 33

# 8 tap-redis-cutover (two TAP files)
r = run("tap-redis-cutover", 1)
assert c(r) == dict(coll=30, exe=29, p=27, f=2, e=0, s=1) and len({x[0] for x in r}) == 2                 # 11, 14 (says 28/1/1)
assert c(r, S("smoke.tap")) == dict(coll=22, exe=22, p=21, f=1, e=0, s=0) and failing(r, S("smoke.tap")) == ["TLS client-cert rotation"]   # 12
assert c(r, S("failover.tap")) == dict(coll=8, exe=7, p=6, f=1, e=0, s=1)                                 # 13 (says 7 passed)
assert failing(r, S("failover.tap")) == ["sentinel promotes replica within 10s"] and st(r, "cross-region failover") == ["s"]   # 16, 22
assert pct(27, 29) == 93.1 and pct(28, 29) > 90                                                            # 15
assert not any("checksum" in x[2] for x in r)                                                              # 17

# 9 gojunit-agent-selfcheck (go-junit-report XML, baseline + latest)
b, l = run("gojunit-agent-selfcheck", 1), run("gojunit-agent-selfcheck", 2)
assert c(b, S("internal/pricing"))["p"] == 9 and c(l, S("internal/pricing")) == dict(coll=14, exe=14, p=14, f=0, e=0, s=0)   # 5
assert c(b, S("internal/api")) == dict(coll=12, exe=12, p=0, f=12, e=0, s=0) and c(l, S("internal/api")) == dict(coll=12, exe=12, p=3, f=9, e=0, s=0)   # 6, 13, 21
assert c(b) == dict(coll=36, exe=36, p=19, f=17, e=0, s=0) and c(l) == dict(coll=36, exe=36, p=27, f=9, e=0, s=0)     # 7, 14
assert (pct(27, 36), pct(19, 36)) == (75.0, 52.8) and round(75.0 - 52.8, 1) == 22.2                         # 7, 16
assert 14 + 1 != 14 and c(l, S("internal/inventory")) == dict(coll=10, exe=10, p=10, f=0, e=0, s=0)        # 11, 12 (10/10 is not 90%)
assert round(17 / 9, 1) == 1.9                                                                             # 14: not 2.5x
assert len(fixed(b, l)) == 8                                                                               # 15

# every case directory has labels that point at real lines
for lab in glob.glob(f"{R}/*/labels.tsv"):
    n = len(open(os.path.join(os.path.dirname(lab), "report.md")).read().split("\n")); lines = []
    for row in open(lab).read().splitlines():
        line, kind, verdict, note = row.split("\t")
        assert 1 <= int(line) <= n and kind in ("count", "rate", "named", "universal", "table", "change", "-")
        assert verdict in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE", "NONE") and (kind == "-") == (verdict == "NONE"), row
        lines.append(int(line))
    assert lines == sorted(set(lines)), lab
files = glob.glob(f"{R}/*/runs/*/*")
assert sorted(files) == sorted(set(seen)), set(files) - set(seen)
print("all evidence checks pass;", len(files), "result files parsed")
