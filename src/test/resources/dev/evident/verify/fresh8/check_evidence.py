# Independent check of the fresh8 evidence: parse every result file (Surefire XML, `go test -json`, TRX, CTRF JSON,
# pytest xunit2 XML, NUnit 3 XML, TAP 13, xUnit.net v2 XML) with parsers of its own, recompute the numbers the labels
# rely on, including the reports' own arithmetic, and check the labels files' shape. Evidence only, never the tool.
import glob, json, os, re, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
seen = []
# a test: (suite, file, name, status); status p f e s


def surefire(f):
    root = ET.parse(f).getroot(); out = []
    for tc in root.iter("testcase"):
        k = {c.tag for c in tc}
        out.append((tc.get("classname"), None, tc.get("name"), "f" if "failure" in k else "e" if "error" in k else "s" if "skipped" in k else "p"))
    assert int(root.get("tests")) == len(out) and int(root.get("failures")) == sum(x[3] == "f" for x in out), f
    assert int(root.get("errors")) == sum(x[3] == "e" for x in out) and int(root.get("skipped")) == sum(x[3] == "s" for x in out), f
    return out


def pytest_xml(f):
    root = ET.parse(f).getroot(); out = []
    for ts in root.iter("testsuite"):
        cs = list(ts.iter("testcase"))
        assert int(ts.get("tests")) == len(cs) and int(ts.get("failures")) == sum(c.find("failure") is not None for c in cs), f
        assert int(ts.get("skipped")) == sum(c.find("skipped") is not None for c in cs), f
    for tc in root.iter("testcase"):
        k = {c.tag for c in tc}
        out.append((tc.get("classname"), None, tc.get("name"), "f" if "failure" in k else "e" if "error" in k else "s" if "skipped" in k else "p"))
    return out


def gotest(f):
    final = {}; order = []
    for line in open(f):
        d = json.loads(line)
        if "Test" not in d: continue
        key = (d["Package"], d["Test"])
        if d["Action"] == "run": order.append(key)
        if d["Action"] in ("pass", "fail", "skip"): final[key] = {"pass": "p", "fail": "f", "skip": "s"}[d["Action"]]
    assert set(order) == set(final), f
    return [(p, None, t, final[(p, t)]) for p, t in order]


def trx(f):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    root = ET.parse(f).getroot()
    cls = {u.get("id"): u.find("t:TestMethod", ns).get("className") for u in root.iterfind(".//t:UnitTest", ns)}
    out = [(cls[r.get("testId")], None, r.get("testName"), {"Passed": "p", "Failed": "f", "NotExecuted": "s"}[r.get("outcome")])
           for r in root.iterfind(".//t:UnitTestResult", ns)]
    c = root.find(".//t:Counters", ns)
    assert (int(c.get("total")), int(c.get("passed")), int(c.get("failed")), int(c.get("notExecuted"))) == \
        (len(out), sum(x[3] == "p" for x in out), sum(x[3] == "f" for x in out), sum(x[3] == "s" for x in out)), f
    return out


def ctrf(f):
    d = json.load(open(f))["results"]
    out = [(t["suite"], t["filePath"], t["name"], {"passed": "p", "failed": "f", "skipped": "s"}[t["status"]]) for t in d["tests"]]
    s = d["summary"]
    assert (s["tests"], s["passed"], s["failed"], s["skipped"]) == (len(out), *(sum(x[3] == k for x in out) for k in "pfs")), f
    return out


def nunit(f):
    root = ET.parse(f).getroot(); out = []
    for tc in root.iter("test-case"):
        r, lab = tc.get("result"), tc.get("label")
        st = "p" if r == "Passed" else "s" if r == "Skipped" else "e" if lab == "Error" else "f"
        out.append((tc.get("classname"), None, tc.get("name"), st))
    for s in root.iter("test-suite"):
        cs = list(s.iter("test-case"))
        assert int(s.get("total")) == len(cs) and int(s.get("passed")) == sum(c.get("result") == "Passed" for c in cs), (f, s.get("name"))
    return out


