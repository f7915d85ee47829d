# Independent check of the fresh9 evidence: parse every result file (go test -json, TAP 13, Visual Studio TRX,
# NUnit 3 XML, xUnit.net v2 XML, CTRF JSON) with parsers of its own, recompute every number the labels rely on
# (whole-run, per package / file / class / category counts, named tests, new tests, regressions, fixes) and the
# reports' own arithmetic, and check the labels files' shape. Evidence only, never the tool.
import glob, json, os, re, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
seen = []
# a test: (suite, name, status) with status p (passed), f (failed), e (errored), s (skipped)


def gotest(f):
    last = {}
    for line in open(f):
        d = json.loads(line)
        if d.get("Test") and d["Action"] in ("pass", "fail", "skip"):
            last[(d["Package"], d["Test"])] = {"pass": "p", "fail": "f", "skip": "s"}[d["Action"]]
    return [(k[0], k[1], v) for k, v in last.items()]


def tap(f):
    out, plan = [], None
    for line in open(f):
        m = re.match(r"1\.\.(\d+)", line)
        if m: plan = int(m.group(1)); continue
        m = re.match(r"(not ok|ok) (\d+) - (.*?)(?: # (SKIP|TODO)\b.*)?$", line.rstrip("\n"))
        if m:
            st = "s" if m.group(4) == "SKIP" else "p" if m.group(1) == "ok" else "f"
            out.append((os.path.basename(f), m.group(3), st))
    assert plan == len(out), f
    return out


def trx(f):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    root = ET.parse(f).getroot()
    cls = {u.get("id"): u.find("t:TestMethod", ns).get("className") for u in root.iter("{%s}UnitTest" % ns["t"])}
    out = []
    for r in root.iter("{%s}UnitTestResult" % ns["t"]):
        st = {"Passed": "p", "Failed": "f", "NotExecuted": "s"}[r.get("outcome")]
        out.append((cls[r.get("testId")], r.get("testName").rsplit(".", 1)[1], st))
    c = root.find(".//t:Counters", ns)
    assert int(c.get("total")) == len(out) and int(c.get("passed")) == sum(x[2] == "p" for x in out), f
    return out


def nunit(f):
    root = ET.parse(f).getroot()
    out = []
    for fx in root.iter("test-suite"):
        if fx.get("type") != "TestFixture": continue
        cs = fx.findall("test-case")
        assert int(fx.get("total")) == len(cs), f
        for tc in cs:
            r = tc.get("result")
            st = "s" if r == "Skipped" else "p" if r == "Passed" else "e" if tc.get("label") == "Error" else "f"
            out.append((fx.get("fullname"), tc.get("name"), st))
    assert int(root.get("total")) == len(out), f
    return out


def xunit(f):
    root = ET.parse(f).getroot()
    out = [(t.get("type"), t.get("method"), {"Pass": "p", "Fail": "f", "Skip": "s"}[t.get("result")]) for t in root.iter("test")]
    a = root.find("assembly")
    assert int(a.get("total")) == len(out) and int(a.get("failed")) == sum(x[2] == "f" for x in out), f
    return out


def ctrf(f):
    d = json.load(open(f))["results"]
    out = [(t["suite"], t["name"], {"passed": "p", "failed": "f", "skipped": "s"}[t["status"]]) for t in d["tests"]]
    assert d["summary"]["tests"] == len(out) and d["summary"]["failed"] == sum(x[2] == "f" for x in out), f
    return out


def run(case, n):
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/**/*", recursive=True)):
        if os.path.isdir(f): continue
        seen.append(f)
        if f.endswith(".tap"): out += tap(f)
        elif f.endswith(".trx"): out += trx(f)
        elif f.endswith("go-test.json"): out += gotest(f)
        elif f.endswith(".json"): out += ctrf(f)
        elif f.endswith(".xml"):
            tag = ET.parse(f).getroot().tag
            out += nunit(f) if tag == "test-run" else xunit(f) if tag == "assemblies" else (_ for _ in ()).throw(AssertionError(f))
        else: raise AssertionError(f)
    assert out, (case, n)
    ids = [(x[0], x[1]) for x in out]; assert len(ids) == len(set(ids)), (case, n)
    return out


def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]; k = lambda s: sum(1 for x in t if x[2] == s)
    return dict(coll=len(t), exe=len(t) - k("s"), p=k("p"), f=k("f"), e=k("e"), s=k("s"))
