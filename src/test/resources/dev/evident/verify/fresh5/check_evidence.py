# Independent check of the fresh5 evidence: parse every result file (Surefire and pytest JUnit XML, CTRF, TRX,
# NUnit 3, Mocha JSON, xUnit.net v2, evaluation JSON lines, TAP, go test -json) and recompute the numbers the
# labels rely on, including the reports' own arithmetic. It checks the evidence only, never the tool.
import glob, json, os, re, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
seen = []
T = lambda suite, file, name, st, extra=(): (suite, file, name, st, tuple(extra))   # st: p f e s


def junit(f):
    out = []
    for tc in ET.parse(f).getroot().iter("testcase"):
        st = "f" if tc.find("failure") is not None else "e" if tc.find("error") is not None else "s" if tc.find("skipped") is not None else "p"
        out.append(T(tc.get("classname"), tc.get("file"), tc.get("name"), st))
    return out


def trx(f):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    root = ET.parse(f).getroot()
    meth = {u.get("id"): u.find("t:TestMethod", ns) for u in root.iterfind("t:TestDefinitions/t:UnitTest", ns)}
    out = []
    for r in root.iterfind("t:Results/t:UnitTestResult", ns):
        m = meth[r.get("testId")]
        out.append(T(m.get("className"), None, m.get("name"), {"Passed": "p", "Failed": "f", "NotExecuted": "s"}[r.get("outcome")]))
    c = root.find("t:ResultSummary/t:Counters", ns)
    assert int(c.get("total")) == len(out), f
    return out


def nunit(f):
    return [T(tc.get("classname"), None, tc.get("methodname"), {"Passed": "p", "Failed": "f", "Skipped": "s"}[tc.get("result")])
            for tc in ET.parse(f).getroot().iter("test-case")]


def xunit(f):
    return [T(t.get("type"), None, t.get("method"), {"Pass": "p", "Fail": "f", "Skip": "s"}[t.get("result")])
            for t in ET.parse(f).getroot().iter("test")]


def ctrf(f):
    d = json.load(open(f))["results"]
    out = [T(" > ".join(t["suite"]) if isinstance(t["suite"], list) else t["suite"], t["filePath"], t["name"], {"passed": "p", "failed": "f", "skipped": "s"}[t["status"]]) for t in d["tests"]]
    assert d["summary"]["tests"] == len(out), f
    return out


def mocha(f):
    d = json.load(open(f))
    pend = {(t["file"], t["fullTitle"]) for t in d["pending"]}
    out = []
    for t in d["tests"]:
        st = "s" if (t["file"], t["fullTitle"]) in pend else "f" if t["err"] else "p"
        out.append(T(t["fullTitle"][: -len(t["title"])].strip(), t["file"], t["title"], st))
    assert d["stats"]["tests"] == len(out) and d["stats"]["pending"] == len(pend), f
    return out


def jsonl(f):
    out = []
    for line in open(f):
        s = json.loads(line)
        out.append(T(s["package"], None, s["sample"], {"passed": "p", "failed": "f", "error": "e", "skipped": "s"}[s["outcome"]], (s["model"],)))
    return out


def tap(f):
    lines = open(f).read().splitlines(); base = os.path.basename(f); out = []
    plan = [l for l in lines if re.match(r"^1\.\.\d+$", l)]
    for l in lines:
        m = re.match(r"^(not ok|ok) (\d+) - (.*?)(?: # SKIP (.*))?$", l)
        if m: out.append(T(base, base, m.group(3), "s" if m.group(4) else "p" if m.group(1) == "ok" else "f"))
    assert plan and int(plan[0][3:]) == len(out), f
    return out


def gotest(f):
    out = []
    for line in open(f):
        ev = json.loads(line)
        if ev.get("Test") and ev["Action"] in ("pass", "fail", "skip"):
            out.append(T(ev["Package"], None, ev["Test"], {"pass": "p", "fail": "f", "skip": "s"}[ev["Action"]]))
    return out


def run(case, n):
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/**/*", recursive=True)):
        if os.path.isdir(f): continue
        seen.append(f); b = os.path.basename(f)
        if b.endswith(".trx"): out += trx(f)
        elif b.startswith("nunit-"): out += nunit(f)
        elif b.startswith("xunit-"): out += xunit(f)
        elif b.endswith(".xml"): out += junit(f)
        elif b == "ctrf-report.json": out += ctrf(f)
        elif b == "mocha-report.json": out += mocha(f)
        elif b == "go-test.json": out += gotest(f)
        elif b.endswith(".jsonl"): out += jsonl(f)
        elif b.endswith(".tap"): out += tap(f)
        else: raise AssertionError(f)
    assert out, (case, n)
    ids = [(x[0], x[2]) for x in out]; assert len(ids) == len(set(ids)), (case, n)   # no test twice in a run
    return out


