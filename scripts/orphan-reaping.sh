#!/usr/bin/env bash
# busy_pct_tasks when a child outlives its parent by a little, against busy_pct_sched (as root).
# tests/native/orphaner.c: C burns a CPU from t=0; topsharp --once --json --delay 20 starts at 15 s;
# P exits at 28 s, C at 30 s, reaped by a subreaper or a PID namespace's init (see the C file).
# C's whole life lands in the reaper's cutime; only the part inside the interval may count.
#
#   scripts/orphan-reaping.sh     # needs a Release build: dotnet build src/TopSharp -c Release
#   TOPSHARP_DLL=/other/build/topsharp.dll scripts/orphan-reaping.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "orphan-reaping.sh: needs root (BPF for busy_pct_sched, unshare)" >&2; exit 1; }
dll=${TOPSHARP_DLL:-src/TopSharp/bin/Release/net10.0/topsharp.dll}
work=$(mktemp -d /tmp/topsharp-orphans.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
gcc -O2 -Wall -o "$work/orphaner" tests/native/orphaner.c

run() { # label, orphaner command...
  local label=$1; shift
  "$@" 2>"$work/log" &
  sleep 15
  dotnet "$dll" --once --json --delay 20 >"$work/json"
  wait
  python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["cpu_total"]; print("%-30s busy_pct_tasks %7s  busy_pct_sched %7s  busy_pct %7s" % (sys.argv[2], c["busy_pct_tasks"], c["busy_pct_sched"], c["busy_pct"]))' "$work/json" "$label"
  sed 's/^/    /' "$work/log"
}
run "subreaper reaps P and C" "$work/orphaner" direct subreaper 28 30 45
run "S reaps P, subreaper reaps C" "$work/orphaner" grand subreaper 28 30 45
run "S reaps P, namespace init C" unshare --pid --fork "$work/orphaner" grand init 28 30 45
