#!/usr/bin/env bash
# Overhead of the opens tracer on a loop of failing opens (openat of a missing path, ENOENT), measured as the
# loop's own CPU time per call (CLOCK_PROCESS_CPUTIME_ID), each traced round paired with a bare round just
# before it (the tracer is started for its round only, so nothing is attached during the bare one):
#   bare                 no tracer
#   scoped to another    topsharp --opens --json --pid 1      (programs attached, the loop is out of scope)
#   scoped to the loop   topsharp --opens --json --pid LOOP   (every call becomes an event)
#   opensnoop-bpfcc      bcc's opensnoop -p LOOP
# Usage (root): scripts/opens-overhead.sh [path/to/topsharp.dll]   N=calls per round (200000) ROUNDS=rounds (5)
# Other BPF syscall tracers on the machine distort the figures: check `bpftool prog list` first.
set -euo pipefail
cd "$(dirname "$0")/.."
dll=$(realpath "${1:-src/TopSharp/bin/Release/net10.0/topsharp.dll}")
N=${N:-200000}
ROUNDS=${ROUNDS:-5}
work=$(mktemp -d)
tracer=
cleanup() {
  [[ -n $tracer ]] && kill "$tracer" 2>/dev/null || true
  [[ -n ${LOOP_PID:-} ]] && kill "$LOOP_PID" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The loop: prints its pid, then for each N read from stdin makes N failing opens and prints CPU ns per call.
cat > "$work/loop.c" <<'C'
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
static long long cpu_ns(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec * 1000000000LL + t.tv_nsec; }
int main(void) {
  long n;
  setvbuf(stdout, NULL, _IOLBF, 0);
  printf("%d\n", getpid());
  while (scanf("%ld", &n) == 1) {
    long long start = cpu_ns();
    for (long i = 0; i < n; i++) openat(AT_FDCWD, "/nonexistent/opens-overhead", O_RDONLY);
    printf("%.1f\n", (double)(cpu_ns() - start) / n);
  }
  return 0;
}
C
gcc -O2 -o "$work/loop" "$work/loop.c"
coproc LOOP { exec "$work/loop"; }
read -r loop_pid <&"${LOOP[0]}"

round() { echo "$N" >&"${LOOP[1]}"; read -r ns <&"${LOOP[0]}"; echo "$ns"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# measure NAME CMD...: ROUNDS pairs, each a bare round (nothing attached) then a round with CMD running
# (started afresh, so its programs are attached only then); prints the medians and the median pair ratio.
measure() {
  local name=$1 bare=() traced=() ratios=() b t
  shift
  round >/dev/null   # warm up
  for _ in $(seq "$ROUNDS"); do
    b=$(round)
    start "$@"
    if ! kill -0 "$tracer" 2>/dev/null; then
      printf '%-24s did not start: %s\n' "$name" "$(grep -m1 -iE 'error|unable|fail' "$work/tracer.err" || head -1 "$work/tracer.err")"
      tracer=; return 1
    fi
    t=$(round)
    stop
    bare+=("$b"); traced+=("$t"); ratios+=("$(awk -v t="$t" -v b="$b" 'BEGIN {printf "%.3f", t / b}')")
  done
  printf '%-24s bare %7.1f ns/call   traced %7.1f ns/call   ratio %s\n' "$name" "$(median "${bare[@]}")" "$(median "${traced[@]}")" "$(median "${ratios[@]}")"
}

start() { "$@" >/dev/null 2>"$work/tracer.err" & tracer=$!; sleep "${SETTLE:-3}"; }
stop() { kill -INT "$tracer" 2>/dev/null || true; wait "$tracer" 2>/dev/null || true; tracer=; sleep 0.5; }

echo "failing openat loop: $N calls per round, $ROUNDS paired rounds, loop pid $loop_pid"
bpftool prog list 2>/dev/null | grep -E 'raw_tracepoint|tracepoint|kprobe|tracing' | sed 's/^/  already loaded: /' || true

measure "bare vs bare (noise)" sleep 3600
measure "scoped to another pid" dotnet "$dll" --opens --json --pid 1
measure "scoped to the loop" dotnet "$dll" --opens --json --pid "$loop_pid"
# bcc's opensnoop compiles its program at start and needs the kernel headers (or CONFIG_IKHEADERS); where it
# cannot, bpftrace's opensnoop.bt (the same enter/exit pairing on the classic syscalls:* tracepoints) with a pid filter.
SETTLE=12 measure "opensnoop-bpfcc -p LOOP" opensnoop-bpfcc -p "$loop_pid" ||
  SETTLE=6 measure "opensnoop.bt, pid filter" bpftrace -e "
    tracepoint:syscalls:sys_enter_open, tracepoint:syscalls:sys_enter_openat /pid == $loop_pid/ { @filename[tid] = args->filename; }
    tracepoint:syscalls:sys_exit_open, tracepoint:syscalls:sys_exit_openat /@filename[tid]/ {
      \$ret = args->ret; printf(\"%-6d %-16s %4d %3d %s\\n\", pid, comm, \$ret >= 0 ? \$ret : -1, \$ret >= 0 ? 0 : - \$ret, str(@filename[tid]));
      delete(@filename[tid]); }
    END { clear(@filename); }"