def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]; k = lambda s: sum(1 for x in t if x[3] == s)
    return dict(coll=len(t), exe=len(t) - k("s"), p=k("p"), f=k("f"), e=k("e"), s=k("s"))
def st(tcs, name, pred=lambda t: True): return [x[3] for x in tcs if x[2] == name and pred(x)]
def failing(tcs, pred=lambda t: True): return sorted(x[2] for x in tcs if pred(x) and x[3] in "fe")
def regressions(b, l, pred=lambda t: True): return sorted(x[2] for x in l if pred(x) and x[3] in "fe" and st(b, x[2], lambda y: y[0] == x[0]) == ["p"])
def changed(b, l): return sorted(x[2] for x in l if st(b, x[2], lambda y: y[0] == x[0]) != [x[3]])
PC = lambda r: (r["p"], r["coll"])
S = lambda v: (lambda t: t[0] == v or t[0].endswith("/" + v) or t[0].endswith("." + v))
pct = lambda a, b: round(100 * a / b, 1)


def glob_re(g):
    return "".join(".*" if g[i:i + 2] == "**" else "" if g[i - 1:i + 1] == "**" else "[^/]*" if ch == "*" else "." if ch == "?" else re.escape(ch)
                   for i, ch in enumerate(g))


def cats(case):
    """name -> predicate, from the case's evident.yaml (suite globs; path globs that match at any directory)."""
    out = {}
    for name, kind, g in re.findall(r'^  (\w+):\n    match: \{(suite|path): "([^"]+)"\}', open(f"{R}/{case}/evident.yaml").read(), re.M):
        if kind == "suite": out[name] = (lambda rx: lambda t: re.fullmatch(rx, t[0]) is not None)(glob_re(g).replace("[^/]*", ".*"))
        else: out[name] = (lambda rx: lambda t: re.fullmatch(r"(.*/)?" + rx, t[1] or "") is not None)(glob_re(g))
    return out


# 1 agent-final-checklist (Surefire)
b, l = run("agent-final-checklist", 1), run("agent-final-checklist", 2)
assert c(b) == dict(coll=43, exe=42, p=41, f=1, e=0, s=1) and c(l) == dict(coll=50, exe=49, p=47, f=1, e=1, s=1)        # 14, 27, 33
W = S("WebhookControllerTest")
assert c(b, W)["coll"] == 0 and c(l, W) == dict(coll=7, exe=7, p=6, f=1, e=0, s=0)                                      # 12, 26
assert st(b, "reconcilesPartialSettlement") == ["f"] and st(l, "reconcilesPartialSettlement") == ["p"]                 # 13
for cls, want in [("LedgerServiceTest", dict(coll=14, exe=14, p=14, f=0, e=0, s=0)), ("ReconciliationJobTest", dict(coll=9, exe=9, p=9, f=0, e=0, s=0)),
                  ("CurrencyConverterTest", dict(coll=12, exe=12, p=11, f=0, e=1, s=0)), ("AuditTrailRepositoryTest", dict(coll=8, exe=7, p=7, f=0, e=0, s=1))]:
    assert c(l, S(cls)) == want, cls                                                                                    # 22-25 (24 says 12 passed)
assert 48 + 1 + 1 == 50                                                                                                 # 27 adds up, passed is 47
assert failing(l) == ["convertsJpyWithoutDecimals", "rejectsReplayedSignature"]                                        # 29: two red tests
assert PC(c(b, S("ReconciliationJobTest"))) == (8, 9) and PC(c(l, S("ReconciliationJobTest"))) == (9, 9)               # 31
assert pct(41, 42) == 97.6 and pct(47, 49) == 95.9                                                                      # 33: not 98%
assert regressions(b, l) == ["convertsJpyWithoutDecimals"]                                                              # 35
assert st(b, "persistsToPostgres") == st(l, "persistsToPostgres") == ["s"]                                              # 37

