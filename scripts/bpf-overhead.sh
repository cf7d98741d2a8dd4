#!/usr/bin/env bash
# What TopSharp's eBPF programs cost the traced workload, side by side in one run (as root).
#
#   scripts/bpf-overhead.sh            # every section
#   ONLY=syscalls ROUNDS=9 CALLS=500000 scripts/bpf-overhead.sh
#   ONLY=opens scripts/bpf-overhead.sh     # the opens view: scoped elsewhere, scoped to the loop, opensnoop
#   ONLY=sched ROUNDS=11 TRIPS=30000 SCHED_CPU=1 scripts/bpf-overhead.sh
#
# Method (docs: ../shared/docs/ebpf.md §6): a workload measures its own CPU time per operation;
# each round runs it bare, then with the tracer attached, and the ratio traced/bare is taken per
# round; the median over ROUNDS is reported. Other syscall tracers on the machine distort every
# figure: the script lists any loaded tracing program first.
#
# Sections: a section is a function `section_NAME` that prints its lines with `report`; add yours
# (the opens and sched programs have their own workloads) and append NAME to SECTIONS.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-7}
CALLS=${CALLS:-500000}
TRIPS=${TRIPS:-30000}
SCHED_CPU=${SCHED_CPU:-1}
SECTIONS=(syscalls opens sched)
work=$(mktemp -d /tmp/topsharp-overhead.XXXXXX)
bg_pid=""
cleanup() { [ -n "$bg_pid" ] && kill "$bg_pid" 2>/dev/null; [ -n "${OPENER_PID:-}" ] && kill "$OPENER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

[ "$(id -u)" = 0 ] || { echo "bpf-overhead.sh: needs root (it attaches BPF programs)" >&2; exit 1; }
gcc -O2 -Wall -o "$work/syscaller" tests/native/syscaller.c
gcc -O2 -Wall -o "$work/emptyprog" tests/native/emptyprog.c
topsharp_dll=src/TopSharp/bin/Release/net10.0/topsharp.dll
[ -f "$topsharp_dll" ] || dotnet build src/TopSharp -c Release -v q >/dev/null
topsharp=(dotnet "$topsharp_dll")

# --- helpers -----------------------------------------------------------------------------------

# start_bg CMD...: runs CMD in the background as $bg_pid
start_bg() { "$@" >"$work/bg.out" 2>&1 & bg_pid=$!; }
stop_bg() { kill -TERM "$bg_pid" 2>/dev/null || true; wait "$bg_pid" 2>/dev/null || true; bg_pid=""; }

# wait_programs N: until $bg_pid holds N BPF program fds (prog_id in /proc/PID/fdinfo), 30 s at most
wait_programs() {
  for _ in $(seq 300); do
    local n
    n=$(cat /proc/"$bg_pid"/fdinfo/* 2>/dev/null | grep -c '^prog_id:' || true)
    [ "$n" -ge "$1" ] && return 0
    sleep 0.1
  done
  echo "bpf-overhead.sh: the tracer did not attach; its output:" >&2; cat "$work/bg.out" >&2; exit 1
}

# wait_output TEXT: until the background command printed TEXT, 30 s at most
wait_output() {
  for _ in $(seq 300); do grep -q "$1" "$work/bg.out" 2>/dev/null && { sleep 0.5; return 0; }; sleep 0.1; done
  echo "bpf-overhead.sh: no '$1' from the tracer:" >&2; cat "$work/bg.out" >&2; exit 1
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

report() { printf '%-58s %s\n' "$1" "$2"; }

# paired LABEL ROUND START STOP [UNIT PER]: ROUNDS rounds of (bare ROUND, START, traced ROUND, STOP), where
# ROUND prints the CPU ns of one measured loop; prints the median ratio and the added ns per UNIT (ROUND's ns / PER)
paired() {
  local label=$1 round=$2 start=$3 stop=$4 unit=${5:-call} per=${6:-1} ratios=() bares=() traceds=()
  for _ in $(seq "$ROUNDS"); do
    local bare traced
    bare=$($round)
    $start
    traced=$($round)
    $stop
    ratios+=("$(awk -v t="$traced" -v b="$bare" 'BEGIN { printf "%.3f", t / b }')")
    bares+=("$bare"); traceds+=("$traced")
  done
  local r b t
  r=$(printf '%s\n' "${ratios[@]}" | median)
  b=$(printf '%s\n' "${bares[@]}" | median)
  t=$(printf '%s\n' "${traceds[@]}" | median)
  report "$label" "$(printf '%.2fx  %+5.0f ns per %s  (%s -> %s ns, medians of %s)' "$r" \
    "$(awk -v t="$t" -v b="$b" -v p="$per" 'BEGIN { print (t - b) / p }')" "$unit" "$b" "$t" "$ROUNDS")"
}

# --- section: syscalls (syscalls.bpf.c on raw_syscalls:sys_enter/sys_exit) ----------------------------

counting_start() { start_bg "${topsharp[@]}" --once --json --delay 60; wait_programs 4; }   # sys_enter, sys_exit, park (loaded), sched_switch
latency_start() { start_bg "${topsharp[@]}" --once --json --delay 60 --syscall-latency; wait_programs 4; }
# bpftrace needs tracefs for a classic tracepoint; where it is not mounted, it gets a private mount
bpftrace_start() {
  local program='tracepoint:raw_syscalls:sys_enter { @[pid, args->id] = count(); }'
  if [ -d /sys/kernel/tracing/events ]; then
    start_bg bpftrace -e "$program"
  else
    start_bg unshare -m sh -c 'mount -t tracefs nodev /sys/kernel/tracing && exec bpftrace -e "$0"' "$program"
  fi
  wait_output Attaching
}

syscaller_round() { "$work/syscaller" "$CALLS"; }

# the floor: programs that do nothing on the same tracepoints (tests/native/emptyprog.c)
floor_enter_exit_start() { start_bg "$work/emptyprog" sys_enter sys_exit; wait_output attached; }
floor_exit_start() { start_bg "$work/emptyprog" sys_exit; wait_output attached; }

section_syscalls() {
  echo "syscalls: a getppid loop of $CALLS calls, CPU time per call"
  paired "floor: empty programs on sys_enter and sys_exit" syscaller_round floor_enter_exit_start stop_bg
  paired "TopSharp counting (topsharp --once --json)" syscaller_round counting_start stop_bg
  paired "TopSharp counting + latency (--syscall-latency)" syscaller_round latency_start stop_bg
  if command -v bpftrace >/dev/null; then
    paired "bpftrace @[pid, args->id] = count() (classic tracepoint)" syscaller_round bpftrace_start stop_bg
  else
    report "bpftrace" "not installed"
  fi
}

# --- section: sched (sched.bpf.c on sched_switch) -------------------------------------------------

# tests/native/pingpong.c pinned to one CPU: two processes pass a byte over pipes, so every round trip is
# two context switches, the worst case for a sched_switch program. The program is attached alone, through
# TopSharp's loader (scripts/sched-attach.cs): `topsharp --once` would attach the syscall programs too,
# and they fire on every read and write here.
sched_start() { start_bg dotnet "$work/sched-attach/sched-attach.dll"; wait_output attached; }
# pingpong prints: round trips, wall ns per round trip, CPU ns per round trip (both processes)
pingpong_round() { taskset -c "$SCHED_CPU" "$work/pingpong" "$TRIPS" | awk '{ print $3 }'; }

section_sched() {
  echo "sched: a pipe ping-pong of $TRIPS round trips on CPU $SCHED_CPU (2 context switches each), CPU time per round trip"
  gcc -O2 -Wall -o "$work/pingpong" tests/native/pingpong.c
  dotnet build scripts/sched-attach.cs -c Release -o "$work/sched-attach" >"$work/sched-build.log" 2>&1 \
    || { cat "$work/sched-build.log" >&2; exit 1; }
  paired "TopSharp sched_switch busy time (scripts/sched-attach.cs)" pingpong_round sched_start stop_bg switch 2
  # every switch here happens inside a read: latency mode parks each timed call's stamp at the switch
  paired "TopSharp syscall counting (topsharp --once --json)" pingpong_round counting_start stop_bg "round trip"
  paired "TopSharp counting + latency (--syscall-latency)" pingpong_round latency_start stop_bg "round trip"
}

# --- section: opens (opens.bpf.c on raw_syscalls:sys_exit, ring buffer) -------------------------------
# One opener process serves every round (its pid is the scope); a round is CALLS failing openat calls.

opener_round() { echo "$CALLS" >&"${OPENER[1]}"; local ns; read -r ns <&"${OPENER[0]}"; echo "$ns"; }

opens_other_start() { start_bg "${topsharp[@]}" --opens --json --pid 1; wait_programs 1; sleep 0.5; }
opens_self_start() { start_bg "${topsharp[@]}" --opens --json --pid "$opener_pid"; wait_programs 1; sleep 0.5; }
# bcc's opensnoop compiles its program at start and needs kernel headers (or CONFIG_IKHEADERS)
opensnoop_start() { start_bg opensnoop-bpfcc -p "$opener_pid"; wait_output PATH; }
# where bcc cannot run: bpftrace's opensnoop.bt (enter/exit pairing on the classic syscalls:* tracepoints) with a pid filter
opensnoop_bt_start() {
  local program="tracepoint:syscalls:sys_enter_open, tracepoint:syscalls:sys_enter_openat /pid == $opener_pid/ { @filename[tid] = args->filename; }
    tracepoint:syscalls:sys_exit_open, tracepoint:syscalls:sys_exit_openat /@filename[tid]/ {
      \$ret = args->ret; printf(\"%-6d %-16s %4d %3d %s\\n\", pid, comm, \$ret >= 0 ? \$ret : -1, \$ret >= 0 ? 0 : - \$ret, str(@filename[tid]));
      delete(@filename[tid]); }"
  if [ -d /sys/kernel/tracing/events ]; then
    start_bg bpftrace -e "$program"
  else
    start_bg unshare -m sh -c 'mount -t tracefs nodev /sys/kernel/tracing && exec bpftrace -e "$0"' "$program"
  fi
  wait_output Attaching
}

section_opens() {
  gcc -O2 -Wall -o "$work/opener" tests/native/opener.c
  coproc OPENER { exec "$work/opener" /nonexistent/topsharp-overhead; }
  read -r opener_pid <&"${OPENER[0]}"
  opener_round >/dev/null   # warm up
  echo "opens: a loop of $CALLS failing openat calls (ENOENT), CPU time per call"
  paired "floor: an empty program on sys_exit" opener_round floor_exit_start stop_bg
  paired "TopSharp --opens scoped to another pid (--pid 1)" opener_round opens_other_start stop_bg
  paired "TopSharp --opens scoped to the loop (an event per call)" opener_round opens_self_start stop_bg
  if command -v opensnoop-bpfcc >/dev/null && timeout 60 opensnoop-bpfcc -d 1 >/dev/null 2>&1; then
    paired "opensnoop-bpfcc -p (bcc)" opener_round opensnoop_start stop_bg
  else
    report "opensnoop-bpfcc" "cannot run here (no kernel headers for bcc to compile against); instead:"
    paired "bpftrace opensnoop.bt with a pid filter (classic tracepoints)" opener_round opensnoop_bt_start stop_bg
  fi
  kill "$OPENER_PID" 2>/dev/null || true
}

# --- main ----------------------------------------------------------------------------------------

others=$(bpftool prog list 2>/dev/null | grep -E '^[0-9]+: (raw_tracepoint|tracepoint|tracing|kprobe)' || true)
if [ -n "$others" ]; then
  echo "warning: other tracing programs are loaded; they slow every syscall and distort these ratios:"
  echo "$others"
fi
for section in "${SECTIONS[@]}"; do
  [ -n "${ONLY:-}" ] && [ "$ONLY" != "$section" ] && continue
  "section_$section"
done
