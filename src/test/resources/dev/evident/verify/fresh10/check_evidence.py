# Independent check of the fresh10 evidence. Parses every result file with parsers of its own (go test -json,
# TAP 13, Visual Studio TRX, NUnit 3, xUnit.net v2, CTRF JSON, pytest JUnit XML xunit2), recomputes the numbers
# the labels rely on and the reports' own arithmetic, and checks the labels files' shape. Evidence only, never the tool.
import glob, json, os, re, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
seen = []
# a test is (suite, name, status); status: p passed, f failed, e errored, s skipped, k flaky (failed, then passed on a retry)


def gotest(f):
    last = {}
    for line in open(f):
        d = json.loads(line)
        if d.get("Test") and d["Action"] in ("pass", "fail", "skip"):
            last[(d["Package"], d["Test"])] = {"pass": "p", "fail": "f", "skip": "s"}[d["Action"]]
    return [(p, t, s) for (p, t), s in last.items()]


def tap(f):
    out, plan, suite = [], None, os.path.basename(f)
    for line in open(f):
        m = re.match(r"1\.\.(\d+)", line)
        if m: plan = int(m.group(1))
        m = re.match(r"(not ok|ok) \d+ - (.*?)( # SKIP.*)?$", line.rstrip("\n"))
        if m: out.append((suite, m.group(2), "s" if m.group(3) else "p" if m.group(1) == "ok" else "f"))
    assert plan == len(out), f
    return out


def trx(f):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    root = ET.parse(f).getroot()
    cls = {u.get("id"): u.find("t:TestMethod", ns).get("className") for u in root.iterfind("t:TestDefinitions/t:UnitTest", ns)}
    out = [(cls[r.get("testId")], r.get("testName"), {"Passed": "p", "Failed": "f", "NotExecuted": "s"}[r.get("outcome")])
           for r in root.iterfind("t:Results/t:UnitTestResult", ns)]
    c = root.find("t:ResultSummary/t:Counters", ns)
    assert (int(c.get("total")), int(c.get("passed")), int(c.get("failed")), int(c.get("notExecuted"))) == \
        (len(out), k(out, "p"), k(out, "f"), k(out, "s")), f
    return out


def nunit(f):
    root, out = ET.parse(f).getroot(), []
    for fx in root.iter("test-suite"):
        if fx.get("type") != "TestFixture": continue
        for tc in fx.findall("test-case"):
            r = tc.get("result")
            out.append((fx.get("fullname"), tc.get("name"), "p" if r == "Passed" else "s" if r == "Skipped"
                        else "e" if tc.get("label") == "Error" else "f"))
    for s in [root] + list(root.iter("test-suite")):   # declared counts agree with the content
        cs = list(s.iter("test-case"))
        assert int(s.get("total")) == len(cs) and int(s.get("skipped")) == sum(t.get("result") == "Skipped" for t in cs), (f, s.get("name"))
        assert int(s.get("failed")) == sum(t.get("result") == "Failed" for t in cs), (f, s.get("name"))
    return out


def xunit2(f):
    root, out = ET.parse(f).getroot(), []
    for t in root.iter("test"):
        out.append((t.get("type"), t.get("method"), {"Pass": "p", "Fail": "f", "Skip": "s"}[t.get("result")]))
    for a in list(root.iter("assembly")) + list(root.iter("collection")):
        assert (int(a.get("total")), int(a.get("passed")), int(a.get("failed")), int(a.get("skipped"))) == \
            (len(out), k(out, "p"), k(out, "f"), k(out, "s")), f
    return out


def ctrf(f):
    d = json.load(open(f))["results"]
    out = [(t["suite"], t["name"], "k" if t.get("flaky") else {"passed": "p", "failed": "f", "skipped": "s"}[t["status"]]) for t in d["tests"]]
    for t in d["tests"]:
        if t.get("flaky"): assert t["status"] == "passed" and t["retryAttempts"][0]["status"] == "failed", f
    sm = d["summary"]
    assert (sm["tests"], sm["passed"], sm["failed"], sm["skipped"], sm["flaky"]) == (len(out), k(out, "p") + k(out, "k"), k(out, "f"), k(out, "s"), k(out, "k")), f
    return out