def st(tcs, name): return [x[2] for x in tcs if x[1] == name]
def new(b, l): return sorted(x[1] for x in l if (x[0], x[1]) not in {(y[0], y[1]) for y in b})
def regressions(b, l):
    bm = {(x[0], x[1]): x[2] for x in b}; return sorted(x[1] for x in l if x[2] in "fe" and bm.get((x[0], x[1])) == "p")
def fixed(b, l):
    lm = {(x[0], x[1]): x[2] for x in l}; return sorted(x[1] for x in b if x[2] in "fe" and lm.get((x[0], x[1])) == "p")
def lost_pass(b, l):
    lm = {(x[0], x[1]): x[2] for x in l}; return sorted(x[1] for x in b if x[2] == "p" and lm.get((x[0], x[1])) != "p")
def r1(x): return round(100 * x + 1e-9, 1)
def D(**k): return k


# ---- release-pr-gotest
b, l = run("release-pr-gotest", 1), run("release-pr-gotest", 2)
G = "github.com/ferro/ledger/"
assert c(l) == D(coll=48, exe=47, p=46, f=1, e=0, s=1)                                        # 8, 21
assert c(b) == D(coll=46, exe=45, p=43, f=2, e=0, s=1)
assert fixed(b, l) == ["TestCompactWAL", "TestRateLimitBurst"] and c(b)["f"] == 2              # 9
assert new(b, l) == ["TestExportCSV", "TestSnapshotRestore"]                                    # 10
assert c(l, lambda x: x[0] == G + "store") == D(coll=18, exe=17, p=17, f=0, e=0, s=1)          # 11: 18/18 wrong
assert st(l, "TestCompletionZsh") == ["f"]                                                     # 12
assert r1(46 / 47) == 97.9 and r1(43 / 45) == 95.6                                             # 13
assert c(l, lambda x: x[0] == G + "api") == D(coll=20, exe=20, p=20, f=0, e=0, s=0)           # 14
assert regressions(b, l) == ["TestCompletionZsh"]                                              # 15
assert [x[0] for x in l if x[2] == "f"] == [G + "cli"] and st(b, "TestS3Backend") == st(l, "TestS3Backend") == ["s"]  # 21
assert 48 - 2 == 46 and r1(46 / 48) == 95.8 and r1(46 / 47) == 97.9                            # 22: 96.8 neither
assert 48 - 46 == 2                                                                            # 23: +3 wrong
assert c(l)["f"] > 0                                                                           # 24

# ---- bugbash-discord-tap
b, l = run("bugbash-discord-tap", 1), run("bugbash-discord-tap", 2)
assert c(b)["coll"] == 36 and c(l)["coll"] == 40                                                # 5, 25 (not over 40)
assert c(l) == D(coll=40, exe=39, p=38, f=1, e=0, s=1)                                         # 6
assert r1(38 / 39) == 97.4                                                                     # 7
S = lambda n: (lambda x: x[0] == n)
assert c(b, S("search.tap"))["f"] == 2 and c(l, S("search.tap"))["f"] == 0
assert sorted(fixed(b, l)) == sorted(x[1] for x in b if x[0] == "search.tap" and x[2] == "f")  # 8
assert c(l, S("checkout.tap")) == D(coll=14, exe=14, p=13, f=1, e=0, s=0) and st(l, "applies gift card") == ["f"]  # 11
assert c(l, S("search.tap")) == D(coll=16, exe=16, p=16, f=0, e=0, s=0)                        # 12
assert c(l, S("accounts.tap")) == D(coll=10, exe=9, p=9, f=0, e=0, s=1)                        # 13: 10/10 wrong
assert st(l, "handles emoji query") == ["p"] and st(l, "locks after 5 attempts") == ["p"]      # 16, 17
assert "handles emoji query" in new(b, l) and "locks after 5 attempts" in new(b, l)
gift = [x for x in l if "gift card" in x[1]]
assert len(gift) == 2 and sum(x[2] == "f" for x in gift) == 1                                  # 20
assert lost_pass(b, l) == [] and regressions(b, l) == []                                       # 21
assert [x for x in b if "gift card" in x[1]] == []                                             # 23: 0 -> 2
assert [x[1] for x in l if x[2] in "fe"] == ["applies gift card"]                              # 25