# 2 sprint-review-ctrf (CTRF; categories by path)
b, l = run("sprint-review-ctrf", 1), run("sprint-review-ctrf", 2); cat = cats("sprint-review-ctrf")
assert set(cat) == {"checkout", "search", "account"}
assert c(b) == dict(coll=45, exe=44, p=42, f=2, e=0, s=1) and c(l) == dict(coll=51, exe=49, p=48, f=1, e=0, s=2)        # 17, 18, 31, 34
assert PC(c(l, cat["checkout"])) == (24, 24) and PC(c(b, cat["checkout"])) == (18, 20)                                  # 19
assert c(l, cat["search"]) == dict(coll=15, exe=14, p=13, f=1, e=0, s=1)                                                # 20
assert c(l, cat["account"]) == dict(coll=12, exe=11, p=11, f=0, e=0, s=1) and st(l, "verifies phone by SMS") == ["s"]  # 21
assert c(b, cat["account"])["coll"] == 10                                                                                # 22: grew by 2
assert failing(l) == ["filters by price range"] and cat["search"]([x for x in l if x[3] == "f"][0])                    # 23
assert 48 + 1 + 3 == 52 != 51                                                                                           # 32
assert round(100 * 48 / 49) == 98                                                                                       # 35
assert c(b, cat["search"])["p"] == 15                                                                                   # 36 (only two runs stored)
assert sum(c(l, p)["coll"] for p in cat.values()) == 51                                                                # every test in a category

# 3 release-signoff-trx (TRX), RC1 then RC2
b, l = run("release-signoff-trx", 1), run("release-signoff-trx", 2)
assert c(b) == dict(coll=60, exe=59, p=56, f=3, e=0, s=1) and c(l) == dict(coll=60, exe=59, p=58, f=1, e=0, s=1)        # 12, 22, 25
assert (pct(58, 60), pct(58, 59)) == (96.7, 98.3)                                                                       # 13
assert PC(c(l, S("TaxCalculatorTests"))) == (22, 22) and PC(c(b, S("TaxCalculatorTests"))) == (20, 22)                  # 15
assert failing(b, S("TaxCalculatorTests")) == ["Computes_ReverseChargeForEuB2B", "Rounds_SwissFrancToFiveRappen"]
assert PC(c(l, S("InvoiceTests"))) == (16, 16) and PC(c(l, S("ApiContractTests"))) == (12, 12)                          # 16, 17
assert c(l, S("PdfRendererTests")) == dict(coll=10, exe=9, p=8, f=1, e=0, s=1)                                          # 18
assert failing(l) == ["RendersRtlInvoice"] and st(l, "EmbedsCustomFonts") == ["s"]                                      # 18, 33
assert regressions(b, l) == [] and st(b, "RendersRtlInvoice") == ["f"]                                                  # 22
assert (pct(56, 59), pct(58, 59)) == (94.9, 98.3)                                                                       # 23
assert pct(58 - 56, 56) == 3.6                                                                                          # 24: not 6%

# 4 oncall-handover-pytest (pytest xunit1, file attribute), Monday then Tuesday
b, l = run("oncall-handover-pytest", 1), run("oncall-handover-pytest", 2)
K = lambda t: t[1] == "tests/integration/test_kafka_consumer.py"
assert c(b) == dict(coll=56, exe=56, p=47, f=0, e=9, s=0) and c(l) == dict(coll=56, exe=54, p=53, f=1, e=0, s=2)        # 9, 22-25, 27, 29, 30
assert c(b, K) == dict(coll=9, exe=9, p=0, f=0, e=9, s=0) and c(b, lambda t: not K(t))["p"] == 47                      # 8
assert PC(c(l, K)) == (9, 9)                                                                                            # 10
assert failing(l) == ["test_sms_unicode_segments"] and [x[1] for x in l if x[3] == "f"] == ["tests/test_sms.py"]       # 14
assert c(l, lambda t: t[1] == "tests/test_push.py") == dict(coll=15, exe=13, p=13, f=0, e=0, s=2)                       # 15
assert st(b, "test_sms_unicode_segments") == ["p"]                                                                      # 16 (two runs only)
assert round(100 * 53 / 56) == 95 and 56 - 53 == 3                                                                     # 28, 29
E = lambda t: t[1] == "tests/test_email.py"
assert PC(c(b, E)) == PC(c(l, E)) == (20, 20)                                                                           # 29
assert 53 + 1 + 1 == 55 != 56                                                                                           # 31

