#!/usr/bin/env python3
"""The server's CPU per sign-in, thread group by thread group, over one load-generator run.

    python3 thread-cpu.py PID -- python3 loadgen.py ... -c 8 -d 40 --warmup 0

Reads each thread's CPU time from Linux's account (/proc/PID/task/*/stat) before and after the
command, which must print the load generator's JSON line last (its "ok" is the sign-ins), and
prints the command's line, then per sign-in: the whole process, the password-hashing threads,
the request threads, the JIT compilers, the collector, the rest, and all but the hash.
"""
import json, os, subprocess, sys

TICK = os.sysconf("SC_CLK_TCK")
GROUPS = [("hash", "password-hash"), ("requests", "http-thread"), ("jit", "C1 "), ("jit", "C2 "),
          ("gc", "VM Thread"), ("gc", "GC ")]


def threads(pid):
    cpu = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
        except OSError:
            continue  # the thread ended meanwhile
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        cpu[tid] = (name, (int(fields[11]) + int(fields[12])) / TICK)  # utime + stime
    return cpu


def group(name):
    return next((g for g, prefix in GROUPS if name.startswith(prefix)), "rest")


pid, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
before = threads(pid)
out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()
after = threads(pid)
run = json.loads(out.splitlines()[-1])
spent = {}
for tid, (name, seconds) in after.items():
    spent[group(name)] = spent.get(group(name), 0) + seconds - before.get(tid, (name, 0))[1]
n = max(run["ok"], 1)
per = {g: 1000 * s / n for g, s in spent.items()}
whole = sum(per.values())
print(out.splitlines()[-1])
print(f"{run['logins_per_s']} sign-ins/s, per sign-in: whole {whole:.1f} ms, "
      + ", ".join(f"{g} {per.get(g, 0):.1f} ms" for g in ("hash", "requests", "jit", "gc", "rest"))
      + f", beyond the hash {whole - per.get('hash', 0):.1f} ms")
