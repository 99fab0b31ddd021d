#!/usr/bin/env bash
# Fuzzes sourcelens with cargo-fuzz (libFuzzer): the analysis and the JSON
# Lines reader, each target checking the output invariants, not only panics.
#
# usage:
#   scripts/fuzz.sh --ci            30 s per target (about 60 s in all), for CI
#   scripts/fuzz.sh [--seconds N]   N seconds per target (default 300)
#   scripts/fuzz.sh ... TARGET...   only these targets (analyze, jsonl_line)
#   scripts/fuzz.sh --keep-going    go on after a crash (libFuzzer fork mode),
#                                   saving every crash; for long runs
#
# Needs a nightly toolchain; without one it prints why and exits 0 (skipped).
# Installs cargo-fuzz from crates.io when it is missing.
# Seeds are fuzz/seeds/TARGET (committed); the growing corpus is
# fuzz/corpus/TARGET and crashes land in fuzz/artifacts/TARGET (both ignored
# by git). Exit status: 0 no crash, 1 crash or build failure, 2 bad usage.
# On a crash: add the input as a regression test (tests/hostile.rs or
# tests/cli.rs), then replay it with the command printed below.
set -euo pipefail

seconds=300
keep_going=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci) seconds=30 ;;
    --keep-going) keep_going=1 ;;
    --seconds)
      [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || { echo "fuzz: --seconds needs a whole number" >&2; exit 2; }
      seconds=$2; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    analyze|jsonl_line) targets+=("$1") ;;
    *) echo "fuzz: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || targets=(analyze jsonl_line)

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/fuzz"
cd "$root"

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: skipped: no nightly Rust toolchain (cargo-fuzz needs one: rustup toolchain install nightly)"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz from crates.io"
  # --locked can fail behind some registry mirrors; retry without it, and skip (not fail) when
  # the tool cannot be had at all: a crash fails the run, a missing tool does not
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz || { echo "fuzz: skipped: could not install cargo-fuzz"; exit 0; }
fi

mkdir -p "$fuzz/artifacts"
# Safe Rust needs no AddressSanitizer (-s none: several times more executions
# per second); debug assertions (-a) turn integer overflow into a crash.
build_flags=(-O -a -s none)
echo "fuzz: building targets"
cargo +nightly fuzz build "${build_flags[@]}" >"$fuzz/artifacts/build.log" 2>&1 || { cat "$fuzz/artifacts/build.log" >&2; echo "fuzz: build failed" >&2; exit 1; }

# Per-target flags: inputs up to 4 KiB, 10 s per input counts as a hang.
flags_for() {
  local flags=(-max_total_time="$seconds" -timeout=10 -max_len=4096 -print_final_stats=1)
  [ "$1" = analyze ] && flags+=(-dict="$fuzz/dict/news.dict")
  [ "$keep_going" = 1 ] && flags+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  echo "${flags[@]}"
}

total=0
status=0
for t in "${targets[@]}"; do
  mkdir -p "$fuzz/corpus/$t" "$fuzz/artifacts/$t"
  log="$fuzz/artifacts/$t.log"
  since="$fuzz/artifacts/.started-$t"
  touch "$since"
  echo "fuzz: $t for ${seconds}s (log: ${log#"$root"/})"
  # shellcheck disable=SC2046
  if cargo +nightly fuzz run "$t" "$fuzz/corpus/$t" "$fuzz/seeds/$t" "${build_flags[@]}" -- $(flags_for "$t") >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    # fork mode prints no final stats: take the last "#N:" progress line
    [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tr -d '#' | tail -1 || true)
    runs=${runs:-0}
    total=$((total + runs))
    new=$(find "$fuzz/artifacts/$t" -type f -newer "$since" | sort)
    if [ -n "$new" ]; then
      status=1
      echo "fuzz: $t: $runs executions, went on past $(echo "$new" | wc -l) failing inputs, saved as:" >&2
      echo "$new" | sed "s#^$root/#  #" >&2
    else
      echo "fuzz: $t: $runs executions, no crash, corpus $(ls "$fuzz/corpus/$t" | wc -l) inputs"
    fi
  else
    status=1
    grep -E 'panicked at|invariant broken|ERROR: libFuzzer|SUMMARY' "$log" | head -5 >&2 || true
    for a in $(find "$fuzz/artifacts/$t" -type f -newer "$since" | sort); do
      echo "fuzz: $t: crash saved as ${a#"$root"/}; replay: cargo +nightly fuzz run $t ${a#"$root"/} ${build_flags[*]}" >&2
    done
    echo "fuzz: $t: FAILED (full log: ${log#"$root"/})" >&2
  fi
done
echo "fuzz: $total executions in all"
exit $status
