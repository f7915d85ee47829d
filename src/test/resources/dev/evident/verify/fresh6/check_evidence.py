# Independent check of the fresh6 evidence: parse every result file (Surefire with flakyFailure, Gradle, Vitest,
# PHPUnit, cargo-nextest, jest-junit and pytest xunit2 JUnit XML; evaluation JSON lines) with parsers of its own
# and recompute the numbers the labels rely on, including the reports' own arithmetic. Evidence only, never the tool.
import glob, json, os, re, xml.etree.ElementTree as ET
R = os.path.dirname(os.path.abspath(__file__))
seen = []
# a test: (classname, chain of enclosing <testsuite> names, name, status, model); status p f e s k (k = flaky)


def junit(f):
    out = []
    def walk(el, chain):
        for ch in el:
            if ch.tag == "testsuite": walk(ch, chain + (ch.get("name"),))
            elif ch.tag == "testcase":
                kids = {k.tag for k in ch}
                st = ("f" if "failure" in kids else "e" if "error" in kids else "s" if "skipped" in kids
                      else "k" if kids & {"flakyFailure", "flakyError"} else "p")
                out.append((ch.get("classname"), chain, ch.get("name"), st, None))
    root = ET.parse(f).getroot()
    walk(root, (root.get("name"),) if root.tag == "testsuite" else ())
    for s in root.iter("testsuite"):   # declared counts agree with the content
        cs = [x for x in s.iter("testcase")]
        assert int(s.get("tests")) == len(cs), (f, s.get("name"))
        assert int(s.get("failures")) == sum(1 for x in cs if x.find("failure") is not None), (f, s.get("name"))
    return out


def evals(f):
    out = []
    for line in open(f):
        d = json.loads(line)
        out.append((d["package"], (d["package"],), d["sample"], {"passed": "p", "failed": "f", "error": "e", "skipped": "s"}[d["outcome"]], d["model"]))
    return out


def run(case, n):
    out = []
    for f in sorted(glob.glob(f"{R}/{case}/runs/{n}/**/*", recursive=True)):
        if os.path.isdir(f): continue
        seen.append(f)
        if f.endswith(".xml"): out += junit(f)
        elif f.endswith(".jsonl"): out += evals(f)
        else: raise AssertionError(f)
    assert out, (case, n)
    ids = [(x[0], x[2]) for x in out]; assert len(ids) == len(set(ids)), (case, n)
    return out


def c(tcs, pred=lambda t: True):
    t = [x for x in tcs if pred(x)]; k = lambda s: sum(1 for x in t if x[3] == s)
    return dict(coll=len(t), exe=len(t) - k("s"), p=k("p"), f=k("f"), e=k("e"), s=k("s"), k=k("k"))
def st(tcs, name): return [x[3] for x in tcs if x[2] == name or x[2].endswith(" " + name) or x[2].endswith("::" + name)]
def bad(tcs, pred=lambda t: True): return sorted(x[2] for x in tcs if pred(x) and x[3] in "fe")
def with_st(tcs, s, pred=lambda t: True): return sorted(x[2] for x in tcs if pred(x) and x[3] == s)
def key(x): return (x[0], x[2])
def regressions(b, l):
    bm = {key(x): x[3] for x in b}; return sorted(x[2] for x in l if x[3] in "fe" and bm.get(key(x)) == "p")
def fixed(b, l):
    lm = {key(x): x[3] for x in l}; return sorted(x[2] for x in b if x[3] in "fe" and lm.get(key(x)) == "p")
def new(b, l):
    bk = {key(x) for x in b}; return [x for x in l if key(x) not in bk]
CLS = lambda v: (lambda t: t[0] == v or t[0].endswith("." + v))
IN = lambda v: (lambda t: v in t[1])
PRE = lambda v: (lambda t: t[0].startswith(v))
pct = lambda a, b: round(100 * a / b, 1)
D = lambda r, *ks: tuple(r[k] for k in ks)