def junit(f):
    root, out = ET.parse(f).getroot(), []
    for s in root.iter("testsuite"):
        cs = s.findall("testcase")
        for c in cs:
            kids = {x.tag for x in c}
            out.append((c.get("classname"), c.get("name"), "f" if "failure" in kids else "e" if "error" in kids else "s" if "skipped" in kids else "p"))
        assert (int(s.get("tests")), int(s.get("failures")), int(s.get("errors")), int(s.get("skipped"))) == \
            (len(cs), sum(c.find("failure") is not None for c in cs), sum(c.find("error") is not None for c in cs), sum(c.find("skipped") is not None for c in cs)), f
    return out


def k(tcs, s): return sum(1 for x in tcs if x[2] == s)
READERS = {".json": lambda f: ctrf(f) if "ctrf" in f else gotest(f), ".tap": tap, ".trx": trx, ".xml": None}


def run(case, n):
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/**/*", recursive=True)):
        if os.path.isdir(f): continue
        seen.append(f); ext = os.path.splitext(f)[1]
        if ext == ".xml":
            tag = ET.parse(f).getroot().tag
            out += {"test-run": nunit, "assemblies": xunit2, "testsuites": junit}[tag](f)
        else: out += READERS[ext](f)
    assert out, (case, n)
    assert len({(x[0], x[1]) for x in out}) == len(out), (case, n)
    return out


def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]
    return dict(coll=len(t), exe=len(t) - k(t, "s"), p=k(t, "p"), f=k(t, "f"), e=k(t, "e"), s=k(t, "s"), k=k(t, "k"))
def D(r, *ks): return tuple(r[x] for x in ks)
def st(tcs, name): return [x[2] for x in tcs if x[1] == name]
def with_st(tcs, s, pred=lambda t: True): return sorted(x[1] for x in tcs if pred(x) and x[2] == s)
def bad(tcs, pred=lambda t: True): return sorted(x[1] for x in tcs if pred(x) and x[2] in "fe")
def regressions(b, l):
    bm = {(x[0], x[1]): x[2] for x in b}; return sorted(x[1] for x in l if x[2] in "fe" and bm.get((x[0], x[1])) == "p")
def fixed(b, l):
    lm = {(x[0], x[1]): x[2] for x in l}; return sorted(x[1] for x in b if x[2] in "fe" and lm.get((x[0], x[1])) == "p")
def new(b, l):
    bk = {(x[0], x[1]) for x in b}; return [x for x in l if (x[0], x[1]) not in bk]
S = lambda v: (lambda t: t[0] == v)
END = lambda v: (lambda t: t[0].endswith(v))
pct = lambda a, b: round(100 * a / b, 1)

# 1 agent-summary-gotest: before, then after the agent's change
b, l = run("agent-summary-gotest", 1), run("agent-summary-gotest", 2)
STORE, PARSER, API, CMD = END("/internal/store"), END("/internal/parser"), END("/internal/api"), END("/cmd/ledgerctl")
assert st(b, "TestCompactWAL") == st(b, "TestSnapshotRestore") == ["f"] and st(l, "TestCompactWAL") == st(l, "TestSnapshotRestore") == ["p"]   # 7, 8
nw = new(b, l); assert sorted(x[1] for x in nw) == ["TestParseNegativeAmounts", "TestParseThousandsSeparator"] and all(PARSER(x) for x in nw)   # 9
assert (c(b, PARSER)["coll"], c(l, PARSER)["coll"]) == (12, 14)
assert c(l) == dict(coll=50, exe=49, p=47, f=2, e=0, s=1, k=0) and c(b) == dict(coll=48, exe=47, p=44, f=3, e=0, s=1, k=0)   # 14, 19, 20, 30
assert D(c(l, STORE), "coll", "p") == (18, 18) and D(c(b, STORE), "coll", "p") == (18, 16)                 # 15
assert D(c(l, PARSER), "coll", "p") == (14, 14)                                                            # 16
assert D(c(l, API), "coll", "p", "f", "s") == (12, 10, 1, 1)                                               # 17: not 11/12
assert D(c(l, CMD), "coll", "p", "f") == (6, 5, 1)                                                         # 18
assert 47 - 44 == 3 and pct(47, 49) == 95.9                                                                # 20 (+4 is wrong), 21
assert st(b, "TestRateLimitHeaders") == st(l, "TestRateLimitHeaders") == ["f"]                             # 22
assert st(b, "TestExportCSV") == ["p"] and st(l, "TestExportCSV") == ["f"] and regressions(b, l) == ["TestExportCSV"]   # 23, 24
assert bad(l, lambda t: STORE(t) or PARSER(t)) == [] and c(l, lambda t: STORE(t) or PARSER(t))["s"] == 0    # 28
assert c(l)["p"] != 49                                                                                     # 30