def tap(f):
    lines = open(f).read().splitlines(); out = []
    assert lines[0].startswith("TAP version")
    plan = int(re.match(r"1\.\.(\d+)$", lines[1]).group(1))
    for l in lines:
        m = re.match(r"(not ok|ok) (\d+) - (.*?)( # SKIP .*)?$", l)
        if m: out.append((os.path.basename(f), None, m.group(3), "s" if m.group(4) else "p" if m.group(1) == "ok" else "f"))
    assert len(out) == plan and [int(re.match(r"(?:not )?ok (\d+)", l).group(1)) for l in lines if re.match(r"(not )?ok \d", l)] == list(range(1, plan + 1)), f
    return out


def xunit2(f):
    root = ET.parse(f).getroot(); out = []
    for t in root.iter("test"):
        out.append((t.get("type"), None, t.get("method"), {"Pass": "p", "Fail": "f", "Skip": "s"}[t.get("result")]))
    for a in root.iter("assembly"):
        assert (int(a.get("total")), int(a.get("passed")), int(a.get("failed")), int(a.get("skipped"))) == \
            (len(out), *(sum(x[3] == k for x in out) for k in "pfs")), f
    return out


def run(case, n):
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/**/*", recursive=True)):
        if os.path.isdir(f): continue
        seen.append(f); head = open(f).read(400)
        if f.endswith(".trx"): out += trx(f)
        elif f.endswith(".tap"): out += tap(f)
        elif f.endswith(".json") and '"Action"' in head: out += gotest(f)
        elif f.endswith(".json") and '"CTRF"' in head: out += ctrf(f)
        elif f.endswith(".xml") and "<assemblies" in head: out += xunit2(f)
        elif f.endswith(".xml") and "<test-run" in head: out += nunit(f)
        elif f.endswith(".xml") and "surefire" in head: out += surefire(f)
        elif f.endswith(".xml") and 'name="pytest"' in open(f).read(): out += pytest_xml(f)
        else: raise AssertionError(f)
    assert out, (case, n)
    ids = [(x[0], x[2]) for x in out]; assert len(ids) == len(set(ids)), (case, n)
    return out


def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]; k = lambda s: sum(1 for x in t if x[3] == s)
    return dict(coll=len(t), exe=len(t) - k("s"), p=k("p"), f=k("f"), e=k("e"), s=k("s"))
D = lambda r, *ks: tuple(r[k] for k in ks)
def st(tcs, name, pred=lambda t: True): return [x[3] for x in tcs if x[2] == name and pred(x)]
def bad(tcs, pred=lambda t: True): return sorted(x[2] for x in tcs if pred(x) and x[3] in "fe")
def with_st(tcs, s, pred=lambda t: True): return sorted(x[2] for x in tcs if pred(x) and x[3] == s)
key = lambda x: (x[0], x[2])
def regressions(b, l):
    bm = {key(x): x[3] for x in b}; return sorted(x[2] for x in l if x[3] in "fe" and bm.get(key(x)) == "p")
def fixed(b, l):
    lm = {key(x): x[3] for x in l}; return sorted(x[2] for x in b if x[3] in "fe" and lm.get(key(x)) == "p")
def new(b, l):
    bk = {key(x) for x in b}; return [x for x in l if key(x) not in bk]
SUF = lambda v: (lambda t: t[0] == v or t[0].endswith("." + v))
EQ = lambda v: (lambda t: t[0] == v)
ANY = lambda *ps: (lambda t: any(p(t) for p in ps))
pct = lambda a, b: round(100 * a / b, 1)
yaml = lambda case: open(f"{R}/{case}/evident.yaml").read()

