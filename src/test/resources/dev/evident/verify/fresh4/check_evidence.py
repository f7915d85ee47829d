# Independent check: parse every written result file (Surefire, Gradle, pytest xunit2, jest-junit, PHPUnit and ctest
# JUnit XML, go test -json, TAP, evaluation JSON lines) and recompute the numbers the labels rely on.
# It checks the evidence only, never the tool.
import glob, json, os, re, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
seen = []
CONTAINERS = (None, "pytest", "Linux-c++")          # suites that hold no class of their own: use the classname

def junit(f):
    """(suite, file, name, status, parents) for every testcase; suite = innermost testsuite name or classname."""
    out = []
    def walk(el, chain):
        for ch in el:
            if ch.tag == "testsuite": walk(ch, chain + [ch.get("name")])
            elif ch.tag == "testcase":
                st = "f" if ch.find("failure") is not None else "e" if ch.find("error") is not None else "s" if ch.find("skipped") is not None else "p"
                suite = chain[-1] if chain else None
                out.append((ch.get("class") or ch.get("classname") if suite in CONTAINERS else suite, ch.get("file"), ch.get("name"), st, tuple(chain)))
    root = ET.parse(f).getroot()
    walk(root if root.tag == "testsuites" else [root], [])
    return out

def run(case, n):
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/**/*", recursive=True)):
        if os.path.isdir(f): continue
        seen.append(f); base = os.path.basename(f)
        if f.endswith(".xml"): out += junit(f)
        elif base == "go-test.json":
            for line in open(f):
                ev = json.loads(line)
                if ev.get("Test") and ev["Action"] in ("pass", "fail", "skip"):
                    out.append((ev["Package"], None, ev["Test"], {"pass": "p", "fail": "f", "skip": "s"}[ev["Action"]], ()))
        elif f.endswith(".jsonl"):
            for line in open(f):
                s = json.loads(line)
                out.append((s["package"], None, s["sample"], {"passed": "p", "failed": "f", "error": "e"}[s["outcome"]], (s["model"],)))
        elif f.endswith(".tap"):
            lines = open(f).read().splitlines(); plan = [l for l in lines if re.match(r"^1\.\.\d+$", l)]; k = 0
            for l in lines:
                m = re.match(r"^(not ok|ok) (\d+) - (.*?)(?: # SKIP (.*))?$", l)
                if m: k += 1; out.append((base, base, m.group(3), "s" if m.group(4) else "p" if m.group(1) == "ok" else "f", ()))
            assert plan and int(plan[0][3:]) == k, f
        else: raise AssertionError(f)
    assert out, (case, n)
    names = [(x[0], x[2]) for x in out]; assert len(names) == len(set(names)), (case, n)   # no test twice in a run
    return out

def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]; k = lambda s: sum(1 for x in t if x[3] == s)
    return dict(coll=len(t), exe=len(t) - k("s"), p=k("p"), f=k("f"), e=k("e"), s=k("s"))
def st(tcs, name): return [x[3] for x in tcs if x[2] == name]
def failing(tcs, pred=lambda t: True): return sorted(x[2] for x in tcs if pred(x) and x[3] in "fe")
def regressions(b, l, pred=lambda t: True): return sorted(x[2] for x in l if pred(x) and x[3] in "fe" and st(b, x[2]) == ["p"])
def fixed(b, l, pred=lambda t: True): return sorted(x[2] for x in l if pred(x) and x[3] == "p" and set(st(b, x[2])) & set("fe"))
S = lambda v: (lambda t: t[0] == v or t[0].endswith("/" + v) or t[0].endswith("." + v) or t[0].endswith("\\" + v))   # suite / package / class / module
F = lambda v: (lambda t: (t[1] or "").endswith(v))                                                                    # source file
G = lambda pre: (lambda t: re.fullmatch(pre.replace(".", r"\.").replace("*", ".*"), t[0]) is not None)               # evident.yaml suite glob
pct = lambda a, b: round(100 * a / b, 1)

def cats(case):
    """name -> suite glob, from the case's evident.yaml (every category here matches by suite only)."""
    y = open(f"{R}/{case}/evident.yaml").read()
    return dict(re.findall(r"^  (\w+):\n    match: \{suite: \"([^\"]+)\"\}", y, re.M))