# 2 standup-tap: yesterday (Monday), then today
b, l = run("standup-tap", 1), run("standup-tap", 2)
CART, CO, INV, SE = S("cart.tap"), S("checkout.tap"), S("inventory.tap"), S("search.tap")
assert bad(b, CO) == ["computes tax with rounding", "rejects an expired card"] and all(st(l, n) == ["p"] for n in bad(b, CO))   # 4
assert D(c(l, CO), "coll", "p", "s") == (14, 13, 1) and with_st(l, "s", CO) == ["handles 3-D Secure"]
nw = new(b, l); assert len(nw) == 2 and all(CO(x) for x in nw)                                              # 5
assert (c(b, CO)["p"], c(l, CO)["p"]) == (9, 13) and 13 - 9 == 4                                           # 6: not +3
assert c(b)["s"] == 1 and with_st(b, "s") == ["handles 3-D Secure"]                                         # 7: not 2
assert regressions(b, l) == ["applies bulk discount"] and CART([x for x in l if x[1] == "applies bulk discount"][0])   # 11
assert D(c(l, CART), "coll", "p", "f") == (10, 9, 1) and c(l)["f"] + c(l)["e"] == 1                         # 12
assert c(l) == dict(coll=41, exe=39, p=38, f=1, e=0, s=2, k=0) and c(b)["p"] == 36                           # 13, 14
assert 41 - 3 == 38 and 1 + 2 == 3 and pct(38, 39) == 97.4                                                  # 15, 16
assert D(c(l, INV), "coll", "p") == (8, 8) and D(c(l, SE), "coll", "p", "s") == (9, 8, 1)                    # 17, 18

# 3 release-checklist-trx: v2.7.3, then v2.8.0-rc1
b, l = run("release-checklist-trx", 1), run("release-checklist-trx", 2)
T = lambda v: END("." + v)
assert c(l) == dict(coll=65, exe=64, p=62, f=2, e=0, s=1, k=0) and c(b) == dict(coll=62, exe=61, p=60, f=1, e=0, s=1, k=0)   # 7, 19, 20
assert 63 + 1 + 1 == 65                                                                                     # 7 adds up, yet disagrees with 19
assert D(c(l, T("TenantIsolationTests")), "coll", "p", "f") == (8, 7, 1)                                    # 8
assert D(c(l, T("PaymentGatewayTests")), "coll", "p") == (15, 15) and fixed(b, l) == ["Refund_PartialAmount_RoundsToCents"]   # 9
assert D(c(l, T("InvoiceCalculatorTests")), "coll", "p") == (20, 20)                                       # 10
assert D(c(l, T("LedgerExportTests")), "coll", "p", "s") == (10, 9, 1)                                      # 11
assert D(c(l, T("WebhookEndpointTests")), "coll", "p", "f") == (12, 11, 1) and bad(l, T("WebhookEndpointTests")) == ["Webhook_RetriesOn503"]   # 12
assert pct(62, 64) == 96.9 and pct(60, 61) == 98.4 and round(98.4 - 96.9, 1) == 1.5                         # 19, 22: not 2.5
nw = new(b, l); assert sorted((x[0].split(".")[-1], x[1]) for x in nw) == [("PaymentGatewayTests", "Capture_IsIdempotent"),
    ("WebhookEndpointTests", "Webhook_BackoffHasJitter"), ("WebhookEndpointTests", "Webhook_DeadLetterAfter24h")]   # 21
assert regressions(b, l) == ["Tenant_CannotReadOtherTenantInvoices", "Webhook_RetriesOn503"]                # 23
assert bad(l) == ["Tenant_CannotReadOtherTenantInvoices", "Webhook_RetriesOn503"]                           # 24, 27
assert with_st(b, "s") == with_st(l, "s") == ["Export_ToSftp_UploadsFile"]                                  # 25