# 1 pr-bot-surefire-flaky: main then the PR
b, l = run("pr-bot-surefire-flaky", 1), run("pr-bot-surefire-flaky", 2)
assert c(b) == dict(coll=66, exe=66, p=65, f=1, e=0, s=0, k=0)                                              # 8-13 main
assert c(l) == dict(coll=72, exe=71, p=69, f=1, e=0, s=1, k=1)                                              # 8-13 PR; 12: 1 skipped, not 2
assert (pct(65, 66), pct(69, 71)) == (98.5, 97.2)                                                           # 13
nw = new(b, l); assert len(nw) == 6 and all(CLS("ShipmentMapperTest")(x) for x in nw)                        # 15
assert D(c(b, CLS("ShipmentMapperTest")), "coll") == (4,) and len(new(l, b)) == 0
assert regressions(b, l) == ["reservesStockUnderContention"] and bad(l) == ["reservesStockUnderContention"]   # 17
assert CLS("InventoryClientTest")([x for x in l if x[2] == "reservesStockUnderContention"][0])
assert fixed(b, l) == ["refundsPartialShipment"] and CLS("RefundPolicyTest")([x for x in b if x[2] == "refundsPartialShipment"][0])   # 18
assert st(l, "appliesStackedCoupons") == ["k"] and st(b, "appliesStackedCoupons") == ["p"]                    # 19
assert 69 + 1 + 1 + 1 == 72 != 71                                                                           # 21
for cls, want in [("OrderServiceTest", (24, 24, 0, 0, 0)), ("PricingEngineTest", (18, 17, 0, 1, 0)), ("InventoryClientTest", (12, 11, 1, 0, 0)),
                  ("ShipmentMapperTest", (10, 9, 0, 0, 1)), ("RefundPolicyTest", (8, 8, 0, 0, 0))]:
    assert D(c(l, CLS(cls)), "coll", "p", "f", "k", "s") == want, cls                                          # 27-31 (31 states 7/1)
assert D(c(b, CLS("RefundPolicyTest")), "p", "f") == (7, 1)                                                   # 31 is main's row
assert D(c(b, CLS("OrderServiceTest")), "coll", "p") == (24, 24)                                              # 35

# 2 qa-newsletter-gradle: week 46 then week 47; categories by suite
b, l = run("qa-newsletter-gradle", 1), run("qa-newsletter-gradle", 2)
cy = open(f"{R}/qa-newsletter-gradle/evident.yaml").read()
PAY, SEA, PRO = PRE("com.fable.payments."), PRE("com.fable.search."), PRE("com.fable.profile.")
assert all(f'"com.fable.{k}.*"' in cy for k in ("payments", "search", "profile"))
assert c(b) == dict(coll=95, exe=93, p=88, f=5, e=0, s=2, k=0) and c(l) == dict(coll=100, exe=99, p=96, f=3, e=0, s=1, k=0)   # 7, 8, 10, 11
assert (round(100 * 96 / 99), pct(88, 93)) == (97, 94.6) and round(100 * (5 - 3) / 5) == 40                  # 9, 10
assert with_st(l, "s") == ["exportsToCsv()"] and len(with_st(b, "s")) == 2                                    # 11
assert 96 + 3 + 1 == 100 != 99                                                                              # 12
assert D(c(l, PAY), "coll", "p") == (44, 43) and c(b, PAY)["p"] == 36                                        # 18: +7
assert D(c(l, SEA), "coll", "p") == (30, 28) and c(b, SEA)["p"] == 30                                        # 19: 28, -2
assert D(c(l, PRO), "coll", "p") == (26, 25) and c(b, PRO)["p"] == 22                                        # 20: +3
nw = new(b, l); assert len(nw) == 5 and sum(1 for x in nw if CLS("PayoutSchedulerTest")(x)) == 4             # 22
assert st(b, "handlesDstTransition()") == st(l, "handlesDstTransition()") == ["f"]                           # 23
assert sorted(regressions(b, l)) == ["boostsRecentListings()", "penalizesDuplicates()"]                       # 24
assert c(l, PRO) == dict(coll=26, exe=25, p=25, f=0, e=0, s=1, k=0)                                         # 25
assert bad(b, PRO) == ["syncsAcrossDevices()"] and st(l, "syncsAcrossDevices()") == ["p"]                    # 26

# 3 postmortem-vitest: faulty commit then the fix
b, l = run("postmortem-vitest", 1), run("postmortem-vitest", 2)
SES, TOK = (lambda t: t[0] == "src/auth/session.test.ts"), (lambda t: t[0] == "src/auth/token.test.ts")
HAN, RL = (lambda t: t[0] == "src/api/handlers.test.ts"), (lambda t: t[0] == "src/api/rateLimit.test.ts")
assert c(b) == dict(coll=54, exe=53, p=48, f=5, e=0, s=1, k=0) and D(c(b, SES), "coll", "f") == (14, 5)       # 20
assert c(b, SES)["f"] == c(b)["f"] and 48 + 1 == 54 - 5                                                       # 21
assert D(c(l, SES), "coll", "p") == (17, 17) and len(new(b, l)) == 3 and all(SES(x) for x in new(b, l))       # 26
assert c(l) == dict(coll=57, exe=56, p=55, f=1, e=0, s=1, k=0)                                              # 27
assert bad(l) == ["handlers > POST /logout clears session cookie"] and bad(l, HAN) == bad(l)                 # 28
assert D(c(l, lambda t: SES(t) or TOK(t)), "coll", "p") == (26, 26)                                         # 29
assert D(c(l, HAN), "coll", "p") == (20, 19)                                                                # 30
for r in (b, l): assert D(c(r, RL), "coll", "p", "s") == (11, 10, 1)                                        # 31
assert (pct(48, 53), pct(55, 56)) == (90.6, 98.2) and pct(98.2 - 90.6, 90.6) == 8.4                          # 32: not 12%
assert round(98.2 - 90.6, 1) == 7.6                                                                         # 33

