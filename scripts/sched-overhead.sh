#!/usr/bin/env bash
# The cost of TopSharp's sched_switch program (src/TopSharp.Bpf/bpf/sched.bpf.c) on a
# context-switch-heavy load: tests/native/pingpong.c, two processes passing a byte over pipes,
# pinned to one CPU so every round trip is two context switches. Each round runs it once bare and
# once with the program attached (through TopSharp's own loader, scripts/sched-attach.cs), in
# alternating order; the metric is the pair's own CPU time per round trip, the ratio is taken per
# round, and the medians are printed. Needs root (or CAP_BPF + CAP_PERFMON), gcc, dotnet.
#
#   scripts/sched-overhead.sh                     # 11 rounds of 50,000 round trips on CPU 1
#   ROUNDS=21 TRIPS=100000 CPU=0 scripts/sched-overhead.sh
set -euo pipefail
ROUNDS=${ROUNDS:-11}
TRIPS=${TRIPS:-50000}
CPU=${CPU:-1}
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
attach_pid=
cleanup() {
  if [[ -n $attach_pid ]]; then exec {to}>&- 2>/dev/null || true; kill "$attach_pid" 2>/dev/null || true; wait "$attach_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

[[ $(id -u) == 0 ]] || echo "note: not root; attaching needs CAP_BPF + CAP_PERFMON" >&2
gcc -O2 -Wall -Werror -o "$tmp/pingpong" "$repo/tests/native/pingpong.c"
if others=$(bpftool prog list 2>/dev/null | grep -E 'raw_tracepoint|tracing|tracepoint' | grep -v ' sched_switch ' ); [[ -n $others ]]; then
  echo "note: other tracing programs are loaded and may add to both columns:" >&2
  echo "$others" >&2
fi

echo "building scripts/sched-attach.cs ..." >&2
dotnet build "$repo/scripts/sched-attach.cs" -c Release >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; exit 1; }
mkfifo "$tmp/to" "$tmp/from"
dotnet run --no-build -c Release --file "$repo/scripts/sched-attach.cs" <"$tmp/to" >"$tmp/from" &
attach_pid=$!
exec {to}>"$tmp/to" {from}<"$tmp/from"
ask() {
  echo "$1" >&$to
  local reply
  read -r reply <&$from
  [[ $reply == "$2" ]] || { echo "sched-attach: expected '$2', got '$reply'" >&2; exit 1; }
}
read -r ready <&$from
[[ $ready == ready ]] || { echo "sched-attach did not start: $ready" >&2; exit 1; }

# pingpong prints: round trips, wall ns per round trip, CPU ns per round trip.
run() { taskset -c "$CPU" "$tmp/pingpong" "$TRIPS" | awk '{print $3}'; }

printf "%5s %12s %12s %7s\n" round bare_ns attached_ns ratio
: >"$tmp/rows"
for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then
    ask detach detached; bare=$(run); ask attach attached; attached=$(run)
  else
    ask attach attached; attached=$(run); ask detach detached; bare=$(run)
  fi
  ratio=$(awk -v a="$attached" -v b="$bare" 'BEGIN { printf "%.3f", a / b }')
  printf "%5d %12.1f %12.1f %7s\n" "$r" "$bare" "$attached" "$ratio"
  echo "$bare $attached $ratio" >>"$tmp/rows"
done
ask detach detached

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
bare=$(cut -d' ' -f1 "$tmp/rows" | median)
attached=$(cut -d' ' -f2 "$tmp/rows" | median)
ratio=$(cut -d' ' -f3 "$tmp/rows" | median)
echo
echo "sched_switch program, pipe ping-pong on CPU $CPU ($ROUNDS rounds x $TRIPS round trips, 2 switches each):"
awk -v b="$bare" -v a="$attached" -v r="$ratio" 'BEGIN {
  printf "  median CPU per round trip: bare %.0f ns, attached %.0f ns\n", b, a
  printf "  median attached/bare ratio: %.3fx (about %+.0f ns per context switch)\n", r, (a - b) / 2 }'