# 1 agent-export-summary (pytest xunit2, classname = module)
b, l = run("agent-export-summary", 1), run("agent-export-summary", 2)
E, M, A = S("test_export"), S("test_models"), S("test_api")
assert c(b) == dict(coll=32, exe=32, p=31, f=1, e=0, s=0) and c(l) == dict(coll=54, exe=54, p=52, f=2, e=0, s=0)       # 11, 12, 18, 21
assert c(b, E)["coll"] == 0 and c(l, E) == dict(coll=22, exe=22, p=20, f=2, e=0, s=0)                                    # 7, 16
assert round(100 * 22 / 32) == 69 and pct(20, 22) == 90.9                                                               # 12, 16
assert st(l, "test_export_unicode_filename") == ["f"]                                                                   # 14
assert st(b, "test_list_pagination") == ["f"] and st(l, "test_list_pagination") == ["p"]                               # 13
assert c(l, M) == dict(coll=18, exe=18, p=18, f=0, e=0, s=0)                                                            # 15
assert regressions(b, l, lambda t: M(t) or A(t)) == [] and failing(l, lambda t: M(t) or A(t)) == []                    # 17
assert pct(52, 54) == 96.3 and round(100 * 52 / 54) == 96                                                               # 18: not 98%

# 2 qa-billing-regression (Surefire, categories service / persistence / api)
b, l = run("qa-billing-regression", 1), run("qa-billing-regression", 2)
cat = cats("qa-billing-regression"); assert set(cat) == {"service", "persistence", "api"}
assert c(b) == dict(coll=54, exe=53, p=52, f=1, e=0, s=1) and c(l) == dict(coll=54, exe=53, p=50, f=2, e=1, s=1)       # 9
assert (pct(52, 53), pct(50, 53)) == (98.1, 94.3)                                                                       # 7
assert regressions(b, l) == ["calculatesVatForEuCustomers", "findsByEmailIgnoringCase", "roundsHalfUp"]                # 8, 23-25
assert fixed(b, l) == ["refundsPartialAmount"]                                                                          # 8, 27
for cls, before, after in [("InvoiceServiceTest", (15, 15), (13, 15)), ("PaymentGatewayTest", (11, 12), (12, 12)),
                           ("CustomerRepositoryTest", (10, 10), (9, 10)), ("OrderRepositoryTest", (7, 8), (7, 8)), ("ReportExportApiTest", (9, 9), (9, 9))]:
    assert (c(b, S(cls))["p"], c(b, S(cls))["coll"]) == before and (c(l, S(cls))["p"], c(l, S(cls))["coll"]) == after, cls   # 15-19
assert 14 + 12 + 8 + 7 + 9 == 50                                                                                        # wrong rows 15 and 17 compensate
assert st(l, "calculatesVatForEuCustomers") == ["f"] and st(l, "roundsHalfUp") == ["f"] and st(l, "findsByEmailIgnoringCase") == ["e"]
assert [x[0].split(".")[-1] for x in l if x[2] in ("calculatesVatForEuCustomers", "roundsHalfUp")] == ["InvoiceServiceTest"] * 2
assert c(l, G(cat["service"])) == dict(coll=27, exe=27, p=25, f=2, e=0, s=0)                                          # 31
assert c(l, G(cat["persistence"])) == dict(coll=18, exe=17, p=16, f=0, e=1, s=1)                                      # 32: says 0 skipped
assert c(l, G(cat["api"])) == dict(coll=9, exe=9, p=9, f=0, e=0, s=0)                                                 # 33

# 3 migration-sb3-gradle (Gradle, categories core / web / batch)
b, l = run("migration-sb3-gradle", 1), run("migration-sb3-gradle", 2)
cat = cats("migration-sb3-gradle")
got = {k: (c(b, G(g)), c(l, G(g))) for k, g in cat.items()}
assert (got["core"][0]["p"], got["core"][0]["coll"], got["core"][1]["p"], got["core"][1]["coll"]) == (40, 40, 42, 42)      # 7, 19
assert got["web"][0] == dict(coll=30, exe=29, p=29, f=0, e=0, s=1) and got["web"][1] == dict(coll=30, exe=29, p=26, f=3, e=0, s=1)   # 8, 20
assert got["batch"][0]["p"] == 18 and got["batch"][1] == dict(coll=18, exe=12, p=12, f=0, e=0, s=6)                    # 9 (says 18/18 after), 18
assert c(b) == dict(coll=88, exe=87, p=87, f=0, e=0, s=1) and c(l) == dict(coll=90, exe=83, p=80, f=3, e=0, s=7)       # 11, 12
assert pct(7, 87) == 8.0                                                                                                # 13: not 9%
assert failing(l, S("SecurityConfigTest")) == ["mapsRolesFromJwt()", "rejectsMissingCsrfToken()"] and failing(l, S("CorsConfigTest")) == ["allowsPreflight()"]   # 17
assert 42 / 40 == 1.05 and pct(2, 40) == 5.0                                                                          # 19: +5%, not +2%
assert (pct(29, 30), pct(26, 30), pct(29, 29), pct(26, 29)) == (96.7, 86.7, 100.0, 89.7)                                # 20