# 5 flaky-triage-nunit (NUnit 3), #5512 then #5513
b, l = run("flaky-triage-nunit", 1), run("flaky-triage-nunit", 2)
for r in (b, l): assert c(r) == dict(coll=34, exe=33, p=31, f=2, e=0, s=1) and pct(31, 33) == 93.9                     # 16, 17
assert changed(b, l) == ["Refund_IsIdempotent", "Vault_RotatesKeysConcurrently"] and pct(2, 34) == 5.9                 # 5, 21
assert (st(b, "Refund_IsIdempotent"), st(l, "Refund_IsIdempotent")) == (["f"], ["p"])                                  # 9
assert (st(b, "Vault_RotatesKeysConcurrently"), st(l, "Vault_RotatesKeysConcurrently")) == (["p"], ["f"])              # 10
assert st(b, "Retry_BackoffCapsAt60s") == st(l, "Retry_BackoffCapsAt60s") == ["f"]                                      # 11
assert st(b, "Cache_ExpiresAfterTtl") == st(l, "Cache_ExpiresAfterTtl") == ["s"]                                        # 12: not failed
assert PC(c(b, S("RefundFlowTests"))) == (10, 11) and PC(c(l, S("RefundFlowTests"))) == (11, 11)                        # 18
assert PC(c(b, S("CardVaultTests"))) == (9, 9) and PC(c(l, S("CardVaultTests"))) == (8, 9)                              # 19
assert PC(c(b, S("WebhookRetryTests"))) == PC(c(l, S("WebhookRetryTests"))) == (7, 8)                                   # 20
assert 31 + 3 == 34 != 33                                                                                               # 22

# 6 monorepo-mocha (Mocha JSON per package; categories by path), main then the PR
b, l = run("monorepo-mocha", 1), run("monorepo-mocha", 2); cat = cats("monorepo-mocha")
assert c(b) == dict(coll=82, exe=81, p=80, f=1, e=0, s=1) and c(l) == dict(coll=84, exe=82, p=81, f=1, e=0, s=2)        # 11, 13
assert c(l, cat["api"]) == dict(coll=26, exe=26, p=25, f=1, e=0, s=0) and c(b, cat["api"])["coll"] == 24                # 7: +2
assert c(l, cat["web"]) == dict(coll=31, exe=29, p=29, f=0, e=0, s=2) and c(b, cat["web"])["coll"] == 31               # 8, 17
assert PC(c(b, cat["shared"])) == PC(c(l, cat["shared"])) == (18, 18)                                                   # 9
assert PC(c(l, cat["cli"])) == (9, 9) and st(b, "init --force overwrites config") == ["f"]                              # 10, 15
assert st(l, "init --force overwrites config") == ["p"]
assert pct(81, 82) == 98.8                                                                                              # 13
assert failing(l) == ["rejects negative quantity"] and st(b, "rejects negative quantity") == []                        # 14
assert failing(l, lambda t: not cat["api"](t)) == [] and regressions(b, l) == []                                        # 16
assert 29 + 2 == 31 != 30                                                                                               # 17

# 7 model-eval-jsonl (evaluation JSON lines), base then fine-tune
b, l = run("model-eval-jsonl", 1), run("model-eval-jsonl", 2)
assert {x[4] for x in b} == {("mistral-small-2409",)} and {x[4] for x in l} == {("mistral-small-ft-rag-v1",)}
assert c(b) == dict(coll=100, exe=100, p=69, f=30, e=1, s=0) and c(l) == dict(coll=100, exe=98, p=76, f=22, e=0, s=2)   # 7, 14, 20
Q, G, M = S("retrieval-qa"), S("sql-gen"), S("summarize")
assert c(b, Q) == dict(coll=40, exe=40, p=28, f=11, e=1, s=0) and c(l, Q) == dict(coll=40, exe=40, p=35, f=5, e=0, s=0)  # 11, 18, 19, 20
assert PC(c(b, G)) == (17, 30) and c(l, G) == dict(coll=30, exe=28, p=16, f=12, e=0, s=2)                                # 12, 21, 23
assert PC(c(b, M)) == (24, 30) and PC(c(l, M)) == (25, 30)                                                              # 13 (+1, not +2), 22
assert (pct(28, 40), pct(35, 40), round(35 / 28, 2), pct(16, 28)) == (70.0, 87.5, 1.25, 57.1)                           # 18, 21
assert round(11 / 5, 1) == 2.2                                                                                          # 19: not 2.5x
assert not any("gpt-4o-mini" in m for x in b + l for m in x[4])                                                        # 24