# 4 pr-description-nunit3: main, then the PR
b, l = run("pr-description-nunit3", 1), run("pr-description-nunit3", 2)
F = lambda v: END("." + v)
assert c(b, F("MisfireTests"))["coll"] == 0 and D(c(l, F("MisfireTests")), "coll", "p") == (8, 8)           # 7, 20
assert st(b, "JobStore_ConcurrentAcquire") == ["f"] and D(c(l, F("JobStoreTests")), "coll", "p") == (12, 12)   # 8, 17
assert D(c(b, F("JobStoreTests")), "coll", "p") == (12, 11)
assert with_st(b, "s", F("ClusterTests")) == ["Cluster_FailoverWithin30s", "Cluster_ThreeNodeQuorum"] and with_st(l, "s") == ["Cluster_ThreeNodeQuorum"]   # 9
assert st(l, "Cluster_FailoverWithin30s") == ["e"]                                                          # 10
for r in (b, l): assert D(c(r, F("CronParserTests")), "coll", "p") == (16, 16)                              # 16
assert D(c(b, F("TriggerTests")), "coll", "p") == (14, 14) and D(c(l, F("TriggerTests")), "coll", "p", "f") == (14, 13, 1)   # 18
assert D(c(b, F("ClusterTests")), "coll", "p") == (6, 4) and D(c(l, F("ClusterTests")), "coll", "p", "e", "s") == (6, 4, 1, 1)   # 19
assert D(c(b), "coll", "p") == (48, 45) and 16 + 12 + 14 + 5 + 8 == 55                                      # 21
assert c(l) == dict(coll=56, exe=55, p=53, f=1, e=1, s=1, k=0)                                              # 23
assert c(b) == dict(coll=48, exe=46, p=45, f=1, e=0, s=2, k=0) and (pct(45, 46), pct(53, 55)) == (97.8, 96.4)   # 25
assert regressions(b, l) == ["Trigger_DaylightSavingGap"] and bad(l) == ["Cluster_FailoverWithin30s", "Trigger_DaylightSavingGap"]   # 25, 27, 33
assert round(41 / 12, 1) == 3.4                                                                            # 29 (consistent, unverifiable)

# 5 incident-followup-xunit2: release 5.14.0, then 5.15.1
b, l = run("incident-followup-xunit2", 1), run("incident-followup-xunit2", 2)
X = lambda v: S("Contoso.Orders.Tests." + v)
assert c(b) == dict(coll=42, exe=41, p=41, f=0, e=0, s=1, k=0) and with_st(b, "s") == ["Outbox_RedeliveryIsIdempotent"]   # 7, 8
assert c(l) == dict(coll=48, exe=48, p=47, f=1, e=0, s=0, k=0) and bad(l) == ["IdempotencyKey_ExpiresAfter24h"]   # 3 (not 2), 23, 29
nw = new(b, l); assert sum(X("IdempotencyKeyTests")(x) for x in nw) == 4 and sum(X("RetryPolicyTests")(x) for x in nw) == 2 and len(nw) == 6   # 14, 22
assert D(c(l, X("RetryPolicyTests")), "coll", "p") == (13, 13)                                             # 15
assert D(c(l, X("OutboxDispatcherTests")), "coll", "p") == (7, 7) and st(l, "Outbox_RedeliveryIsIdempotent") == ["p"]   # 16
assert st(l, "Outbox_RetriesBroker") == ["p"]                                                               # 18
assert D(c(l, X("IdempotencyKeyTests")), "coll", "p", "f") == (13, 12, 1)                                   # 24
for r in (b, l): assert D(c(r, X("OrderSubmissionTests")), "coll", "p") == (15, 15)                          # 25: not 16/16
assert pct(47, 48) == 97.9 and 47 - 41 == 6                                                                 # 26, 27: not 7

