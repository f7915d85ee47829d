"""HTTP client of bench/tasks: submits tasks to evident serve and counts them by state."""
import json
import sys
import time
import urllib.request

TERMINAL = {"COMPLETED", "FAILED", "TIMED_OUT", "CANCELLED", "INTERRUPTED"}


def call(url, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


def tasks(url):
    """Every task, following the next links."""
    out, path = [], "/api/v1/tasks?limit=500"
    while path:
        page = call(url + path)
        out += page["tasks"]
        path = page["next"]
    return out


def counts(all_tasks, ids=None):
    c = {}
    for t in all_tasks:
        if ids is None or t["id"] in ids:
            c[t["state"]] = c.get(t["state"], 0) + 1
    return dict(sorted(c.items()))


def submit(url, n):
    return [call(url + "/api/v1/tasks", {"suite": "short"})["id"] for _ in range(n)]


def wait_terminal(url, ids, limit=600):
    deadline = time.monotonic() + limit
    while True:
        ts = [t for t in tasks(url) if t["id"] in ids]
        if len(ts) == len(ids) and all(t["state"] in TERMINAL for t in ts):
            return ts
        if time.monotonic() > deadline:
            sys.exit(f"not all terminal after {limit} s: {counts(ts)}")
        time.sleep(0.2)


def parse_instant(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def start_delay(url, n):
    """One task at a time into idle workers: how long from accepted to started (target < 1 s)."""
    delays = []
    for _ in range(n):
        ids = set(submit(url, 1))
        t = wait_terminal(url, ids)[0]
        delays.append((parse_instant(t["started"]) - parse_instant(t["created"])).total_seconds())
    delays.sort()
    print(f"start delay with a free slot ({n} tasks one at a time): median {delays[n // 2] * 1000:.0f} ms,"
          f" max {delays[-1] * 1000:.0f} ms (target < 1 s)")


def stored_runs(url):
    stored, path = 0, "/api/v1/projects/bench/runs?limit=500"
    while path:
        page = call(url + path)
        stored += len(page["runs"])
        path = page["next"]
    return stored


def throughput(url, n):
    before = stored_runs(url)
    start = time.monotonic()
    ids = set(submit(url, n))
    submitted = time.monotonic() - start
    ts = wait_terminal(url, ids)
    elapsed = time.monotonic() - start
    runs = {t["run_id"] for t in ts if t["run_id"] is not None}
    stored = stored_runs(url) - before
    print(f"submitted {len(ids)} tasks in {submitted:.2f} s; all terminal after {elapsed:.2f} s")
    print(f"by state: {counts(ts)}; distinct run ids: {len(runs)}; runs stored in project: {stored}")
    lost = n - sum(1 for t in ts if t["state"] == "COMPLETED")
    print(f"lost or not completed: {lost}")
    print(f"throughput: {n / elapsed:.1f} tasks/s ({n} tasks, {elapsed:.2f} s)")
    if lost or len(runs) != n or stored != n:
        sys.exit("FAILED: tasks lost or runs missing")


def submit_until_running(url, n, running):
    ids = submit(url, n)
    deadline = time.monotonic() + 120
    while True:
        c = counts(tasks(url), set(ids))
        if c.get("RUNNING", 0) >= running and c.get("COMPLETED", 0) > 0:
            break
        if time.monotonic() > deadline:
            sys.exit(f"tasks never ran: {c}")
        time.sleep(0.05)
    print(f"before the kill: {c}", file=sys.stderr)
    print(json.dumps(ids))


def after_restart(url, ids_file):
    ids = set(json.load(open(ids_file)))
    start = time.monotonic()
    print(f"right after the restart: {counts(tasks(url), ids)}")
    ts = wait_terminal(url, ids)
    print(f"all {len(ids)} terminal {time.monotonic() - start:.1f} s after the restart: {counts(ts)}")
    again = sum(1 for t in ts if t["attempts"] > 1)
    print(f"tasks run again after their lease expired: {again}")
    if any(t["state"] not in TERMINAL for t in ts):
        sys.exit("FAILED")


if __name__ == "__main__":
    cmd, url = sys.argv[1], sys.argv[2]
    if cmd == "throughput":
        throughput(url, int(sys.argv[3]))
    elif cmd == "start-delay":
        start_delay(url, int(sys.argv[3]))
    elif cmd == "submit-until-running":
        submit_until_running(url, int(sys.argv[3]), int(sys.argv[4]))
    else:
        after_restart(url, sys.argv[3])
