#!/usr/bin/env bash
# Compares the steady-state cost of terminal monitors: CPU seconds used per minute and bytes
# written to the terminal per second, each program alone in a 200x50 tmux pane refreshing
# once a second, with 2,000 extra idle processes on the machine.
#
# Usage: scripts/compare-with-htop.sh [-d SECONDS] [-w SECONDS] [-n PROCESSES] [-k]
#   -d  measured duration per program (default 60)
#   -w  warm-up before measuring, excluded from the figures (default 5)
#   -n  extra idle processes (`sleep`) present during the runs (default 2000)
#   -k  keep the temporary directory (terminal captures, configs) and print its path
# TopSharp is measured when TOPSHARP_CMD holds its full command line, e.g.
#   TOPSHARP_CMD="dotnet src/TopSharp/bin/Release/net10.0/topsharp.dll --delay 1" scripts/compare-with-htop.sh
# htop (required), btop and top are measured when installed (apt-get install -y htop btop).
#
# CPU: utime+stime+cutime+cstime of the program's process (proc(5), /proc/PID/stat fields 14-17)
# over the measured window, scaled to 60 s. Bytes: what tmux's pipe-pane copied from the pane's
# pty over the same window. Each program gets fresh default settings (a temporary
# XDG_CONFIG_HOME), except that btop's update_ms is set to 1000 (its default is 2000).
set -euo pipefail

duration=60 warmup=5 idle_count=2000 keep=0
while getopts "d:w:n:kh" opt; do
  case $opt in
    d) duration=$OPTARG ;;
    w) warmup=$OPTARG ;;
    n) idle_count=$OPTARG ;;
    k) keep=1 ;;
    *) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 2 ;;
  esac
done
for tool in tmux htop awk; do
  command -v "$tool" >/dev/null || { echo "compare-with-htop: needs $tool (apt-get install -y $tool)" >&2; exit 2; }
done

work=$(mktemp -d /tmp/compare-with-htop.XXXXXX)
socket="$work/tmux.socket"   # a tmux server of our own, never the user's
idle_pgid=""
clk_tck=$(getconf CLK_TCK)

cleanup() {
  tmux -S "$socket" kill-server 2>/dev/null || true
  [ -n "$idle_pgid" ] && kill -- "-$idle_pgid" 2>/dev/null || true
  if [ "$keep" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The idle processes: one process group, so one kill ends them all.
start_idle_processes() {
  setsid bash -c "for _ in \$(seq $idle_count); do sleep 600 & done; wait" </dev/null >/dev/null 2>&1 &
  local leader=$! pgid=""
  # setsid makes the leader its own group; wait for that before trusting its pgid.
  for _ in $(seq 50); do
    pgid=$(ps -o pgid= -p "$leader" | tr -d ' ')
    [ "$pgid" = "$leader" ] && break
    sleep 0.1
  done
  [ "$pgid" = "$leader" ] || { echo "compare-with-htop: could not start the idle process group" >&2; exit 1; }
  idle_pgid=$leader
  local have=0
  for _ in $(seq 600); do
    have=$(pgrep -g "$idle_pgid" -c -x sleep || true)
    [ "$have" -ge "$idle_count" ] && break
    sleep 0.1
  done
  echo "$have idle 'sleep 600' processes in process group $idle_pgid; $(find /proc -maxdepth 1 -name "[0-9]*" 2>/dev/null | wc -l) processes in all" >&2
}

# Clock ticks (USER_HZ) the process has used: its own and its reaped children's.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$1/stat"; }

# measure LABEL COMMAND...: runs COMMAND alone in a 200x50 pane and appends a result row.
measure() {
  local label=$1; shift
  local capture="$work/$label.out" go="$work/$label.go" config="$work/$label.config"
  mkdir -p "$config/btop"
  printf 'update_ms = 1000\n' > "$config/btop/btop.conf"
  : > "$capture"
  # The pane waits for $go, so pipe-pane is attached before the program's first byte.
  local quoted; quoted=$(printf '%q ' "$@")
  tmux -S "$socket" new-session -d -s "$label" -x 200 -y 50 \
    "export XDG_CONFIG_HOME=$config LANG=C.UTF-8; while [ ! -e $go ]; do sleep 0.05; done; exec $quoted"
  tmux -S "$socket" pipe-pane -t "$label" -o "cat >> $capture"
  local pid; pid=$(tmux -S "$socket" display-message -p -t "$label" '#{pane_pid}')
  touch "$go"
  sleep "$warmup"
  kill -0 "$pid" 2>/dev/null || { echo "$label exited during warm-up; output: $(tail -c 300 "$capture")" >&2; return 0; }

  local t0 c0 b0 t1 c1 b1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$pid"); b0=$(stat -c %s "$capture")
  sleep "$duration"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$pid"); b1=$(stat -c %s "$capture")
  tmux -S "$socket" kill-session -t "$label"

  awk -v l="$label" -v t="$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" \
      -v c=$((c1 - c0)) -v b=$((b1 - b0)) -v hz="$clk_tck" -v cmd="$*" \
      'BEGIN { printf "%s\t%.2f\t%.0f\t%s\n", l, c / hz / t * 60, b / t, cmd }' >> "$work/results.tsv"
  echo "measured $label over ${duration}s" >&2
}

start_idle_processes
: > "$work/results.tsv"
measure htop htop -d 10
command -v btop >/dev/null && measure btop btop
command -v top >/dev/null && measure top top -d 1
if [ -n "${TOPSHARP_CMD:-}" ]; then
  read -r -a topsharp_cmd <<< "$TOPSHARP_CMD"
  measure topsharp "${topsharp_cmd[@]}"
fi

echo
echo "200x50 tmux pane, 1 s refresh, ${duration} s measured after ${warmup} s warm-up, $idle_count extra idle processes, $(nproc) CPUs"
awk -F'\t' '
  { label[NR] = $1; cpu[NR] = $2; bps[NR] = $3; cmd[NR] = $4; row[$1] = NR }
  END {
    printf "%-10s %12s %14s  %s\n", "program", "CPU-s/min", "terminal B/s", "command"
    for (i = 1; i <= NR; i++) printf "%-10s %12.2f %14.0f  %s\n", label[i], cpu[i], bps[i], cmd[i]
    if (!("topsharp" in row)) exit
    t = row["topsharp"]; h = row["htop"]
    cheapest_cpu = cheapest_bps = 0
    for (i = 1; i <= NR; i++) if (i != t) {
      if (!cheapest_cpu || cpu[i] < cpu[cheapest_cpu]) cheapest_cpu = i
      if (!cheapest_bps || bps[i] < bps[cheapest_bps]) cheapest_bps = i
    }
    printf "\nTopSharp/htop:     CPU %.2f   bytes %.2f\n", ratio(cpu[t], cpu[h]), ratio(bps[t], bps[h])
    printf "TopSharp/cheapest: CPU %.2f (vs %s)   bytes %.2f (vs %s)\n",
      ratio(cpu[t], cpu[cheapest_cpu]), label[cheapest_cpu], ratio(bps[t], bps[cheapest_bps]), label[cheapest_bps]
  }
  function ratio(a, b) { return b > 0 ? a / b : 0 }
' "$work/results.tsv"