# 6 qa-signoff-ctrf: RC1, then RC2; categories by suite
b, l = run("qa-signoff-ctrf", 1), run("qa-signoff-ctrf", 2)
y = open(f"{R}/qa-signoff-ctrf/evident.yaml").read(); assert all(f'"{a}/*"' in y for a in ("checkout", "account", "search"))
CH, AC, SR = (lambda t: t[0].startswith("checkout/")), (lambda t: t[0].startswith("account/")), (lambda t: t[0].startswith("search/"))
PROF, LOGIN, PAY = (lambda t: t[0].startswith("account/profile")), (lambda t: t[0].startswith("account/login")), (lambda t: t[0].startswith("checkout/payment"))
assert D(c(l, CH), "coll", "p", "f", "k", "s") == (22, 21, 0, 1, 0) and with_st(l, "k") == ["guest can apply a gift card"]   # 11, 16
assert D(c(l, AC), "coll", "p", "f", "k", "s") == (19, 17, 1, 0, 1)                                        # 12
assert D(c(l, SR), "coll", "p", "f", "k", "s") == (11, 11, 0, 0, 0)                                        # 13
assert c(l) == dict(coll=52, exe=51, p=49, f=1, e=0, s=1, k=1)                                              # 14, 21, 22
assert D(c(b, SR), "coll", "p") == (11, 10)                                                                 # 17
assert bad(b, PAY) == ["3ds challenge succeeds", "split tender with gift card"] and all(st(l, n) == ["p"] for n in bad(b, PAY))   # 18
assert bad(l) == ["profile shows avatar after upload"] and PROF([x for x in l if x[2] == "f"][0])           # 19, 32
nw = new(b, l); assert len(nw) == 2 and all(PROF(x) for x in nw)                                            # 20: not 3
assert pct(49, 51) == 96.1                                                                                  # 21: not 98%
assert c(b) == dict(coll=50, exe=49, p=45, f=3, e=0, s=1, k=1)                                              # 22, 23: RC1 had 1 flaky
assert with_st(b, "s", LOGIN) == with_st(l, "s", LOGIN) == ["sso for business accounts"]                   # 24

# 7 ml-eval-pytest: ranker-v6, then ranker-v7
b, l = run("ml-eval-pytest", 1), run("ml-eval-pytest", 2)
M = lambda v: S("tests.eval." + v)
assert c(l) == dict(coll=34, exe=30, p=27, f=2, e=1, s=4, k=0) and c(l, M("test_latency"))["s"] == 4         # 7, 8
assert c(b) == dict(coll=34, exe=30, p=27, f=3, e=0, s=4, k=0) and pct(27, 30) == 90.0                       # 9, 10 (not 93%)
assert D(c(l, M("test_intent")), "coll", "p") == (12, 11) and D(c(b, M("test_intent")), "coll", "p") == (12, 10)   # 11, 12
assert bad(l, M("test_intent")) == ["test_intent_gate[ja-JP]"] and round(100 * (11 - 10) / 10) == 10
assert D(c(l, M("test_ner")), "coll", "p") == (10, 10) and bad(b, M("test_ner")) == ["test_ner_gate[MONEY]"]   # 13
assert D(c(l, M("test_safety")), "coll", "p", "f", "e") == (8, 6, 1, 1)                                     # 14, 28
assert fixed(b, l) == ["test_intent_gate[pt-BR]", "test_ner_gate[MONEY]"]                                   # 15
assert regressions(b, l) == ["test_safety_probe[jailbreak-roleplay]", "test_safety_probe[self-harm-es]"]
assert (c(b)["e"], c(l)["e"]) == (0, 1)                                                                     # 16
for r in (b, l): assert c(r, M("test_latency"))["exe"] == 0                                                 # 17

# labels: real non-empty lines, once each, valid kinds and verdicts; NONE lines hold a digit; every digit line has a row
total, claims = {}, 0
for lab in sorted(glob.glob(f"{R}/*/labels.tsv")):
    text = open(os.path.join(os.path.dirname(lab), "report.md")).read().split("\n"); lines = []
    for row in open(lab).read().splitlines():
        line, kind, verdict, note = row.split("\t")
        assert 1 <= int(line) <= len(text) and text[int(line) - 1].strip() and note.strip(), row
        assert verdict != "NONE" or re.search(r"\d", text[int(line) - 1]), row
        assert kind in ("count", "rate", "named", "universal", "table", "change", "-"), row
        assert verdict in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE", "NONE") and (kind == "-") == (verdict == "NONE"), row
        lines.append(int(line)); total[verdict] = total.get(verdict, 0) + 1
    assert lines == sorted(set(lines)), lab
    for i, t in enumerate(text, 1):
        assert not re.search(r"\d", t) or i in lines, (lab, i, t)
files = [f for f in glob.glob(f"{R}/*/runs/**/*", recursive=True) if os.path.isfile(f)]
assert sorted(files) == sorted(set(seen)), set(files) - set(seen)
print("all evidence checks pass;", len(files), "result files parsed;", dict(sorted(total.items())))
