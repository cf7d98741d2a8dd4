#!/usr/bin/env bash
# Captures the real dashboard in tmux at 200x50 on this machine and renders screenshots/main.png,
# screenshots/split.png and screenshots/theme-<name>.png (one per themes/*.json) with scripts/ansi2png.py.
# Usage: scripts/screenshots.sh [path/to/topsharp.dll]   (default: the test project's Release output)
# Needs tmux, python3-pil, fonts-dejavu-core; runs as root (the demo workload runs as nobody).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-tests/TopSharp.Tests/bin/Release/net10.0/topsharp.dll}")
out=screenshots
mkdir -p "$out"
work=$(mktemp -d)
pids=()
demo=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  tmux -L shots kill-server 2>/dev/null || true
  for _ in $(seq 50); do [[ -z $demo || ! -d $demo ]] && break; rmdir "$demo" 2>/dev/null || sleep 0.1; done
  rm -rf "$work"
}
trap cleanup EXIT

# A small workload of its own, as user nobody, so the table shows it and not whatever else runs here.
nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
"${nobody[@]}" bash -c 'exec -a cpu-burner yes' >/dev/null 2>&1 & pids+=($!)
"${nobody[@]}" bash -c 'exec -a web-server sleep 3600' >/dev/null 2>&1 & pids+=($!)
"${nobody[@]}" bash -c 'exec -a backup-job sleep 3600' >/dev/null 2>&1 & pids+=($!)
cp "$(command -v sleep)" "$work/bad$(printf '\033')[31mname"        # a hostile name: shown escaped
chmod 755 "$work" "$work"/*
"${nobody[@]}" "$work/bad$(printf '\033')[31mname" 3600 >/dev/null 2>&1 & pids+=($!)

# A config poller whose own opens (bash redirections, no child) succeed, fail with EACCES and ENOENT, for the opens shot.
"${nobody[@]}" bash -c 'exec -a config-poller bash -c "while :; do read -r x < /etc/hostname; read -r x < /etc/shadow; read -r x < /etc/app/$(printf "\033")[31mconf; read -r x < /etc/os-release; sleep 0.4; done" 2>/dev/null' & pids+=($!)

# cpu-burner and the config poller in a cgroup v2 group of their own, for the syscall pane scoped to a cgroup.
if unified=$(findmnt -n -t cgroup2 -o TARGET | head -1) && [[ -n $unified ]]; then
  demo=$unified/topsharp-demo
  mkdir -p "$demo"
  echo "${pids[0]}" > "$demo/cgroup.procs"
  echo "${pids[4]}" > "$demo/cgroup.procs"
fi

# A process with 64 MiB bound to node 0 (numactl), for the live NUMA shot: dd fills its buffer, then blocks on the pipe.
"${nobody[@]}" bash -c 'numactl --membind=0 dd if=/dev/zero bs=64M count=1 2>/dev/null | sleep 3600' & pids+=($!)
sleep 1; pids+=($(pgrep -P "${pids[-1]}"))

# shot NAME KEYS ARGS...: runs the dashboard with ARGS (after USER_ARGS, default "-u nobody"), presses KEYS
# (tmux key names, space-separated), captures NAME.png. ONLY=PREFIX takes only the shots whose name starts so.
shot() {
  local name=$1 keys=$2; shift 2
  [[ $name == "${ONLY:-}"* ]] || return 0
  tmux -L shots kill-server 2>/dev/null || true
  local config
  config=$(mktemp -d "$work/config.XXXX")   # each shot starts from the default layout, or from $CONFIG_JSON
  if [[ -n ${CONFIG_JSON:-} ]]; then mkdir -p "$config/topsharp"; printf '%s' "$CONFIG_JSON" > "$config/topsharp/config.json"; fi
  tmux -L shots new-session -d -s s -x 200 -y 50 \
    "env XDG_CONFIG_HOME=$config COLORTERM=truecolor TERM=xterm-256color dotnet $bin ${USER_ARGS--u nobody} $*; sleep 60"
  for _ in $(seq 100); do
    tmux -L shots capture-pane -p -t s | grep -q 'F1 Help' && break
    sleep 0.2
  done
  sleep 3                                   # two samples: the CPU bars need a rate
  for k in $keys; do tmux -L shots send-keys -t s "$k"; sleep 0.5; done
  sleep "${SETTLE:-1}"                      # SETTLE=4: a pane that needs two samples of its own
  tmux -L shots capture-pane -e -N -p -t s > "$work/$name.ans"
  /usr/bin/python3 scripts/ansi2png.py "$work/$name.ans" "$out/$name.png" 200 50
  echo "$out/$name.png"
}

shot main "" --theme default
# NUMA: numahog (bind:1, interleave:0-3, prefer:3) selected in the table, the NUMA pane beside it.
USER_ARGS="" shot numa "/ n u m a h o g Escape | C-o 3" --theme default --root tests/fixtures/numa4-cgroup2
shot numa-live "/ d d F3 Escape | C-o 3" --theme default
# NODE and REMOTE% columns on the 4-node capture, sorted by PID, scrolled to the workload (numa_maps is read for the rows on screen).
CONFIG_JSON='{"processes":{"columns":["Pid","User","Res","Processor","NumaNode","RemotePercent","CpuPercent","Command"],"sortColumn":"Pid","sortDescending":false}}' \
  USER_ARGS="" shot numa-columns "End" --theme default --root tests/fixtures/numa4-cgroup2
# Cgroups: the v2 capture's partitions, limits, throttled jobs and frozen cron.service, job1 selected.
USER_ARGS="" shot cgroups "2 Down Down" --theme default --root tests/fixtures/numa4-cgroup2
shot split "| C-o 2" --theme default
# Syscalls (eBPF, as root): cpu-burner selected, the syscall pane beside the table with latency on.
SETTLE=4 shot syscalls "/ c p u F3 Escape | C-o s l" --theme default
# The same pane scoped to cpu-burner's cgroup (g on it, Enter in the cgroup pane, then the syscall pane), latency on.
[[ -n $demo ]] && SETTLE=4 shot syscalls-cgroup "/ c p u F3 Escape g Enter 5 l" --theme default
# Opens (needs root): the poller's file opens, live, failures in red, its escape byte shown escaped.
SETTLE=4 shot opens "/ c o n f i g - p o l l e r Escape o" --theme default
# The same view scoped to the poller's cgroup v2 group (g on it, o in the cgroup pane): every open made inside the group.
[[ -n $demo ]] && SETTLE=4 shot opens-cgroup "/ c o n f i g - p o l l e r Escape g o" --theme default
# Memory: the memory map of the dd holding 64 MiB (m on the table), and the kernel's memory pane.
shot memory-map "/ d d F3 Escape m" --theme default
shot kernel-memory "4" --theme default
for f in themes/*.json; do
  theme=$(basename "$f" .json)
  case $theme in
    monochrome) shot "theme-$theme" "" --colors none ;;
    16-color) shot "theme-$theme" "" --colors 16 --theme "$theme" ;;
    *) shot "theme-$theme" "" --colors truecolor --theme "$theme" ;;
  esac
done
