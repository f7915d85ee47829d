# Independent check: parse the written XML and recompute the numbers the labels rely on.
import glob, os, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
def run(case, n):
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/*.xml")):
        for tc in ET.parse(f).getroot().iter("testcase"):
            st = "f" if tc.find("failure") is not None else "e" if tc.find("error") is not None else "s" if tc.find("skipped") is not None else "p"
            out.append((tc.get("classname"), tc.get("file"), tc.get("name"), st))
    return out
def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]; k = lambda s: sum(1 for x in t if x[3] == s)
    return dict(coll=len(t), exe=len(t) - k("s"), p=k("p"), f=k("f"), e=k("e"), s=k("s"))
def st(tcs, name): return [x[3] for x in tcs if x[2] == name]
F = lambda v: (lambda t: t[1] == v); C = lambda v: (lambda t: v in t[0])
r = run("sprint-update-pytest", 1)
assert c(r) == dict(coll=70, exe=70, p=66, f=3, e=1, s=0); assert round(66/70*100, 1) == 94.3
assert c(r, F("tests/test_orders.py"))["p"] == 30 == c(r, F("tests/test_orders.py"))["exe"]
assert c(r, F("tests/test_auth.py"))["p"] == 18 and c(r, F("tests/test_search.py")) ["p"] == 8 == c(r, F("tests/test_search.py"))["coll"]
assert c(r, F("tests/test_billing.py"))["f"] == 1 and st(r, "test_invoice_total") == ["p"] and st(r, "test_vat_rounding") == ["f"]
b, l = run("cart-surefire-changes", 1), run("cart-surefire-changes", 2)
assert (c(b)["p"], c(b)["f"], c(b)["exe"], c(b)["e"]) == (12, 8, 20, 0) and (c(l)["p"], c(l)["f"], c(l)["exe"], c(l)["e"]) == (29, 1, 30, 0)
assert round(29/30*100, 1) == 96.7 and c(b, C("CartServiceTest"))["f"] == 6 and c(l, C("CartServiceTest"))["f"] == 0
assert c(b, C("PricingTest"))["exe"] == 8 and c(l, C("PricingTest"))["exe"] == 14 and c(b, C("CheckoutIT"))["p"] == 0 and c(l, C("CheckoutIT"))["p"] == 5
r = run("agent-readiness-skips", 1)
assert c(r) == dict(coll=31, exe=29, p=29, f=0, e=0, s=2)
assert c(r, lambda t: t[1].startswith("tests/api/")) == dict(coll=21, exe=21, p=21, f=0, e=0, s=0)
assert c(r, lambda t: t[1].startswith("tests/worker/")) == dict(coll=10, exe=8, p=8, f=0, e=0, s=2)
r = run("shop-suite-table", 1)
assert c(r) == dict(coll=49, exe=49, p=45, f=2, e=2, s=0)
for cls, exp in [("LoginTest", (12, 11, 1, 0, 0)), ("TokenTest", (9, 9, 0, 0, 0)), ("RefundTest", (7, 6, 1, 0, 0)), ("ChargeTest", (15, 15, 0, 0, 0)), ("IndexTest", (6, 4, 0, 2, 0))]:
    x = c(r, C(cls)); assert (x["coll"], x["p"], x["f"], x["e"], x["s"]) == exp, cls
assert (c(r, C(".payment."))["p"], c(r, C(".payment."))["exe"]) == (21, 22) and c(r, C(".auth."))["f"] == 1 and c(r, C(".search."))["e"] == 2
b, l = run("agent-inconsistent-summary", 1), run("agent-inconsistent-summary", 2)
assert (c(b)["exe"], c(b)["p"]) == (18, 1) and c(l) == dict(coll=18, exe=18, p=14, f=4, e=0, s=0)
assert round(14/18*100, 1) == 77.8 and round(1/18*100, 1) == 5.6 and st(l, "test_parse_config") == ["p"] and st(l, "test_retry_backoff") == ["f"]
r = run("release-checklist-green", 1)
assert c(r) == dict(coll=82, exe=82, p=82, f=0, e=0, s=0)
assert c(r, C("LedgerTest"))["p"] == 25 and c(r, C("ReconcileTest"))["p"] == 18 and c(r, C("TransfersApiTest"))["exe"] == 17 and c(r, C(".api."))["exe"] == 39
b, l = run("export-feature-zero-to-n", 1), run("export-feature-zero-to-n", 2)
assert c(b) == dict(coll=10, exe=10, p=10, f=0, e=0, s=0) and c(l) == dict(coll=30, exe=30, p=27, f=3, e=0, s=0)
assert c(b, F("tests/test_export.py"))["coll"] == 0 and c(l, F("tests/test_export.py")) == dict(coll=20, exe=20, p=17, f=3, e=0, s=0)
assert c(l, F("tests/test_core.py"))["p"] == 10 and 27/30 == 0.9
r = run("platform-ops-weekly", 1)
assert c(r) == dict(coll=33, exe=32, p=31, f=1, e=0, s=1)
assert (c(r, C("RollbackTest"))["p"], c(r, C("RollbackTest"))["exe"]) == (7, 8) and c(r, C("RolloutTest"))["s"] == 1 and c(r, C("ExporterTest"))["p"] == 11
assert not [x for x in r if "Canary" in x[0] + x[2]]
print("all evidence checks pass;", len(glob.glob(f"{R}/*/runs/*/*.xml")), "XML files parsed")