# 4 go-nightly-digest (go test -json)
b, l = run("go-nightly-digest", 1), run("go-nightly-digest", 2)
assert c(b) == dict(coll=66, exe=64, p=63, f=1, e=0, s=2) and c(l) == dict(coll=66, exe=64, p=61, f=3, e=0, s=2)       # 3, 5
assert pct(61, 64) == 95.3                                                                                              # 4
assert regressions(b, l) == ["TestCLI_DrainTimeout", "TestScheduler_BackoffJitter", "TestScheduler_Preempt"]          # 6
assert fixed(b, l) == ["TestRegistry_Evict"] and st(b, "TestScheduler_Resync") == st(l, "TestScheduler_Resync") == ["p"]   # 7
for pkg, p, n in [("internal/scheduler", 18, 20), ("internal/registry", 15, 15), ("pkg/api", 23, 25), ("cmd/fleetctl", 5, 6)]:   # 11-14 (13 says 25/25)
    assert (c(l, S(pkg))["p"], c(l, S(pkg))["coll"]) == (p, n), pkg
assert c(b, S("pkg/api"))["s"] == c(l, S("pkg/api"))["s"] == c(b)["s"] == c(l)["s"] == 2                              # 16
assert len({x[0] for x in l}) == 4

# 5 oss-release-ctest (ctest JUnit XML: classname = test name; categories streaming / parser / unicode)
r = run("oss-release-ctest", 1); cat = cats("oss-release-ctest")
assert c(r) == dict(coll=48, exe=47, p=46, f=1, e=0, s=1) and st(r, "fuzz_corpus_large") == ["s"]                     # 13
assert failing(r) == ["unicode_casefold_tr_locale"]                                                                     # 14
assert c(r, G(cat["streaming"])) == dict(coll=12, exe=12, p=12, f=0, e=0, s=0)                                        # 15
assert c(r, G(cat["parser"])) == dict(coll=14, exe=14, p=14, f=0, e=0, s=0)                                           # 16
assert c(r, G(cat["unicode"])) == dict(coll=8, exe=8, p=7, f=1, e=0, s=0)                                             # 17: says 8 of 8
assert pct(46, 47) == 97.9                                                                                              # 18

# 6 evals-leaderboard-note (evaluation JSON lines, ft-v2 then ft-v3)
b, l = run("evals-leaderboard-note", 1), run("evals-leaderboard-note", 2)
assert {x[4] for x in b} == {("acme-ft-v2",)} and {x[4] for x in l} == {("acme-ft-v3",)}
P = lambda r, k: (c(r, S(k))["p"], c(r, S(k))["coll"])
assert (P(b, "gsm-hard"), P(b, "mbpp-lite"), P(b, "toolcall")) == ((31, 50), (26, 40), (18, 30)) and pct(75, 120) == 62.5   # 7
assert (P(l, "gsm-hard"), P(l, "mbpp-lite"), P(l, "toolcall")) == ((38, 50), (29, 40), (17, 30))                       # 8 (says toolcall 19/30)
assert round(100 * (38 + 29 + 19) / 120, 1) == 71.7 and pct(84, 120) == 70.0                                            # 8: the row adds up; the evidence gives 70.0%
assert c(b) == dict(coll=120, exe=120, p=75, f=42, e=3, s=0) and c(l) == dict(coll=120, exe=120, p=84, f=34, e=2, s=0)   # 12, 17, 18
assert pct(84, 120) - pct(75, 120) == 7.5                                                                               # 12
assert round(38 / 31, 2) == 1.23                                                                                        # 14: not 1.5x
assert pct(29, 40) == 72.5                                                                                              # 16: not 75%
assert not any("gpt-4o" in m for x in b + l for m in x[4])                                                             # 19