# 8 migration-xunit (xUnit.net v2; categories by suite), week 45 then week 47
b, l = run("migration-xunit", 1), run("migration-xunit", 2); cat = cats("migration-xunit")
assert c(b) == dict(coll=95, exe=89, p=78, f=11, e=0, s=6) and c(l) == dict(coll=97, exe=95, p=93, f=2, e=0, s=2)       # 12, 16, 17
assert PC(c(b, cat["core"])) == PC(c(l, cat["core"])) == (40, 40)                                                       # 9
assert PC(c(b, cat["data"])) == (18, 25) and PC(c(l, cat["data"])) == (24, 25)                                          # 10
assert c(b, cat["web"]) == dict(coll=30, exe=24, p=20, f=4, e=0, s=6) and c(l, cat["web"]) == dict(coll=32, exe=30, p=29, f=1, e=0, s=2)   # 11, 20, 21
assert (pct(93, 97), pct(78, 95), pct(78, 89)) == (95.9, 82.1, 87.6)                                                    # 16
assert [x[0].split(".")[-1] for x in l if not st(b, x[2], lambda y: y[0] == x[0])] == ["MinimalApiEndpointTests"] * 2  # 18
assert failing(l, cat["data"]) == ["GroupsByCustomer_Translates"] and S("OrderQueryTests")([x for x in l if x[2] == "GroupsByCustomer_Translates"][0])   # 19
assert failing(l, cat["web"]) == ["Rejects_ExpiredCookie"]

# 9 bug-bash-tap (three TAP files), one run
r = run("bug-bash-tap", 1)
assert c(r) == dict(coll=55, exe=53, p=50, f=3, e=0, s=2) and len({x[0] for x in r}) == 3                              # 7, 13
assert c(r, S("cli-smoke.tap")) == dict(coll=25, exe=25, p=24, f=1, e=0, s=0) and failing(r, S("cli-smoke.tap")) == ["install via curl | sh on fresh ubuntu"]   # 9
assert c(r, S("config.tap")) == dict(coll=18, exe=18, p=16, f=2, e=0, s=0) and all(n.startswith("config set nested key") for n in failing(r, S("config.tap")))  # 10
assert c(r, S("plugins.tap")) == dict(coll=12, exe=10, p=10, f=0, e=0, s=2)                                            # 11
assert pct(50, 53) == 94.3 and 50 + 2 == 52 != 53                                                                      # 13, 14

# 10 jira-comment-gotest (go test -json), build 1187 then 1191
b, l = run("jira-comment-gotest", 1), run("jira-comment-gotest", 2)
assert c(b) == dict(coll=81, exe=80, p=79, f=1, e=0, s=1) and c(l) == dict(coll=81, exe=80, p=79, f=1, e=0, s=1)        # 5, 8
assert failing(b) == ["TestLeaderElection_SplitBrain"] and PC(c(b, S("internal/raft"))) == (37, 38)                     # 3
assert PC(c(l, S("internal/raft"))) == (38, 38)                                                                         # 4
assert failing(l) == ["TestTransport_TLSReload"] and regressions(b, l) == ["TestTransport_TLSReload"]                   # 5, 6
assert c(l, S("internal/wal")) == dict(coll=22, exe=21, p=21, f=0, e=0, s=1) and st(l, "TestWAL_FsyncDurability") == ["s"]   # 7

# every labels file points at real lines, once each, with valid kinds and verdicts; NONE lines hold a digit
total = {}
for lab in sorted(glob.glob(f"{R}/*/labels.tsv")):
    text = open(os.path.join(os.path.dirname(lab), "report.md")).read().split("\n"); lines = []
    for row in open(lab).read().splitlines():
        line, kind, verdict, note = row.split("\t")
        assert 1 <= int(line) <= len(text) and (verdict != "NONE" or re.search(r"\d", text[int(line) - 1])), row
        assert kind in ("count", "rate", "named", "universal", "table", "change", "-")
        assert verdict in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE", "NONE") and (kind == "-") == (verdict == "NONE"), row
        lines.append(int(line)); total[verdict] = total.get(verdict, 0) + 1
    assert lines == sorted(set(lines)), lab
files = [f for f in glob.glob(f"{R}/*/runs/**/*", recursive=True) if os.path.isfile(f)]
assert sorted(files) == sorted(set(seen)), set(files) - set(seen)
print("all evidence checks pass;", len(files), "result files parsed;", dict(sorted(total.items())))
