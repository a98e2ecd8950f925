#!/usr/bin/env bash
# Runs whosaid's coverage-guided fuzz targets with libFuzzer, on the stable toolchain
# (coverage instrumentation through -C passes=sancov-module, not a nightly sanitizer).
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  how long each target runs (default 60)
#   TARGET   reader, attribution, dates, query (default: all four)
# Corpora grow in fuzz/corpus/TARGET (not committed); a crash is written to
# fuzz/artifacts/TARGET/ and the script exits 1 naming it. Turn each crash into a case in
# tests/properties.rs (mod regressions) and fix it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=(reader attribution dates query)
fi

export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing"
cd "$root/fuzz"
# An explicit target keeps the coverage flags off build scripts and proc macros.
host="$(rustc -vV | sed -n 's/^host: //p')"
echo "== building the fuzz targets for $host" >&2
cargo build --release --bins --target "$host" >&2
bin="$root/fuzz/target/$host/release"
status=0
for target in "${targets[@]}"; do
    corpus="$root/fuzz/corpus/$target"
    artifacts="$root/fuzz/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    # Seed the corpora with real inputs of the kind each target reads.
    case "$target" in
    reader | attribution) cp -n "$root"/corpus/*.md "$root"/tests/fixtures/cli/*/*.md "$corpus"/ 2>/dev/null || true ;;
    query) printf '%s' 'speaker:Zelensky (truce OR ceasefire) -Russia date:[2025-03-01 TO 2025-03-31]' >"$corpus/seed" ;;
    dates) printf '%s' 'March 14, 2025' >"$corpus/seed" ;;
    esac
    echo "== fuzzing $target for ${seconds}s" >&2
    if ! "$bin/$target" "$corpus" -artifact_prefix="$artifacts/" \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=10 \
        -print_final_stats=1 2>"$root/fuzz/$target.log"; then
        echo "!! $target found a crash: $(ls -t "$artifacts" | head -1) (log: fuzz/$target.log)" >&2
        status=1
    fi
    grep -E "stat::number_of_executed_units|stat::new_units_added|cov:" "$root/fuzz/$target.log" | tail -3 >&2 || true
done
exit $status
