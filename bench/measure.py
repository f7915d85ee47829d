#!/usr/bin/env python3
"""Runs a command, prints its wall time (s) and peak RSS (MB) as JSON. Used by the bench scripts."""
import json, os, subprocess, sys, time

def measure(cmd, stdout=subprocess.DEVNULL, env=None):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "exit": code, "stderr": err[-2000:]}

if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1:])))