# ---- oncall-handover-trx
b, l = run("oncall-handover-trx", 1), run("oncall-handover-trx", 2)
assert c(l) == D(coll=25, exe=24, p=20, f=4, e=0, s=1) and st(l, "PdfRenderLegacy") == ["s"]   # 7
assert c(b) == D(coll=24, exe=23, p=21, f=2, e=0, s=1)                                         # 8
reg = regressions(b, l)
assert reg == sorted(["HandlesCurrencyRounding", "SkipsVoidedInvoices", "AppliesLateFee"])     # 9
assert {x[0] for x in l if x[1] in reg} == {"Contoso.Billing.Tests.ReconciliationTests", "Contoso.Billing.Tests.InvoiceTests"}
assert fixed(b, l) == ["MatchesPartialRefund"]                                                 # 10
assert st(b, "RetriesOn503") == st(l, "RetriesOn503") == ["f"]                                 # 11
K = lambda n: (lambda x: x[0] == "Contoso.Billing.Tests." + n)
assert c(l, K("InvoiceTests")) == D(coll=10, exe=9, p=8, f=1, e=0, s=1)                        # 17
assert c(l, K("WebhookTests")) == D(coll=9, exe=9, p=8, f=1, e=0, s=0)                         # 18: 9|9|0|0 wrong
assert c(l, K("ReconciliationTests")) == D(coll=6, exe=6, p=4, f=2, e=0, s=0)                  # 19, 23
assert new(b, l) == ["RejectsReplayedSignature"] and st(l, "RejectsReplayedSignature") == ["p"]  # 24
assert c(b)["f"] * 2 == c(l)["f"]                                                               # 25
assert r1(21 / 23) == 91.3 and r1(20 / 24) == 83.3 and round(r1(21 / 23) - r1(20 / 24)) == 8   # 26: not 12
assert c(l)["f"] == 4 and st(l, "AppliesLateFee") == ["f"]                                     # 27

# ---- rfc-validation-nunit (categories: unit = Quarry.Scheduler.Tests.*, stress = Quarry.Scheduler.Stress.*)
b, l = run("rfc-validation-nunit", 1), run("rfc-validation-nunit", 2)
yml = open(f"{R}/rfc-validation-nunit/evident.yaml").read()
assert '"Quarry.Scheduler.Tests.*"' in yml and '"Quarry.Scheduler.Stress.*"' in yml
U = lambda x: x[0].startswith("Quarry.Scheduler.Tests.")
SS = lambda x: x[0].startswith("Quarry.Scheduler.Stress.")
assert c(l) == D(coll=35, exe=34, p=33, f=0, e=1, s=1)                                         # 13, 23
assert c(b) == D(coll=32, exe=31, p=29, f=2, e=0, s=1)                                         # 14
assert fixed(b, l) == ["ContendedEnqueue_64Threads", "FairnessUnderLoad"]                      # 15
assert all(x[0].endswith("ContentionTests") for x in b if x[2] == "f")
assert c(l, SS) == D(coll=10, exe=9, p=9, f=0, e=0, s=1)                                       # 16: 10/10 wrong
assert c(l, U) == D(coll=25, exe=25, p=24, f=0, e=1, s=0) and st(l, "Dispatch_CancelsOnShutdown") == ["e"]  # 17
assert new(b, l) == sorted(["CasRetry_Bounded", "AbaGuard_Tagged", "Drain_EmptiesAll"])        # 18
assert all(st(l, n) == ["p"] for n in new(b, l))
assert r1(29 / 31) == 93.5 and r1(33 / 34) == 97.1 and round(97.1 - 93.5, 1) == 3.6            # 19: not 5
assert c(l, lambda x: x[0].endswith(".QueueTests")) == D(coll=15, exe=15, p=15, f=0, e=0, s=0)  # 20
assert st(b, "Soak_24h") == st(l, "Soak_24h") == ["s"]                                         # 21
assert c(l, lambda x: x[0].endswith(".DispatchTests")) == D(coll=10, exe=10, p=9, f=0, e=1, s=0)  # 24
assert c(l)["e"] > 0                                                                           # 25