# 4 contractor-invoice-phpunit: milestone 1 then milestone 2; nested suites Unit / Feature
b, l = run("contractor-invoice-phpunit", 1), run("contractor-invoice-phpunit", 2)
assert D(c(l, CLS("CartTest")), "coll", "p") == (15, 15) and D(c(l, CLS("CouponTest")), "coll", "p") == (12, 12)   # 14
assert D(c(l, CLS("TaxRuleTest")), "coll", "p", "s") == (12, 11, 1)                                          # 15
assert D(c(l, CLS("CheckoutFlowTest")), "coll", "p") == (8, 8)                                               # 16
assert D(c(l, CLS("WebhookTest")), "coll", "p", "f") == (9, 8, 1)                                            # 17
assert c(b) == dict(coll=45, exe=45, p=40, f=3, e=2, s=0, k=0) and c(l) == dict(coll=56, exe=55, p=54, f=1, e=0, s=1, k=0)   # 21, 22, 28
assert bad(l) == ["testRetriesOnTimeout"]                                                                   # 22
assert c(l, IN("Unit")) == dict(coll=39, exe=38, p=38, f=0, e=0, s=1, k=0)                                  # 23
assert D(c(l, IN("Feature")), "coll", "p", "f") == (17, 16, 1)                                               # 24
red = bad(b); assert len(red) == 5 and D(c(b, CLS("CouponTest")), "f", "e") == (2, 0) and D(c(b, CLS("CheckoutFlowTest")), "f", "e") == (1, 2)   # 25
assert fixed(b, l) == red                                                                                   # 26
assert c(b, CLS("CouponTest"))["coll"] == 10                                                                 # 27
assert (pct(54, 55), pct(40, 45)) == (98.2, 88.9) and round(98.2 - 88.9, 1) == 9.3                           # 28: not > 10
assert with_st(l, "s") == ["testValidatesVatIdAgainstVies"]                                                  # 29

# 5 agent-commit-nextest: before then after
b, l = run("agent-commit-nextest", 1), run("agent-commit-nextest", 2)
LIB, INT, CLI = (lambda t: t[0] == "tidewater"), (lambda t: t[0] == "tidewater::integration"), (lambda t: t[0] == "tidewater-cli::cli")
assert bad(b, LIB) == ["parser::tests::handles_crlf"] and st(l, "parser::tests::handles_crlf") == ["p"]       # 3
assert (c(b, LIB)["coll"], c(l, LIB)["coll"]) == (42, 47) and sorted(x[2].split("::")[0] for x in new(b, l)) == ["lexer"] * 5   # 4
assert D(c(l, INT), "coll", "p") == (15, 14) and st(b, "roundtrip_large_file") == st(l, "roundtrip_large_file") == ["f"]   # 5
assert (len(bad(b)), len(bad(l)), len(fixed(b, l))) == (3, 1, 2)                                             # 6
assert D(c(l, CLI), "coll", "p") == (8, 8)                                                                  # 7: not 9/9
assert c(l) == dict(coll=70, exe=70, p=69, f=1, e=0, s=0, k=0) and bad(l) == ["roundtrip_large_file"]        # 8, 9
assert regressions(b, l) == []                                                                              # 10
assert (c(b)["p"], c(l)["p"]) == (62, 69) and 69 - 62 == 7                                                  # 11: not +8
assert pct(69, 70) == 98.6                                                                                  # 12

# 6 standup-jest: yesterday then today
b, l = run("standup-jest", 1), run("standup-jest", 2)
F = lambda name: (lambda t: name in t[1])
AF, US, PG, FL = F("src/checkout/AddressForm.test.tsx"), F("src/checkout/useShipping.test.ts"), F("src/catalog/ProductGrid.test.tsx"), F("src/catalog/filters.test.ts")
assert len(bad(b, AF)) == 2 and all(st(l, n) == ["p"] for n in bad(b, AF))                                  # 4
assert (c(b, AF)["coll"], D(c(l, AF), "coll", "p")) == (12, (14, 14))                                       # 5
assert c(b) == dict(coll=48, exe=47, p=45, f=2, e=0, s=1, k=0)                                              # 6: 45, not 46; 12
assert c(l) == dict(coll=50, exe=49, p=48, f=1, e=0, s=1, k=0)                                              # 9, 11, 12, 15
assert regressions(b, l) == ["useShipping falls back to standard rate"] and US([x for x in l if x[3] == "f"][0])   # 10
assert 48 - 45 == 3 and round(100 * 48 / 49) == 98                                                          # 12: not +4; 15
assert D(c(l, PG), "coll", "p") == (16, 16) and D(c(l, FL), "coll", "p", "s") == (11, 10, 1)                 # 13, 14