# 1 quarterly-review-surefire: end of Q3 then end of Q4; categories by suite
b, l = run("quarterly-review-surefire", 1), run("quarterly-review-surefire", 2)
assert all(f'"com.harbor.{k}.*"' in yaml("quarterly-review-surefire") for k in ("billing", "ledger", "notify"))
BIL, LED, NOT = (lambda t: t[0].startswith("com.harbor.billing.")), (lambda t: t[0].startswith("com.harbor.ledger.")), (lambda t: t[0].startswith("com.harbor.notify."))
assert c(b) == dict(coll=82, exe=81, p=78, f=3, e=0, s=1) and c(l) == dict(coll=96, exe=95, p=93, f=1, e=1, s=1)   # 10, 11, 12, 13, 52
assert len(new(b, l)) == 14 == 96 - 82 and len(new(l, b)) == 0                                                  # 10
assert pct(93, 95) == 97.9 and pct(78, 81) == 96.3                                                              # 11, 54
assert D(c(l, LED), "coll", "p") == (39, 39) and c(b, LED)["p"] == 33 and c(b, LED)["coll"] == 35               # 29, 50
assert fixed(b, l) == sorted(bad(b, LED) + ["appliesLateFee"]) and bad(b, LED) == ["blocksPostingToClosedPeriod", "closesPeriod"]   # 29
assert regressions(b, l) == ["roundsHalfEven"] and not regressions([x for x in b if LED(x)], [x for x in l if LED(x)])   # 30, 35
assert (c(b, BIL)["p"], c(l, BIL)["p"]) == (34, 36) and (c(b, BIL)["coll"], c(l, BIL)["coll"]) == (35, 37)        # 34, 49
assert bad(l, BIL) == ["roundsHalfEven"] and SUF("TaxCalculatorTest")([x for x in l if x[2] == "roundsHalfEven"][0])   # 35
assert D(c(l, SUF("InvoiceServiceTest")), "coll", "p") == (22, 22) and len(new(b, [x for x in l if SUF("InvoiceServiceTest")(x)])) == 2   # 36
assert c(l, NOT) == dict(coll=20, exe=19, p=18, f=0, e=1, s=1) and D(c(b, NOT), "coll", "p") == (12, 11)          # 41 (not 19), 51
assert D(c(l, SUF("SmsGatewayTest")), "coll", "p", "e") == (8, 7, 1)                                             # 42
assert with_st(l, "s") == with_st(b, "s") == ["sendsViaSesInEu"]                                                # 56
assert round(100 * (3 - 2) / 3) == 33 != 50 and c(b)["f"] + c(b)["e"] == 3 and c(l)["f"] + c(l)["e"] == 2       # 55

# 2 migration-retro-gotest: build 9120 then build 9177
b, l = run("migration-retro-gotest", 1), run("migration-retro-gotest", 2)
M = "github.com/northwind/orders/"
STO, API, MIG, CMD = EQ(M + "internal/store"), EQ(M + "internal/api"), EQ(M + "internal/migrate"), EQ(M + "cmd/ordersd")
assert c(b) == dict(coll=70, exe=68, p=64, f=4, e=0, s=2) and c(l) == dict(coll=76, exe=75, p=74, f=1, e=0, s=1)   # 42, 43, 45
assert D(c(b, STO), "coll", "f") == (30, 4) and bad(b) == sorted(["TestJSONBAttributes", "TestArrayColumns", "TestNumericPrecision", "TestListenNotify"])   # 28
assert D(c(l, STO), "coll", "p") == (34, 34) and len(new(b, l)) == 6 and sum(STO(x) for x in new(b, l)) == 4      # 33
assert bad(l) == ["TestListOrdersPagination"] and API([x for x in l if x[3] == "f"][0])                          # 35
assert regressions(b, l) == ["TestListOrdersPagination"]                                                         # 36, 46
assert D(c(l, MIG), "p", "s") == (11, 1) and with_st(l, "s") == ["TestMigrateReplicaLag"]                        # 37
assert c(b, CMD)["coll"] == c(l, CMD)["coll"] == 5 and c(b, CMD)["p"] == c(l, CMD)["p"] == 5                     # 38: not 6
assert round(100 * (74 - 64) / 64, 1) == 15.6 and 4 / 1 == 4 and pct(74, 75) == 98.7                            # 43, 44, 45