# 7 incident-redis-phpunit (PHPUnit nested suites Unit / Integration > class), outage run then rerun
b, l = run("incident-redis-phpunit", 1), run("incident-redis-phpunit", 2)
assert c(b) == dict(coll=59, exe=59, p=24, f=1, e=34, s=0) and round(100 * 34 / 59) == 58                              # 7, 8 (says 25 passed)
assert [x[2] for x in b if x[3] == "f"] == ["testRetriesWithBackoff"]                                                   # 9
for cls, ob, ol in [("CacheStoreTest", dict(e=14), dict(p=14)), ("SessionHandlerTest", dict(e=12), dict(p=11, f=1)),
                    ("RateLimiterTest", dict(e=8), dict(p=8)), ("QueueWorkerTest", dict(p=8, f=1), dict(p=8, s=1))]:   # 13-16 (14, 16 wrong in the rerun)
    for run_, want in ((b, ob), (l, ol)):
        x = c(run_, S(cls)); assert {k: v for k, v in x.items() if k in "pfes" and v} == want, (cls, x)
assert c(l) == dict(coll=59, exe=58, p=57, f=1, e=0, s=1) and st(l, "testSqsDriver") == ["s"]                        # 20
assert (c(b)["e"], c(l)["e"]) == (34, 0)                                                                                # 21
assert st(b, "testGarbageCollectsExpired") == ["e"] and st(l, "testGarbageCollectsExpired") == ["f"]                    # 22
U = lambda t: "Unit" in t[4]
assert c(b, U) == c(l, U) == dict(coll=16, exe=16, p=16, f=0, e=0, s=0)                                                 # 23

# 8 slack-installer-tap (two TAP files)
r = run("slack-installer-tap", 1)
assert c(r, S("install.tap")) == dict(coll=32, exe=32, p=31, f=1, e=0, s=0)                                           # 2: says 30/32
assert failing(r) == ["install on alpine without bash"]                                                                 # 2, 6
assert c(r, S("upgrade.tap")) == dict(coll=16, exe=14, p=14, f=0, e=0, s=2)                                           # 3
assert c(r) == dict(coll=48, exe=46, p=45, f=1, e=0, s=2) and pct(45, 46) == 97.8                                     # 4, 5, 7

# 9 jest-pr-cart-refactor (jest-junit, file attribute), main then PR
b, l = run("jest-pr-cart-refactor", 1), run("jest-pr-cart-refactor", 2)
assert c(l, F("useCart.test.ts")) == dict(coll=18, exe=18, p=18, f=0, e=0, s=0) and fixed(b, l) == ["useCart applies coupon once"]   # 7, 10
assert (c(b, F("CartSummary.test.tsx"))["coll"], c(l, F("CartSummary.test.tsx"))["coll"]) == (12, 14)                  # 8
assert c(b) == dict(coll=49, exe=49, p=48, f=1, e=0, s=0) and c(l) == dict(coll=51, exe=49, p=48, f=1, e=0, s=2)       # 9
assert regressions(b, l) == ["Address validates postcode for IE"]                                                       # 10
assert c(l, F("Payment.test.tsx"))["s"] == 2                                                                            # 11
assert (pct(48, 49), pct(48, 49), pct(48, 51)) == (98.0, 98.0, 94.1)                                                    # 12
assert pct(49, 51) == 96.1                                                                                              # 13: not 94%

# every labels file points at real lines, once each, with valid kinds and verdicts
total = {}
for lab in sorted(glob.glob(f"{R}/*/labels.tsv")):
    n = len(open(os.path.join(os.path.dirname(lab), "report.md")).read().split("\n")); lines = []
    for row in open(lab).read().splitlines():
        line, kind, verdict, note = row.split("\t")
        assert 1 <= int(line) <= n and kind in ("count", "rate", "named", "universal", "table", "change", "-")
        assert verdict in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE", "NONE") and (kind == "-") == (verdict == "NONE"), row
        lines.append(int(line)); total[verdict] = total.get(verdict, 0) + 1
    assert lines == sorted(set(lines)), lab
files = [f for f in glob.glob(f"{R}/*/runs/**/*", recursive=True) if os.path.isfile(f)]
assert sorted(files) == sorted(set(seen)), set(files) - set(seen)
print("all evidence checks pass;", len(files), "result files parsed;", dict(sorted(total.items())))