# 7 release-checklist-pytest: v3.3.0 then v3.4.0-rc2; categories by suite
b, l = run("release-checklist-pytest", 1), run("release-checklist-pytest", 2)
API, WRK, CL = PRE("tests.api."), PRE("tests.worker."), PRE("tests.cli.")
assert all(f'"tests.{k}.*"' in open(f"{R}/release-checklist-pytest/evident.yaml").read() for k in ("api", "worker", "cli"))
assert c(l) == dict(coll=104, exe=102, p=100, f=0, e=2, s=2, k=0) and c(b) == dict(coll=100, exe=98, p=97, f=1, e=0, s=2, k=0)   # 7, 21, 22
assert D(c(l, API), "coll", "p", "s") == (64, 63, 1) and with_st(l, "s", API) == ["test_search_fuzzy_unicode"]   # 8
assert D(c(l, WRK), "coll", "p", "e") == (25, 23, 2) and all(x[0] == "tests.worker.test_retry" for x in l if x[3] == "e")   # 9, 25
assert D(c(l, CL), "coll", "p", "s") == (15, 14, 1)                                                          # 10: not 15/15
nw = new(b, l); assert len(nw) == 4 and all(x[0] == "tests.api.test_search" for x in nw)                     # 11
assert regressions(b, l) == ["test_retry_backoff_jitter", "test_retry_dead_letter"]                         # 12
assert bad(b) == ["test_order_refund_rounding"] and fixed(b, l) == ["test_order_refund_rounding"]            # 13, 23
assert (pct(100, 102), pct(97, 98)) == (98.0, 99.0)                                                         # 21
assert 2 + 1 != 4 and c(l)["exe"] - c(l)["p"] + c(l)["s"] == 4                                               # 22
assert with_st(b, "s") == with_st(l, "s") == ["test_export_to_parquet", "test_search_fuzzy_unicode"]         # 24

# 8 llm-blog-jsonl: base model then the fine-tune (model on every sample line)
b, l = run("llm-blog-jsonl", 1), run("llm-blog-jsonl", 2)
assert {x[4] for x in b} == {"qwen2.5-7b-instruct"} and {x[4] for x in l} == {"qwen2.5-7b-toolcall-ft"}
P = lambda v: (lambda t: t[0] == v)
assert (c(b)["coll"], c(l)["coll"]) == (200, 200)                                                           # 7
assert D(c(b, P("tool-use")), "coll", "p") == (80, 44) and D(c(l, P("tool-use")), "coll", "p") == (80, 66)    # 11, 21
assert (pct(44, 80), pct(66, 80), 66 / 44) == (55.0, 82.5, 1.5)                                             # 11, 12
assert D(c(b, P("math")), "coll", "p") == (60, 39) and D(c(l, P("math")), "coll", "p") == (60, 37)            # 13, 22, 26
assert round(pct(39, 60) - pct(37, 60), 1) == 3.3
assert D(c(b, P("json-format")), "coll", "p", "e") == (60, 51, 1) and D(c(l, P("json-format")), "coll", "p", "e", "s") == (60, 55, 0, 2)   # 14, 17, 23
assert c(b) == dict(coll=200, exe=200, p=134, f=65, e=1, s=0, k=0) and c(l) == dict(coll=200, exe=198, p=158, f=40, e=0, s=2, k=0)   # 15, 16, 17, 24
assert (pct(134, 200), pct(158, 200)) == (67.0, 79.0) and round(100 * (65 - 40) / 65, 1) == 38.5             # 15: 12 points, not 14; 16
assert not any("gpt-4o" in x[4] for x in b + l)                                                             # 27

# every labels file points at real lines, once each, with valid kinds and verdicts; NONE lines hold a digit
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
    for i, t in enumerate(text, 1):   # every line with a digit has a row
        assert not re.search(r"\d", t) or i in lines, (lab, i, t)
files = [f for f in glob.glob(f"{R}/*/runs/**/*", recursive=True) if os.path.isfile(f)]
assert sorted(files) == sorted(set(seen)), set(files) - set(seen)
print("all evidence checks pass;", len(files), "result files parsed;", dict(sorted(total.items())))
