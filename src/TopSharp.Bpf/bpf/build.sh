#!/usr/bin/env bash
# Compiles every *.bpf.c here (and in each directory given as an argument, e.g. the tests' bpf/) into
# the *.bpf.o next to it, which is committed and embedded (no clang is needed to build or run TopSharp).
# The output is reproducible, whatever the checkout's path: .ci/run rebuilds and fails if an object
# differs from the committed one.
# Needs clang and llvm-strip (Debian: apt-get install clang llvm libbpf-dev).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dirs=("$here")
for d in "$@"; do dirs+=("$(cd "$d" && pwd)"); done
multiarch=$(gcc -print-multiarch 2>/dev/null || echo "$(uname -m)-linux-gnu")
shopt -s nullglob
for dir in "${dirs[@]}"; do
  cd "$dir"
  for src in *.bpf.c; do
    obj="${src%.c}.o"
    # -mcpu=v2: loads on 4.14+; -fdebug-prefix-map keeps this checkout's path out of .BTF.ext
    clang -O2 -g -target bpf -mcpu=v2 -fdebug-prefix-map="$dir"=. -I "/usr/include/$multiarch" -c "$src" -o "$obj"
    llvm-strip -g "$obj" # drop DWARF, keep .BTF (the maps' definitions)
    echo "built $dir/$obj"
  done
done