# 3 vendor-dd-trx: 4.1.0 then 4.2.0
b, l = run("vendor-dd-trx", 1), run("vendor-dd-trx", 2)
AU, RE, SE, WH = SUF("AuthClientTests"), SUF("RetryPolicyTests"), SUF("SerializerTests"), SUF("WebhookVerifierTests")
assert c(l) == dict(coll=72, exe=71, p=70, f=1, e=0, s=1) and c(b) == dict(coll=70, exe=69, p=67, f=2, e=0, s=1)   # 9, 32, 33, 34
assert pct(70, 72) == 97.2 and pct(70, 71) == 98.6 and pct(67, 69) == 97.1                                       # 9 (not 98.6), 33, 34
for p_, b_, l_ in [(AU, (18, 18), (17, 18)), (RE, (10, 12), (12, 12)), (SE, (29, 30), (31, 32)), (WH, (10, 10), (10, 10))]:
    assert D(c(b, p_), "p", "coll") == b_ and D(c(l, p_), "p", "coll") == l_                                      # 40-43
assert (c(b)["p"], c(b)["coll"], c(l)["p"], c(l)["coll"]) == (67, 70, 70, 72)                                   # 44: 71/72 is wrong
assert bad(b, RE) == ["CircuitHalfOpensAfterCooldown", "HonorsRetryAfterHeader"] and fixed(b, l) == bad(b, RE)     # 48, 49
assert bad(l) == ["RefreshesExpiredToken"] and AU([x for x in l if x[3] == "f"][0])                               # 50
assert st(b, "RoundTripsBigInteger") == st(l, "RoundTripsBigInteger") == ["s"]                                  # 52
assert c(b, WH)["coll"] == c(l, WH)["coll"] == 10                                                                 # 53: not 12

# 4 weekly-status-ctrf: week 46 then week 47; categories by path
b, l = run("weekly-status-ctrf", 1), run("weekly-status-ctrf", 2)
assert all(f'"e2e/{k}/**"' in yaml("weekly-status-ctrf") for k in ("checkout", "search", "mobile"))
CH, SR, MO = [(lambda a: (lambda t: t[1].startswith(f"e2e/{a}/")))(a) for a in ("checkout", "search", "mobile")]
assert c(b) == dict(coll=74, exe=70, p=67, f=3, e=0, s=4) and c(l) == dict(coll=76, exe=74, p=72, f=2, e=0, s=2)   # 13, 71
assert 72 + 2 + 3 == 77 != 76                                                                                    # 13
assert D(c(l, CH), "coll", "p") == (32, 32) and c(b, CH)["p"] == 28                                              # 25
nw = new(b, l); assert len(nw) == 2 and all(x[1] == "e2e/checkout/giftcard.spec.ts" and x[3] == "p" for x in nw)   # 26
assert st(b, "handles 3-D Secure challenge") == ["f"] and st(l, "handles 3-D Secure challenge") == ["p"]          # 27
assert D(c(l, SR), "coll", "p", "f") == (24, 22, 2) and all(x[1] == "e2e/search/facets.spec.ts" for x in l if x[3] == "f")   # 40
assert regressions(b, l) == ["combines two facets", "keeps facets after paging"]                                 # 41
assert (c(b, MO)["s"], c(l, MO)["s"]) == (4, 2) and sorted(set(with_st(b, "s")) - set(with_st(l, "s"))) == ["shares a product", "supports dark mode"]   # 56
assert c(l, MO) == dict(coll=20, exe=18, p=18, f=0, e=0, s=2)                                                    # 57, 59
assert st(b, "supports swipe back") == ["f"] and st(l, "supports swipe back") == ["p"]                            # 58
assert st(l, "plays a product video") == ["s"]                                                                   # 61
assert (pct(72, 74), pct(67, 70)) == (97.3, 95.7) and round(97.3 - 95.7, 1) == 1.6                               # 71, 72

