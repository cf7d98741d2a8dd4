#!/usr/bin/env python3
"""What reading /proc/PID/numa_maps costs next to stat, status and smaps_rollup (kernel time dominates).
Usage: scripts/numa-maps-cost.py PID   e.g. with a 256 MiB process bound to node 0:
  (numactl --membind=0 dd if=/dev/zero bs=256M count=1 | sleep 60) & sleep 3; scripts/numa-maps-cost.py $(pgrep -n -x dd)
"""
import os, sys, time
def cost(path, n):
    t = time.perf_counter()
    for _ in range(n):
        with open(path, 'rb') as f: f.read()
    return (time.perf_counter() - t) / n * 1e6
pid = sys.argv[1]
for name in ("stat", "status", "smaps_rollup", "numa_maps"):
    print(f"pid {pid} {name}: {cost(f'/proc/{pid}/{name}', 300):.1f} us/read")
pids = [p for p in os.listdir('/proc') if p.isdigit()]
for name in ("stat", "numa_maps"):
    t = time.perf_counter(); ok = 0
    for p in pids:
        try:
            with open(f'/proc/{p}/{name}', 'rb') as f: f.read(); ok += 1
        except OSError: pass
    print(f"all {ok} processes {name}: {(time.perf_counter()-t)*1e3:.1f} ms")