# ---- status-update-ctrf
b, l = run("status-update-ctrf", 1), run("status-update-ctrf", 2)
Q = lambda n: (lambda x: x[0] == n)
assert c(b, Q("checkout")) == D(coll=12, exe=12, p=8, f=4, e=0, s=0)                           # 10
assert c(l, Q("checkout")) == D(coll=13, exe=13, p=13, f=0, e=0, s=0)                          # 11, 24; 17: 12 wrong
assert new(b, l) == ["pays with saved card after token refresh"]
assert c(l) == D(coll=27, exe=26, p=26, f=0, e=0, s=1)                                         # 12
assert c(l, Q("cart"))["p"] == 8 == c(l, Q("cart"))["coll"]
assert c(l, Q("login")) == D(coll=6, exe=5, p=5, f=0, e=0, s=1)                                # 13: login 6/6 wrong
assert c(b) == D(coll=26, exe=25, p=21, f=4, e=0, s=1) and r1(21 / 25) == 84.0 and r1(26 / 26) == 100.0  # 14
assert c(b)["f"] == 4 and c(l)["f"] == 0                                                        # 15
assert st(l, "pays with saved card") == ["p"] and st(l, "pays with saved card after token refresh") == ["p"]  # 16

# ---- agent-turns-xunit
b, l = run("agent-turns-xunit", 1), run("agent-turns-xunit", 2)
X = lambda n: (lambda x: x[0] == "Halyard.Parser.Tests." + n)
assert c(b) == D(coll=40, exe=39, p=35, f=4, e=0, s=1)                                         # 3
assert c(b, X("ExprParserTests"))["f"] == 3 and c(b, X("ErrorRecoveryTests"))["f"] == 1
assert st(b, "ParsesTernary") == st(b, "ParsesUnaryMinus") == ["f"]
assert st(l, "ParsesTernary") == st(l, "ParsesUnaryMinus") == ["p"]                            # 5
assert st(l, "RecoversFromMissingParen") == ["p"] and new(b, l) == ["ParsesNullCoalescing", "ParsesPipeline"]  # 7
assert st(l, "ParsesNullCoalescing") == st(l, "ParsesPipeline") == ["p"]
assert st(l, "PrecedenceOfPower") == ["f"]                                                     # 9, 23
assert c(l) == D(coll=42, exe=41, p=40, f=1, e=0, s=1)                                         # 13; 20: 41 wrong
assert c(l, X("ExprParserTests")) == D(coll=20, exe=20, p=19, f=1, e=0, s=0)                   # 14
assert c(l, X("TokenizerTests")) == c(b, X("TokenizerTests")) == D(coll=14, exe=14, p=14, f=0, e=0, s=0)  # 15
assert c(l, X("ErrorRecoveryTests")) == D(coll=8, exe=7, p=7, f=0, e=0, s=1)                   # 16: all 8 wrong
assert r1(35 / 39) == 89.7 and r1(40 / 41) == 97.6                                             # 17
assert (4 - 1) / 4 == 0.75                                                                     # 18
assert len(fixed(b, l)) == 3 and c(b)["f"] == 4                                                # 19
assert st(l, "RecoversInsideStringInterpolation") == ["s"]                                     # 22

# ---- labels: shape and coverage
KINDS = {"count", "rate", "change", "universal", "named", "table"}
VERD = {"SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE"}
tot = {}
cases = sorted(d for d in os.listdir(R) if os.path.isdir(f"{R}/{d}"))
assert len(cases) == 6, cases
for case in cases:
    lines = open(f"{R}/{case}/report.md").read().split("\n")
    rows = [r.split("\t") for r in open(f"{R}/{case}/labels.tsv").read().splitlines()]
    nums = [int(r[0]) for r in rows]
    assert len(nums) == len(set(nums)), case
    for r in rows:
        assert len(r) == 4 and r[3].strip(), (case, r)
        n, kind, verdict = int(r[0]), r[1], r[2]
        assert 1 <= n <= len(lines) and lines[n - 1].strip(), (case, n)
        if verdict == "NONE":
            assert kind == "-" and re.search(r"\d", lines[n - 1]), (case, n)
        else:
            assert kind in KINDS and verdict in VERD, (case, r)
        tot[verdict] = tot.get(verdict, 0) + 1
    for i, line in enumerate(lines, 1):
        if re.search(r"\d", line): assert i in nums, (case, i, "digit without a row")
    for n in (1, 2): assert os.path.isdir(f"{R}/{case}/runs/{n}")
every = [f for f in glob.glob(f"{R}/*/runs/**/*", recursive=True) if not os.path.isdir(f)]
assert sorted(every) == sorted(seen), set(every) ^ set(seen)
claims = sum(v for k, v in tot.items() if k != "NONE")
print(f"ok: {len(cases)} cases, {len(seen)} result files parsed, {claims} claims", dict(sorted(tot.items())))