# 5 oss-release-pytest: 1.9.0 then 2.0.0
b, l = run("oss-release-pytest", 1), run("oss-release-pytest", 2)
PA, RN, CL, PL, CP = EQ("tests.test_parser"), EQ("tests.test_renderer"), EQ("tests.test_cli"), EQ("tests.test_plugins"), EQ("tests.test_compat")
assert c(b) == dict(coll=100, exe=99, p=98, f=1, e=0, s=1) and c(l) == dict(coll=130, exe=127, p=125, f=2, e=0, s=3)   # 34, 35, 36
assert 125 > 120 and 130 - 125 == 5 and pct(125, 127) == 98.4                                                   # 35, 36
assert D(c(l, PA), "coll", "p") == (42, 40) and sorted(bad(l, PA)) == sorted(x[2] for x in new(b, l) if PA(x))    # 39, 40
assert bad(l) == ["test_emphasis_intraword", "test_setext_headings"]                                             # 40
assert D(c(l, PL), "coll", "p") == (25, 25) and c(b, PL)["coll"] == 0                                            # 42, 43 (25x from 0)
assert D(c(l, RN), "p", "s") == (37, 1) and with_st(l, "s", RN) == ["test_math_mathjax"]                          # 44
assert D(c(b, CP), "s") == (0,) and with_st(l, "s", CP) == ["test_py38_dict_order", "test_py38_walrus_free"]       # 45
assert bad(b) == ["test_mistune_compat"] and st(l, "test_mistune_compat") == ["p"] and c(b)["f"] == 1            # 46
assert regressions(b, l) == []                                                                                   # 48
assert D(c(b, CL), "coll", "p") == D(c(l, CL), "coll", "p") == (15, 15)

# 6 qa-signoff-nunit: RC1 then RC2; categories by suite
b, l = run("qa-signoff-nunit", 1), run("qa-signoff-nunit", 2)
N = "Fieldbook.Api.Tests."
assert all(f'"{N}{k}"' in yaml("qa-signoff-nunit") for k in ("SyncEndpointTests", "ConflictResolverTests", "OfflineQueueTests", "AttachmentUploadTests", "PermissionMatrixTests"))
SY = ANY(EQ(N + "SyncEndpointTests"), EQ(N + "ConflictResolverTests"), EQ(N + "OfflineQueueTests"))
ME, SC = EQ(N + "AttachmentUploadTests"), EQ(N + "PermissionMatrixTests")
assert c(b) == dict(coll=100, exe=99, p=95, f=3, e=1, s=1) and c(l) == dict(coll=102, exe=101, p=99, f=2, e=0, s=1)   # 34, 39, 40, 79
assert pct(99, 101) == 98.0 and 99 + 2 + 2 == 103                                                                # 40, 41
assert D(c(l, SY), "coll", "p", "f", "s") == (52, 51, 0, 1) and c(l, SY)["exe"] == 51                             # 45, 51
assert D(c(l, ME), "coll", "p", "f", "s") == (20, 19, 1, 0) and D(c(l, SC), "coll", "p", "f") == (30, 29, 1)        # 46, 47
assert fixed(b, [x for x in l]) and sorted(bad(b, EQ(N + "SyncEndpointTests"))) == ["HandlesClockSkew", "ResumesAfterTimeout"]   # 35
assert all(st(l, n) == ["p"] for n in bad(b, EQ(N + "SyncEndpointTests")))                                        # 35
assert (c(b, EQ(N + "ConflictResolverTests"))["coll"], c(l, EQ(N + "ConflictResolverTests"))["coll"]) == (16, 18)  # 52
assert st(b, "ReplaysInOrderAfterRestart") == st(l, "ReplaysInOrderAfterRestart") == ["s"]                      # 53
assert with_st(b, "e") == ["VirusScansBeforeCommit"] and c(l, ME)["e"] == 0 and st(b, "UploadsResumeAfterNetworkDrop") == st(l, "UploadsResumeAfterNetworkDrop") == ["f"]   # 55
assert regressions(b, l) == ["AuditorCannotDeleteRecords"]                                                       # 58

# 7 agent-session-tap: start then end of the session
b, l = run("agent-session-tap", 1), run("agent-session-tap", 2)
FL = lambda n: (lambda t: t[0] == n)
assert c(b) == dict(coll=65, exe=63, p=57, f=6, e=0, s=2) and c(l) == dict(coll=68, exe=66, p=64, f=2, e=0, s=2)   # 10, 43, 44, 50
assert bad(b) == bad(b, FL("parser.tap")) and len(bad(b)) == 6 and sorted(bad(b)) == sorted("parses " + x for x in
       ["optional chaining", "template tags", "for-await", "import attributes", "object shorthand", "getters"])   # 11
