#!/usr/bin/env bash
# Where the dashboard's CPU goes: runs a NativeAOT TopSharp alone in a 200x50 tmux pane, refreshing once a
# second with 2,000 extra idle processes, samples it with `perf record -g` and prints the share of samples
# by area (sampling /proc, view models, our views, Terminal.Gui, threading) and the top leaf functions.
#
# Usage: scripts/profile-dashboard.sh [-d SECONDS] [-n PROCESSES] BINARY
#   BINARY  a NativeAOT topsharp published with symbols:
#           dotnet publish src/TopSharp -c Release -r linux-x64 -p:PublishAot=true -p:StripSymbols=false -o /tmp/aot
# Needs tmux, perf (apt-get install -y linux-perf), nm and python3. Also prints CPU-s/min and terminal B/s.
set -euo pipefail

duration=20 idle_count=2000
while getopts "d:n:h" opt; do
  case $opt in
    d) duration=$OPTARG ;;
    n) idle_count=$OPTARG ;;
    *) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
binary=${1:?"usage: $0 [-d SECONDS] [-n PROCESSES] BINARY"}
for tool in tmux perf nm python3; do
  command -v "$tool" >/dev/null || { echo "profile-dashboard: needs $tool" >&2; exit 2; }
done

work=$(mktemp -d /tmp/profile-dashboard.XXXXXX)
socket="$work/tmux.socket"   # a tmux server of our own
idle_pgid=""
cleanup() {
  tmux -S "$socket" kill-server 2>/dev/null || true
  [ -n "$idle_pgid" ] && kill -- "-$idle_pgid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

setsid bash -c "for _ in \$(seq $idle_count); do sleep 600 & done; wait" </dev/null >/dev/null 2>&1 &
idle_pgid=$!
sleep 3
mkdir -p "$work/config"
tmux -S "$socket" new-session -d -s p -x 200 -y 50 \
  "export XDG_CONFIG_HOME=$work/config LANG=C.UTF-8; while [ ! -e $work/go ]; do sleep 0.05; done; exec $binary --delay 1"
tmux -S "$socket" pipe-pane -t p -o "cat >> $work/out"
pid=$(tmux -S "$socket" display-message -p -t p '#{pane_pid}')
touch "$work/go"
sleep 5

ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$pid/stat"; }
c0=$(ticks); b0=$(stat -c %s "$work/out"); t0=$(date +%s.%N)
timeout "$duration" perf record -F 999 -g -p "$pid" -o "$work/perf.data" >/dev/null 2>&1 || true
c1=$(ticks); b1=$(stat -c %s "$work/out"); t1=$(date +%s.%N)
awk -v c=$((c1 - c0)) -v b=$((b1 - b0)) -v t0="$t0" -v t1="$t1" -v hz="$(getconf CLK_TCK)" \
  'BEGIN { t = t1 - t0; printf "%.2f CPU-s/min, %.0f terminal B/s over %.1f s\n", c / hz / t * 60, b / t, t }'

perf script -i "$work/perf.data" 2>/dev/null > "$work/perf.txt"
nm -n --defined-only "$binary" | awk '$2 ~ /[tTwW]/' > "$work/symbols.txt"
python3 - "$work/perf.txt" "$work/symbols.txt" "$binary" <<'PY'
import bisect, collections, re, sys
samples_path, symbols_path, binary = sys.argv[1:]
symbols = [(int(f[0], 16), f[2]) for f in (l.split(None, 2) for l in open(symbols_path)) if len(f) == 3]
starts = [a for a, _ in symbols]
def name(address):
    i = bisect.bisect_right(starts, address) - 1
    return symbols[i][1].strip() if i >= 0 else "?"
# First matching area wins, searched over the whole stack (so "our views" includes the Terminal.Gui calls they make).
areas = [("sampling /proc (TopSharp.Core)", r"TopSharp_Core"), ("view models", r"TopSharp_ViewModels"),
         ("our views (TopSharp.Ui, below the main loop)", r"TopSharp_Ui_(?!Dashboard__Run)"),
         ("Terminal.Gui main loop, layout, driver output", r"Terminal_Gui"), ("R3", r"^R3_"),
         ("threading, waits, timers", r"Threading|WaitHandle|LowLevel|futex|sched_yield"),
         ("GC", r"WKS::|gc_heap|RhpGc")]
area, leaf, total = collections.Counter(), collections.Counter(), 0
for sample in open(samples_path).read().split("\n\n"):
    frames = []
    for line in sample.split("\n")[1:]:
        m = re.match(r"\s*([0-9a-f]+) (\S+).*\((.*)\)", line)
        if m: frames.append(name(int(m.group(1), 16)) if m.group(3) == binary else m.group(2))
    if not frames: continue
    total += 1
    leaf[frames[0]] += 1
    area[next((a for a, p in areas if any(re.search(p, f) for f in frames)), "other (runtime, kernel only)")] += 1
print(f"{total} samples; by area:")
for k, v in area.most_common(): print(f"  {100 * v / total:5.1f}%  {k}")
print("top leaf functions:")
for k, v in leaf.most_common(15): print(f"  {100 * v / total:5.1f}%  {k[:100]}")
PY
