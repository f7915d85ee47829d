#!/usr/bin/env python3
"""compare_ingest.py XML RUNS CHECKOUT...: `evident ingest` of XML (first and second run into one
fresh SQLite file) by the ./evident of each checkout in turn, beside the Python baseline, RUNS
rounds; prints medians of wall time, CPU time (user+sys, steadier on a loaded machine) and peak
RSS, and the database growth of the second run. Keep an old checkout (git worktree or
`git archive COMMIT | tar -x -C DIR`, then `DIR/evident --version` to build it) to compare
before and after in the same minutes."""
import os, statistics, sys, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import measure
xml, runs, dirs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
res = {d: {"first": [], "second": [], "growth": []} for d in dirs}
py = []
for i in range(runs):
    py.append(measure(["python3", os.path.join(os.path.dirname(os.path.abspath(__file__)), "count_outcomes.py"), xml]))
    for d in dirs:
        db = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"evident-compare-{os.path.basename(d)}-{i}.db")
        for f in (db, db + "-wal", db + "-shm"):
            if os.path.exists(f): os.remove(f)
        cmd = [f"{d}/evident", "ingest", xml, "--db", db, "--project", "bench", "--max-failures", "0"]
        a = measure(cmd)
        if a["exit"] not in (0, 1): sys.exit(d + ": " + a["stderr"])
        s1 = os.path.getsize(db)
        b = measure(cmd)
        res[d]["first"].append(a); res[d]["second"].append(b)
        res[d]["growth"].append(os.path.getsize(db) - s1)
        for f in (db, db + "-wal", db + "-shm"):
            if os.path.exists(f): os.remove(f)
pw = statistics.median(r["wall"] for r in py)
print(f"python: wall {pw:.2f} cpu {statistics.median(r['cpu'] for r in py):.2f}  {[round(r['wall'],2) for r in py]}")
for d in dirs:
    for k in ("first", "second"):
        rs = res[d][k]
        w = statistics.median(r["wall"] for r in rs)
        print(f"{os.path.basename(d):16} {k:6} wall {w:5.2f} (ratio {w/pw:.2f}) cpu {statistics.median(r['cpu'] for r in rs):5.2f} rss {statistics.median(r['rss_mb'] for r in rs):4.0f}  walls {[round(r['wall'],2) for r in rs]} cpus {[round(r['cpu'],2) for r in rs]}")
    print(f"{'':16} growth {statistics.median(res[d]['growth'])} bytes")