assert D(c(b, FL("lexer.tap")), "coll", "p") == (20, 20) and D(c(b, FL("formatter.tap")), "coll", "p") == (12, 12)   # 12
nw = new(b, l); assert len(nw) == 3 and all(x[0] == "parser.tap" and x[3] == "p" and x[2].startswith("recovers") for x in nw)   # 38
assert len(fixed(b, l)) == 5 and bad(l, FL("parser.tap")) == ["parses import attributes"]                        # 45
assert D(c(l, FL("formatter.tap")), "coll", "p") == (12, 11) and regressions(b, l) == ["formats chained ternaries"]   # 46, 55
assert with_st(b, "s") == with_st(l, "s") == ["reads XDG config", "reads from $HOME"]                             # 47
assert 6 / 2 == 3 and (pct(57, 63), pct(64, 66)) == (90.5, 97.0) and round(100 * 64 / 66) == 97                  # 43, 48, 49
assert 64 + 2 + 2 == 68 != 66                                                                                    # 50

# 8 compliance-memo-xunit: Q3 sample then the current run; categories by suite (controls)
b, l = run("compliance-memo-xunit", 1), run("compliance-memo-xunit", 2)
G = "Payments.Gateway.Tests."
y = yaml("compliance-memo-xunit"); assert all(k in y for k in ("CC6.1:", "CC6.3:", "CC7.2:", "PI1.2:"))
C61 = ANY(EQ(G + "EncryptionTests"), EQ(G + "KeyRotationTests"))
assert c(l) == dict(coll=82, exe=82, p=81, f=1, e=0, s=0) and c(b) == dict(coll=80, exe=78, p=76, f=2, e=0, s=2)   # 34, 35, 36
assert (pct(81, 82), pct(76, 78)) == (98.8, 97.4)                                                                # 35, 67 (not 99.8)
assert D(c(l, C61), "coll", "p", "f") == (20, 19, 1)                                                             # 40, 45
for cls, n in [("AccessControlTests", 22), ("AuditLogTests", 14), ("InputValidationTests", 26)]:
    assert D(c(l, EQ(G + cls)), "coll", "p") == (n, n)                                                           # 41-43, 51, 56
assert bad(l) == ["RotatesKeysEvery90Days"] and st(b, "RotatesKeysEvery90Days") == ["f"]                          # 46
assert bad(b, EQ(G + "AccessControlTests")) == ["SupportCannotIssueRefund"] and st(l, "SupportCannotIssueRefund") == ["p"]   # 51
assert with_st(b, "s", EQ(G + "AuditLogTests")) == ["AlertsOnLogGap", "ShipsLogsWithinFiveMinutes"]               # 55

# every labels file points at real lines, once each, with valid kinds and verdicts; every line with a digit has a row
total = {}
for lab in sorted(glob.glob(f"{R}/*/labels.tsv")):
    text = open(os.path.join(os.path.dirname(lab), "report.md")).read().split("\n"); lines = []
    for row in open(lab).read().splitlines():
        line, kind, verdict, note = row.split("\t")
        assert 1 <= int(line) <= len(text) and text[int(line) - 1].strip(), row
        assert verdict != "NONE" or re.search(r"\d", text[int(line) - 1]), row
        assert kind in ("count", "rate", "named", "universal", "table", "change", "-"), row
        assert verdict in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE", "NONE") and (kind == "-") == (verdict == "NONE"), row
        lines.append(int(line)); total[verdict] = total.get(verdict, 0) + 1
    assert lines == sorted(set(lines)), lab
    for i, t in enumerate(text, 1):
        assert not re.search(r"\d", t) or i in lines, (lab, i, t)
    assert 60 <= len([t for t in text if t is not None]) - 1 <= 150, (lab, len(text))
files = [f for f in glob.glob(f"{R}/*/runs/**/*", recursive=True) if os.path.isfile(f)]
assert sorted(files) == sorted(set(seen)), set(files) - set(seen)
print("all evidence checks pass;", len(files), "result files parsed;", dict(sorted(total.items())))
