# Independent check: parse every written result file (JUnit XML, CTRF JSON) and recompute the
# numbers the labels rely on. It checks the evidence only, never the tool.
import glob, json, os, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
seen = []

def run(case, n):
    """Tests of one run: (suite or classname, file, name, status, flaky); status p/f/e/s."""
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/*")):
        seen.append(f)
        if f.endswith(".json"):
            d = json.load(open(f))
            assert d["reportFormat"] == "CTRF"
            for t in d["results"]["tests"]:
                st = {"passed": "p", "failed": "f", "skipped": "s"}[t["status"]]
                out.append(("/".join(t.get("suite", [])), t.get("filePath"), t["name"], st, bool(t.get("flaky")), tuple(t.get("tags", ()))))
            continue
        for tc in ET.parse(f).getroot().iter("testcase"):
            st = "f" if tc.find("failure") is not None else "e" if tc.find("error") is not None else "s" if tc.find("skipped") is not None else "p"
            out.append((tc.get("classname"), tc.get("file"), tc.get("name"), st, False, ()))
    assert out, (case, n)
    return out

def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]; k = lambda s: sum(1 for x in t if x[3] == s)
    return dict(coll=len(t), exe=len(t) - k("s"), p=k("p"), f=k("f"), e=k("e"), s=k("s"))

def st(tcs, name): return [x[3] for x in tcs if x[2] == name]
def failing(tcs, pred=lambda t: True): return sorted(x[2] for x in tcs if pred(x) and x[3] in "fe")
F = lambda v: (lambda t: t[1] == v)                    # source file
D = lambda v: (lambda t: (t[1] or t[0].replace(".", "/")).startswith(v))   # directory (file, or dotted module)
C = lambda v: (lambda t: t[0] == v or t[0].endswith("." + v) or t[0].endswith("/" + v))  # class / package

# 1 jest-checkout-agent
r = run("jest-checkout-agent", 1)
assert c(r) == dict(coll=38, exe=37, p=35, f=2, e=0, s=1) and round(35 / 37 * 100, 1) == 94.6
assert c(r, F("src/cart/cart.test.ts")) == dict(coll=12, exe=12, p=12, f=0, e=0, s=0)
assert c(r, F("src/checkout/checkout.test.ts")) == dict(coll=10, exe=10, p=8, f=2, e=0, s=0)
assert c(r, F("src/promo/promo.test.ts")) == dict(coll=9, exe=8, p=8, f=0, e=0, s=1) and st(r, "applies gift card") == ["s"]
assert c(r, F("src/ui/button.test.tsx")) == dict(coll=7, exe=7, p=7, f=0, e=0, s=0)
assert c(r, D("src/cart/"))["f"] + c(r, D("src/cart/"))["e"] == 0

# 2 go-ledger-weekly
r = run("go-ledger-weekly", 1)
assert c(r) == dict(coll=42, exe=41, p=38, f=3, e=0, s=1) and round(38 / 41 * 100, 1) == 92.7 and round(38 / 41 * 100) != 95
assert len({x[0] for x in r}) == 5
pk = lambda p: c(r, C(p))
assert pk("internal/store") == dict(coll=14, exe=14, p=14, f=0, e=0, s=0)
assert pk("internal/api") == dict(coll=11, exe=11, p=9, f=2, e=0, s=0)       # row says 10 passed, 1 failed
assert pk("internal/auth") == dict(coll=8, exe=7, p=7, f=0, e=0, s=1)
assert pk("internal/queue") == dict(coll=6, exe=6, p=5, f=1, e=0, s=0)
assert pk("cmd/ledgerd") == dict(coll=3, exe=3, p=3, f=0, e=0, s=0)          # row says 2 passed, 1 failed
assert (14 + 11 + 8 + 6 + 3, 14 + 10 + 7 + 5 + 2, 0 + 1 + 0 + 1 + 1, 0 + 0 + 1 + 0 + 0) == (42, 38, 3, 1)  # total row = its rows
assert failing(r, C("internal/api")) == ["TestAPI_CreateIdempotent", "TestAPI_ListPaginated"]
assert failing(r, lambda t: not t[0].endswith("internal/api")) == ["TestQueue_RedeliverAfterNack"] and failing(r, C("internal/store")) == []
assert st(r, "TestAuth_RotateKeys") == ["s"]

# 3 pytest-retry-pr
b, l = run("pytest-retry-pr", 1), run("pytest-retry-pr", 2)
assert c(b) == dict(coll=50, exe=50, p=41, f=9, e=0, s=0) and c(l) == dict(coll=50, exe=50, p=48, f=2, e=0, s=0)
fixed = set(failing(b)) - set(failing(l)); assert len(fixed) == 8 and c(b, F("tests/test_retry.py"))["f"] == 6   # report: 8 on main
assert c(l, F("tests/test_retry.py")) == dict(coll=12, exe=12, p=12, f=0, e=0, s=0)
assert c(l, F("tests/test_backoff.py"))["p"] == 7 and c(l, F("tests/test_client.py"))["p"] == 14
regressions = [x[2] for x in l if x[3] in "fe" and st(b, x[2]) == ["p"]]; assert regressions == ["test_timeout_propagates"]
assert st(b, "test_jitter_bounds") == ["f"] and st(l, "test_jitter_bounds") == ["f"]
assert failing(l, F("tests/test_backoff.py")) == ["test_jitter_bounds"] and c(l, F("tests/test_client.py"))["coll"] == 15

# 4 surefire-release-checklist (categories: unit = *Test, integration = *IT)
r = run("surefire-release-checklist", 1)
assert c(r) == dict(coll=64, exe=63, p=62, f=0, e=1, s=1)
assert c(r, lambda t: t[0].endswith("Test")) == dict(coll=48, exe=47, p=47, f=0, e=0, s=1)
assert c(r, lambda t: t[0].endswith("IT")) == dict(coll=16, exe=16, p=15, f=0, e=1, s=0)
assert c(r, C("InvoiceControllerTest")) == dict(coll=12, exe=12, p=12, f=0, e=0, s=0)
assert c(r, C("PaymentGatewayIT")) == dict(coll=9, exe=9, p=8, f=0, e=1, s=0)
assert c(r, C("TaxCalculatorTest")) == dict(coll=16, exe=15, p=15, f=0, e=0, s=1)
assert c(r, C("InvoiceTest")) == dict(coll=20, exe=20, p=20, f=0, e=0, s=0)          # report says 21/21
assert c(r, lambda t: t[0].endswith("Test"))["p"] == 47 and len(r) == 64

# 5 ctrf-e2e-nightly
r = run("ctrf-e2e-nightly", 1)
assert c(r) == dict(coll=24, exe=23, p=21, f=2, e=0, s=1) and round(21 / 23 * 100, 1) == 91.3
assert [x[2] for x in r if x[4]] == ["remembers session"]
smoke = lambda t: "@smoke" in t[5]
assert c(r, smoke) == dict(coll=6, exe=6, p=5, f=1, e=0, s=0)
assert failing(r, smoke) == ["completes 3-D Secure challenge"]
assert c(r, F("e2e/login.spec.ts")) == dict(coll=6, exe=6, p=6, f=0, e=0, s=0)
assert failing(r, F("e2e/checkout.spec.ts")) == ["completes 3-D Secure challenge", "handles 3-D Secure failure"]
assert c(r, F("e2e/search.spec.ts")) == dict(coll=5, exe=4, p=4, f=0, e=0, s=1)
assert c(r, F("e2e/account.spec.ts")) == dict(coll=5, exe=5, p=5, f=0, e=0, s=0)

# 6 agent-pipeline-zero-to-one (classnames are dotted modules, no file attribute)
b, l = run("agent-pipeline-zero-to-one", 1), run("agent-pipeline-zero-to-one", 2)
I, U = D("tests/integration/"), D("tests/unit/")
assert c(b, I) == dict(coll=18, exe=18, p=0, f=0, e=18, s=0) and c(l, I) == dict(coll=18, exe=18, p=1, f=0, e=17, s=0)
assert c(b, U)["p"] == 30 and c(l, U) == dict(coll=30, exe=30, p=29, f=1, e=0, s=0)
assert c(b) == dict(coll=48, exe=48, p=30, f=0, e=18, s=0) and c(l) == dict(coll=48, exe=48, p=30, f=1, e=17, s=0)
assert round(30 / 48 * 100, 1) == 62.5 and 17 + 1 == 18

# 7 agent-collected-not-run
r = run("agent-collected-not-run", 1)
assert c(r) == dict(coll=56, exe=0, p=0, f=0, e=0, s=56) and len({x[1] for x in r}) == 4
for f, n in [("test_ingest.py", 18), ("test_query.py", 15), ("test_export.py", 12), ("test_admin.py", 11)]:
    assert c(r, F("tests/" + f))["coll"] == n, f
assert 19 + 15 + 12 + 10 == 56   # the two wrong rows of the table compensate

# 8 surefire-sprint-orders
b, l = run("surefire-sprint-orders", 1), run("surefire-sprint-orders", 2)
assert c(b) == dict(coll=50, exe=50, p=38, f=9, e=3, s=0) and c(l) == dict(coll=50, exe=50, p=47, f=2, e=1, s=0)
assert 12 / 3 == 4 and 47 / 50 == 0.94 and 10 + 10 + 5 + 9 + 4 == 38 and 14 + 10 + 8 + 11 + 4 == 47   # table columns add up
for cls, before, after in [("OrderServiceTest", (10, 14), (14, 14)), ("OrderRepositoryTest", (10, 10), (10, 10)),
                           ("ShippingQuoteTest", (5, 8), (7, 8)), ("ReturnsPolicyTest", (9, 12), (11, 12)), ("OrderEventsIT", (4, 6), (5, 6))]:
    x, y = c(b, C(cls)), c(l, C(cls))
    assert ((x["p"], x["coll"]), (y["p"], y["coll"])) == (before, after), cls
rb, rl = failing(b, C("ReturnsPolicyTest")), failing(l, C("ReturnsPolicyTest"))
assert len(rb) == 3 and len(rl) == 1 and set(rl) <= set(rb)
assert [x[2] for x in l if x[3] in "fe" and st(b, x[2]) == ["p"]] == []     # no new failures

# 9 pytest-platform-standup (categories: api, workers, contracts by directory)
r = run("pytest-platform-standup", 1)
assert c(r) == dict(coll=46, exe=44, p=41, f=2, e=1, s=2) and round(41 / 44 * 100, 1) == 93.2 and 41 + 3 + 1 != 46
assert c(r, D("tests/api/")) == dict(coll=22, exe=22, p=22, f=0, e=0, s=0)
assert c(r, D("tests/workers/")) == dict(coll=16, exe=14, p=13, f=1, e=0, s=2)
assert c(r, D("tests/contracts/")) == dict(coll=8, exe=8, p=6, f=1, e=1, s=0)
assert failing(r, D("tests/contracts/")) == ["test_schema_registry_roundtrip", "test_schema_v2_nullable"]
assert failing(r, lambda t: not t[1].startswith("tests/contracts/")) == ["test_scheduler_dst_transition"]
assert c(r, F("tests/workers/test_emailer.py"))["s"] == 2 and c(r, F("tests/api/test_orders.py")) == dict(coll=12, exe=12, p=12, f=0, e=0, s=0)

# every case directory has labels that point at real lines
for lab in glob.glob(f"{R}/*/labels.tsv"):
    n = len(open(os.path.join(os.path.dirname(lab), "report.md")).read().split("\n"))
    for row in open(lab).read().splitlines():
        line, kind, verdict, note = row.split("\t")
        assert 1 <= int(line) <= n and kind in ("count", "rate", "named", "universal", "table", "change", "-")
        assert verdict in ("SUPPORTED", "CONTRADICTED", "INCONSISTENT", "UNVERIFIABLE", "NONE") and (kind == "-") == (verdict == "NONE"), row
files = glob.glob(f"{R}/*/runs/*/*")
assert sorted(files) == sorted(set(seen)), set(files) - set(seen)
print("all evidence checks pass;", len(files), "result files parsed")
