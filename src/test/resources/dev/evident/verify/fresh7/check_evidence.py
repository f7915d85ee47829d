# Independent check of the fresh7 evidence: parse every result file (go test -json, Surefire JUnit XML, TAP, CTRF,
# NUnit 3, evaluation JSON lines, xUnit.net v2, pytest JUnit XML) with parsers of its own and recompute every number
# the labels rely on, including the reports' own arithmetic. Evidence only, never the tool.
import glob, json, os, re, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
seen = []
# a test: dict(suite, name, file, status, model); status p f e s k (k = flaky: failed, then passed on a retry)


def T(suite, name, st, file=None, model=None): return dict(suite=suite, name=name, st=st, file=file, model=model)


def gotest(f):
    out, last = [], {}
    for line in open(f):
        ev = json.loads(line)
        if ev.get("Test") and ev["Action"] in ("pass", "fail", "skip"):
            last[(ev["Package"], ev["Test"])] = {"pass": "p", "fail": "f", "skip": "s"}[ev["Action"]]
    for (pkg, n), st in last.items(): out.append(T(pkg, n, st))
    return out


def junit(f):   # Surefire and pytest: <testsuite>(s) with <testcase>; declared counts checked against the content
    root = ET.parse(f).getroot(); out = []
    for s in root.iter("testsuite"):
        cs = s.findall("testcase")
        for k, tag in (("tests", None), ("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
            want = len(cs) if tag is None else sum(1 for c in cs if c.find(tag) is not None)
            assert int(s.get(k)) == want, (f, k)
        for c in cs:
            st = "f" if c.find("failure") is not None else "e" if c.find("error") is not None else "s" if c.find("skipped") is not None else "p"
            out.append(T(c.get("classname"), c.get("name"), st))
    return out


def tap(f):
    lines = open(f).read().splitlines(); out = []
    plan = [l for l in lines if re.match(r"^1\.\.\d+", l)]; assert len(plan) == 1, f
    for l in lines:
        m = re.match(r"^(not ok|ok) (\d+) - (.*?)(?: # (SKIP|TODO)\b.*)?$", l)
        if not m: continue
        st = "s" if m.group(4) == "SKIP" else "p" if m.group(1) == "ok" else "f"
        out.append(T(os.path.basename(f), m.group(3), st, file=os.path.basename(f)))
    assert len(out) == int(plan[0][3:].split()[0]), f
    assert [int(re.match(r"^(?:not )?ok (\d+)", l).group(1)) for l in lines if re.match(r"^(not ok|ok) \d+", l)] == list(range(1, len(out) + 1)), f
    return out


def ctrf(f):
    d = json.load(open(f))["results"]; out = []
    for t in d["tests"]:
        st = {"passed": "p", "failed": "f", "skipped": "s"}[t["status"]]
        if st == "p" and t.get("flaky"): st = "k"
        out.append(T(" > ".join(t["suite"]), t["name"], st, file=t["filePath"]))
    s = d["summary"]
    assert (s["tests"], s["failed"], s["skipped"]) == (len(out), sum(x["st"] == "f" for x in out), sum(x["st"] == "s" for x in out)), f
    return out


def nunit(f):
    root = ET.parse(f).getroot(); out = []
    for c in root.iter("test-case"):
        r, lab = c.get("result"), c.get("label")
        st = "p" if r == "Passed" else "s" if r == "Skipped" else "e" if lab == "Error" else "f"
        out.append(T(c.get("classname"), c.get("name"), st))
    assert int(root.get("total")) == len(out) and int(root.get("failed")) == sum(x["st"] in "fe" for x in out), f
    for s in root.iter("test-suite"):   # every suite's declared total agrees with its content
        assert int(s.get("total")) == len(list(s.iter("test-case"))), (f, s.get("name"))
    return out


def xunit2(f):
    root = ET.parse(f).getroot(); out = []
    for a in root.iter("assembly"):
        ts = list(a.iter("test"))
        assert int(a.get("total")) == len(ts) and int(a.get("failed")) == sum(t.get("result") == "Fail" for t in ts), f
        for t in ts:
            out.append(T(t.get("type"), t.get("method"), {"Pass": "p", "Fail": "f", "Skip": "s"}[t.get("result")]))
    return out


def evals(f):
    out = []
    for line in open(f):
        d = json.loads(line)
        out.append(T(d["package"], d["sample"], {"passed": "p", "failed": "f", "error": "e", "skipped": "s"}[d["outcome"]], model=d["model"]))
    return out


def parse(f):
    if f.endswith(".tap"): return tap(f)
    if f.endswith(".jsonl"): return evals(f)
    if f.endswith(".json"):
        head = open(f).read(200)
        return ctrf(f) if '"reportFormat"' in head else gotest(f)
    head = open(f).read(400)
    if "<test-run" in head: return nunit(f)
    if "<assemblies" in head: return xunit2(f)
    return junit(f)


def run(case, n):
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/**/*", recursive=True)):
        if os.path.isdir(f): continue
        seen.append(f); got = parse(f); assert got, f; out += got
    ids = [(x["suite"], x["name"]) for x in out]; assert len(ids) == len(set(ids)), (case, n)
    return out


def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]; k = lambda s: sum(1 for x in t if x["st"] == s)
    return dict(coll=len(t), exe=len(t) - k("s"), p=k("p"), f=k("f"), e=k("e"), s=k("s"), k=k("k"))
def D(r, *ks): return tuple(r[k] for k in ks)
def st(tcs, name): return [x["st"] for x in tcs if x["name"] == name]
def with_st(tcs, s, pred=lambda t: True): return sorted(x["name"] for x in tcs if pred(x) and x["st"] in s)
def key(x): return (x["suite"], x["name"])
def new(b, l): bk = {key(x) for x in b}; return [x for x in l if key(x) not in bk]
def regressions(b, l): bm = {key(x): x["st"] for x in b}; return sorted(x["name"] for x in l if x["st"] in "fe" and bm.get(key(x)) == "p")
def fixed(b, l): lm = {key(x): x["st"] for x in l}; return sorted(x["name"] for x in b if x["st"] in "fe" and lm.get(key(x)) == "p")
SU = lambda v: (lambda t: t["suite"] == v or t["suite"].endswith("." + v) or t["suite"].endswith("/" + v))
PRE = lambda v: (lambda t: t["suite"].startswith(v))
FILE = lambda v: (lambda t: (t["file"] or "").startswith(v))
pct = lambda a, b: round(100 * a / b, 1)

# 1 slack-thread-gotest: build 4471 then build 4479
b, l = run("slack-thread-gotest", 1), run("slack-thread-gotest", 2)
assert c(b) == dict(coll=52, exe=51, p=48, f=3, e=0, s=1, k=0)                                                    # 7
assert with_st(b, "f") == ["TestConvertJPYRounding", "TestConvertStaleRate", "TestPostTransferIdempotency"]       # 9
assert with_st(b, "f", SU("internal/fx")) == ["TestConvertJPYRounding", "TestConvertStaleRate"] and SU("internal/api")([x for x in b if x["name"] == "TestPostTransferIdempotency"][0])
assert D(c(l, SU("internal/fx")), "coll", "p") == (12, 12) and st(l, "TestPostTransferIdempotency") == ["p"]      # 13
nw = new(b, l); assert sorted(x["name"] for x in nw) == ["TestReverseEntry", "TestReverseEntryTwice"] and all(SU("internal/ledger")(x) and x["st"] == "p" for x in nw)   # 15
assert c(l) == dict(coll=54, exe=53, p=52, f=1, e=0, s=1, k=0) and regressions(b, l) == ["TestListTransfersPagination"]   # 17
assert (pct(48, 51), pct(52, 53)) == (94.1, 98.1) and 52 - 48 == 4                                                # 19: not +5
assert D(c(l, SU("internal/api")), "coll", "p") == (16, 15) and D(c(l, SU("cmd/ledgerctl")), "coll", "p") == (6, 6)   # 21
assert c(l, SU("internal/ledger"))["coll"] == 20 and with_st(b, "s") == with_st(l, "s") == ["TestSnapshotLargeBook"]   # 23: not 22
assert c(l, SU("internal/ledger")) == dict(coll=20, exe=19, p=19, f=0, e=0, s=1, k=0)                              # 25
assert c(l)["coll"] < 60                                                                                          # 27

# 2 agent-final-surefire: before the agent's change, then after
b, l = run("agent-final-surefire", 1), run("agent-final-surefire", 2)
BP = SU("BarcodeParserTest")
assert c(b, BP)["coll"] == 0 and D(c(l, BP), "coll", "p") == (6, 6) and len(new(b, l)) == 6 and all(BP(x) for x in new(b, l))   # 8, 14
assert c(l) == dict(coll=47, exe=46, p=45, f=1, e=0, s=1, k=0)                                                    # 12, 28
assert with_st(b, "e", SU("SupplierClientTest")) == ["fetchesCatalogWithRetry", "handlesSupplierTimeout"] and D(c(l, SU("SupplierClientTest")), "coll", "p") == (11, 11)   # 15
assert D(c(l, SU("StockLedgerTest")), "coll", "p") == (14, 14) and st(b, "reservesAcrossWarehouses") == ["f"]      # 16
assert st(b, "reordersBelowSafetyStock") == ["p"] and regressions(b, l) == ["reordersBelowSafetyStock"]             # 17: not failing before
assert c(b) == dict(coll=41, exe=40, p=37, f=1, e=2, s=1, k=0)
assert (pct(45, 46), pct(37, 40)) == (97.8, 92.5)                                                                 # 18
assert pct(46, 47) == 97.9                                                                                        # 19: not 98.9
for cls, want in [("StockLedgerTest", (14, 14, 0, 0)), ("ReorderPolicyTest", (9, 8, 1, 0)), ("SupplierClientTest", (11, 11, 0, 0)),
                  ("WarehouseMapperTest", (7, 6, 0, 1)), ("BarcodeParserTest", (6, 6, 0, 0))]:
    assert D(c(l, SU(cls)), "coll", "p", "f", "s") == want, cls                                                   # 23-27 (26 states 7 | 0)
assert 14 + 8 + 11 + 7 + 6 == 46                                                                                  # 28: the rows sum to 46 passed

# 3 sre-runbook-tap: last drill then this drill; suites are the TAP files
b, l = run("sre-runbook-tap", 1), run("sre-runbook-tap", 2)
F = lambda n: (lambda t: t["file"] == n)
assert c(l) == dict(coll=40, exe=34, p=33, f=1, e=0, s=6, k=0) and len({x["file"] for x in l}) == 5              # 13, 24-26, 29, 33
assert c(b) == dict(coll=40, exe=39, p=36, f=3, e=0, s=1, k=0)                                                    # 24-26: baseline skipped 1, not 2
assert D(c(l, F("dns.tap")), "coll", "p") == (10, 10)                                                             # 14
assert D(c(l, F("tls.tap")), "coll", "p") == (8, 8) and D(c(b, F("tls.tap")), "coll", "p") == (8, 7)               # 15
assert with_st(b, "f", F("tls.tap"))[0].startswith("tls: certificate for api.example.internal")
assert c(l, F("failover.tap")) == dict(coll=12, exe=11, p=10, f=1, e=0, s=1, k=0) and with_st(l, "f") == ["failover: replica promoted within 30s"]   # 16
assert "failover: cross-region replica in sync" in with_st(l, "s")
for r in (b, l): assert D(c(r, F("backup.tap")), "coll", "p", "s") == (6, 5, 1) and with_st(r, "s", F("backup.tap")) == ["backup: restore from archive tier"]   # 17
assert c(l, F("chaos.tap")) == dict(coll=4, exe=0, p=0, f=0, e=0, s=4, k=0)                                       # 18: nothing executed
assert round(100 * (3 - 1) / 3, 1) == 66.7 and round(100 * 33 / 34) == 97                                        # 28: not 75%; 29

# 4 changelog-ctrf: 2.7.3 then 2.8.0; categories by path
b, l = run("changelog-ctrf", 1), run("changelog-ctrf", 2)
y = open(f"{R}/changelog-ctrf/evident.yaml").read(); assert all(f'"e2e/{k}/**"' in y for k in ("checkout", "search", "account"))
CO, SE, AC = FILE("e2e/checkout/"), FILE("e2e/search/"), FILE("e2e/account/")
assert st(b, "applies lowercase coupon") == ["f"] and st(l, "applies lowercase coupon") == ["p"]                  # 12
assert (c(b)["coll"], c(l)["coll"]) == (55, 62) and 62 - 55 == 7                                                  # 16: not +8
nw = new(b, l); assert len(nw) == 7 and all(x["file"] == "e2e/checkout/saved-carts.spec.ts" and x["st"] == "p" for x in nw)   # 17
assert c(l) == dict(coll=62, exe=60, p=58, f=1, e=0, s=2, k=1)                                                    # 18
assert with_st(l, "f") == ["filters by price range"] and l[[x["name"] for x in l].index("filters by price range")]["file"] == "e2e/search/filters.spec.ts"   # 19
assert c(l, CO) == dict(coll=24, exe=24, p=24, f=0, e=0, s=0, k=0)                                                 # 20
assert D(c(l, SE), "coll", "p", "f", "s") == (19, 17, 1, 1)                                                       # 21: not 18
assert D(c(l, AC), "coll", "p", "k", "s") == (19, 17, 1, 1) and with_st(l, "k") == ["uploads avatar"]             # 22
assert c(b) == dict(coll=55, exe=53, p=51, f=2, e=0, s=2, k=0) and (pct(58, 60), pct(51, 53)) == (96.7, 96.2)     # 23, 36
assert with_st(b, "s") == ["deletes account with 2FA", "voice search"] and with_st(l, "s") == ["deletes account with 2FA", "filters by color swatch"]   # 24

# 5 jira-nunit: build 812 then build 815
b, l = run("jira-nunit", 1), run("jira-nunit", 2)
assert c(l) == dict(coll=47, exe=46, p=45, f=0, e=1, s=1, k=0) and c(b) == dict(coll=47, exe=46, p=43, f=3, e=0, s=1, k=0)   # 5, 14, 30
assert D(c(l, SU("InvoiceGeneratorTests")), "coll", "p") == (16, 16) and with_st(b, "fe", SU("InvoiceGeneratorTests")) == ["GeneratesCreditNoteForPartialRefund"]   # 9
assert len(with_st(b, "f", SU("DunningSchedulerTests"))) == 2 and D(c(l, SU("DunningSchedulerTests")), "coll", "p") == (10, 10)   # 10, 18
assert st(l, 'AppliesReducedRate("AT")') == ["e"] and st(b, 'AppliesReducedRate("AT")') == ["p"]                  # 11
assert D(c(l, SU("PaymentGatewayTests")), "coll", "p", "s") == (9, 8, 1) and with_st(l, "s") == ["CapturesWithSca3ds2"]   # 12
assert (pct(43, 46), pct(45, 46)) == (93.5, 97.8)                                                                 # 14, 30, 32
assert st(l, "GeneratesCreditNoteForPartialRefund") == ["p"]                                                       # 19
AR = lambda t: t["name"].startswith("AppliesReducedRate(")
assert D(c(l, AR), "coll", "p", "e") == (3, 2, 1)                                                                 # 20: not 3/3
assert with_st(l, "fe") == ['AppliesReducedRate("AT")']                                                           # 22, 30
assert round(100 * 2 / 3, 1) == 66.7                                                                              # 31: not 50%
assert round(97.8 - 91.5, 1) == 6.3                                                                               # 32: its own arithmetic holds; 91.5 disagrees with 93.5
assert len(fixed(b, l)) == 3                                                                                      # 33: not 4

# 6 notebook-evals: base model then the fine-tune (model on every sample line)
b, l = run("notebook-evals", 1), run("notebook-evals", 2)
assert {x["model"] for x in b} == {"llama-3.1-8b-instruct"} and {x["model"] for x in l} == {"llama-3.1-8b-sql-ft"}
P = lambda v: (lambda t: t["suite"] == v)
for r in (b, l): assert [c(r, P(k))["coll"] for k in ("spider-dev", "bird-mini", "sql-robustness")] == [60, 50, 40] and c(r)["coll"] == 150   # 8
for k, bp, lp, n, dp in [("spider-dev", 39, 48, 60, 15.0), ("bird-mini", 22, 31, 50, 18.0), ("sql-robustness", 0, 14, 40, 35.0)]:
    assert (c(b, P(k))["p"], c(l, P(k))["p"]) == (bp, lp) and round(pct(lp, n) - pct(bp, n), 1) == dp, k         # 14-16, 21
assert (pct(39, 60), pct(48, 60), pct(22, 50), pct(31, 50), pct(14, 40)) == (65.0, 80.0, 44.0, 62.0, 35.0)
assert (c(b)["p"], c(l)["p"]) == (61, 93) and (pct(61, 150), pct(93, 150)) == (40.7, 62.0) and round(62.0 - 40.7, 1) == 21.3   # 17, 28
assert (c(b)["f"], c(l)["f"]) == (88, 55) and round(100 * (88 - 55) / 88, 1) == 37.5                             # 24
assert D(c(l, P("bird-mini")), "coll", "exe", "s") == (50, 48, 2) and pct(31, 48) == 64.6                         # 25, 26
assert c(b)["e"] == 1 and c(b, P("bird-mini"))["e"] == 1 and c(b, P("spider-dev"))["e"] == 0                      # 27: bird-mini, not spider-dev
assert not any("gpt" in x["model"] for x in b + l)                                                               # 30

# 7 mobile-release-xunit: beta 1 then the RC; categories by suite
b, l = run("mobile-release-xunit", 1), run("mobile-release-xunit", 2)
y = open(f"{R}/mobile-release-xunit/evident.yaml").read(); assert all(f'"Trailhead.{k}.Tests.*"' in y for k in ("Core", "Sync", "App"))
CORE, SYNC, APP = PRE("Trailhead.Core.Tests."), PRE("Trailhead.Sync.Tests."), PRE("Trailhead.App.Tests.")
assert c(l) == dict(coll=61, exe=59, p=58, f=1, e=0, s=2, k=0) and c(b) == dict(coll=59, exe=57, p=54, f=3, e=0, s=2, k=0)   # 13, 19, 21, 31
assert D(c(l, CORE), "coll", "p") == (26, 25) and with_st(l, "f") == ["AvoidsClosedTrails"] and regressions(b, l) == ["AvoidsClosedTrails"]   # 14
OS = SU("OfflineSyncTests")
assert (c(b, OS)["coll"], D(c(l, OS), "coll", "p", "s")) == (10, (12, 11, 1)) and with_st(l, "s", OS) == ["ResumesAfterAirplaneMode"]   # 15
assert D(c(l, APP), "coll", "p", "s") == (15, 14, 1) and with_st(l, "s", APP) == ["UnlocksWithBiometrics"]          # 16
assert st(b, "ParsesGpx11Extensions") == ["f"] and st(l, "ParsesGpx11Extensions") == ["p"]                        # 17
assert with_st(b, "f", SYNC) == ["RetriesAfterTokenExpiry", "SyncsTilesInBackground"] and fixed(b, l) == ["ParsesGpx11Extensions", "RetriesAfterTokenExpiry", "SyncsTilesInBackground"]   # 18
assert (pct(58, 59), pct(54, 57)) == (98.3, 94.7) and round(98.3 - 94.7, 1) == 3.6                                # 19: not 4.6
assert round(100 * (3 - 1) / 3) == 67                                                                             # 20
assert c(l)["coll"] - c(l)["p"] == 3                                                                              # 21
assert c(l, SYNC)["f"] + c(l, SYNC)["e"] + c(l, APP)["f"] + c(l, APP)["e"] == 0                                   # 22
for pred, bw, lw in [(CORE, (25, 26), (25, 26)), (SYNC, (15, 18), (19, 20)), (APP, (14, 15), (14, 15))]:
    assert D(c(b, pred), "p", "coll") == bw and D(c(l, pred), "p", "coll") == lw                                  # 28-30 (29 states 20/20)

# 8 sprint-deck-pytest: sprint 30 then sprint 31; categories by path (dotted module suites)
b, l = run("sprint-deck-pytest", 1), run("sprint-deck-pytest", 2)
y = open(f"{R}/sprint-deck-pytest/evident.yaml").read(); assert all(f'"tests/{k}/**"' in y for k in ("ingest", "api", "scoring"))
ING, API = PRE("tests.ingest."), PRE("tests.api.")
assert c(b) == dict(coll=76, exe=75, p=72, f=2, e=1, s=1, k=0) and c(l) == dict(coll=80, exe=69, p=68, f=1, e=0, s=11, k=0)   # 22, 23, 57, 58
nw = new(b, l); assert sorted(x["name"] for x in nw) == ["test_pdf_encrypted", "test_pdf_rotated_pages", "test_refresh_token_reuse_detected", "test_refresh_token_rotation"]   # 24
assert round(100 * 68 / 69) == 99                                                                                 # 25
PDF, OCR = SU("test_pdf"), SU("test_ocr")
assert D(c(l, PDF), "coll", "p") == (20, 20) and D(c(b, PDF), "coll", "p", "f") == (18, 16, 2) and len(fixed(b, l)) == 3   # 31 (+ the routes error)
assert st(l, "test_pdf_encrypted") == st(l, "test_pdf_rotated_pages") == ["p"]                                     # 32
assert c(l, OCR) == dict(coll=10, exe=0, p=0, f=0, e=0, s=10, k=0) and c(b, OCR)["p"] == 10                        # 33, 61
assert D(c(l, ING), "coll", "p", "s") == (30, 20, 10)                                                             # 34
assert D(c(l, SU("test_routes")), "coll", "p") == (22, 22) and st(b, "test_routes_get_documents_v1") == ["e"]       # 40
assert D(c(l, SU("test_auth")), "coll", "p", "f") == (14, 13, 1) and with_st(l, "f") == ["test_refresh_token_rotation"]   # 41
assert D(c(l, API), "coll", "p") == (36, 35)                                                                      # 42
for r in (b, l): assert D(c(r, SU("test_ranker")), "p", "s") == (13, 1)                                           # 48
assert round(100 * 2 / 3, 1) == 66.7                                                                              # 60: not 75%
assert c(b, OCR)["s"] == 0 and c(l, OCR)["s"] == 10                                                               # 61

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
        assert note.strip(), row
        lines.append(int(line)); total[verdict] = total.get(verdict, 0) + 1
    assert lines == sorted(set(lines)), lab
    for i, t in enumerate(text, 1):
        assert not re.search(r"\d", t) or i in lines, (lab, i, t)
files = [f for f in glob.glob(f"{R}/*/runs/**/*", recursive=True) if os.path.isfile(f)]
assert sorted(files) == sorted(set(seen)), set(files) - set(seen)
print("all evidence checks pass;", len(files), "result files parsed;", dict(sorted(total.items())))
