#!/usr/bin/env bash
# Times `whosaid index` on a generated corpus of >= 100,000 paragraphs:
#   1. full build into an empty index,
#   2. re-run with nothing changed,
#   3. re-run after touching 1% of the files (mtime only, same bytes),
#   4. re-run after editing 1% of the files (one paragraph appended to each),
# printing wall seconds, paragraphs written, the index's report and max RSS for each, and
# the ratio no-change / full.
#
# Usage: scripts/bench-reindex.sh            (from anywhere in the repository)
# Environment: ARTICLES (default 10000, about 110,000 paragraphs), THREADS (passed as
# --threads), WORK (scratch folder, default a new temp dir, removed unless KEEP=1).
# The corpus comes from benches/support/corpus.rs, compiled here with plain rustc.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
articles="${ARTICLES:-10000}"
min_paragraphs=100000
work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/whosaid-reindex.XXXXXX")}"
mkdir -p "$work"
if [[ -z "${WORK:-}" && -z "${KEEP:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
fi
threads_arg=()
if [[ -n "${THREADS:-}" ]]; then
    threads_arg=(--threads "$THREADS")
fi

echo "== building whosaid (release)" >&2
cargo build --release --locked --bin whosaid >&2
bin="${CARGO_TARGET_DIR:-$root/target}/release/whosaid"

echo "== building the corpus generator" >&2
cat >"$work/gen.rs" <<RUST
#[path = "$root/benches/support/corpus.rs"]
mod corpus;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::Path::new(&args[1]);
    let n: usize = args[2].parse().expect("number of articles");
    let paragraphs = corpus::write_corpus(dir, 1, n).expect("write corpus");
    println!("{paragraphs}");
}
RUST
rustc -O --edition 2024 --cap-lints allow -o "$work/gen" "$work/gen.rs"

# Floating-point arithmetic without bc.
calc() {
    awk "BEGIN { printf \"%.6f\", $1 }"
}

corpus="$work/corpus"
index="$work/index"
rm -rf "$corpus" "$index"
t0=$(date +%s.%N)
paragraphs=$("$work/gen" "$corpus" "$articles")
t1=$(date +%s.%N)
files=$(find "$corpus" -name '*.md' | wc -l)
printf '== corpus: %d files, %d paragraphs, %s, generated in %.1fs\n' \
    "$files" "$paragraphs" "$(du -sh "$corpus" | cut -f1)" "$(calc "$t1 - $t0")"
if ((paragraphs < min_paragraphs)); then
    echo "error: only $paragraphs paragraphs; raise ARTICLES" >&2
    exit 1
fi

have_time=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true 2>/dev/null; then
    have_time=1
fi

# Runs `whosaid index` once; sets $seconds and prints one line.
seconds=0
run() {
    local label="$1"
    local out="$work/$label.json" err="$work/$label.err" tv="$work/$label.time"
    local start end status=0
    start=$(date +%s.%N)
    if ((have_time)); then
        /usr/bin/time -v -o "$tv" "$bin" index "$corpus" --index "$index" --json \
            "${threads_arg[@]}" >"$out" 2>"$err" </dev/null || status=$?
    else
        "$bin" index "$corpus" --index "$index" --json "${threads_arg[@]}" \
            >"$out" 2>"$err" </dev/null || status=$?
    fi
    end=$(date +%s.%N)
    if ((status != 0)); then
        echo "error: whosaid index ($label) exited with $status:" >&2
        cat "$err" >&2
        exit 1
    fi
    seconds=$(calc "$end - $start")
    local json written rss="n/a"
    json=$(cat "$out")
    written=$(sed -n 's/.*"paragraphs":\([0-9]*\).*/\1/p' <<<"$json")
    if ((have_time)); then
        rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MiB", $2/1024}' "$tv")"
    fi
    local counts
    counts=$(sed -n 's/.*"added":\([0-9]*\),"updated":\([0-9]*\),"deleted":\([0-9]*\),"unchanged":\([0-9]*\),"failed":\([0-9]*\).*/added \1, updated \2, deleted \3, unchanged \4, failed \5/p' <<<"$json")
    printf '%-10s %8.2fs  %7s paragraphs  max RSS %-9s  %s\n' \
        "$label" "$seconds" "${written:-?}" "$rss" "${counts:-$json}"
}

# Every 100th file, in sorted order.
one_percent() {
    find "$corpus" -name '*.md' | sort | awk 'NR % 100 == 1'
}

echo "== whosaid index $corpus --index $index ${threads_arg[*]}"
run full
full=$seconds
run no-change
no_change=$seconds
one_percent | xargs touch
run touched-1%
one_percent | while read -r f; do
    printf '\n"This paragraph was added to test reindexing," said Jane Roe.\n' >>"$f"
done
run edited-1%
printf 'index size: %s\n' "$(du -sh "$index" | cut -f1)"
printf 'full: %.0f paragraphs/s; no-change/full = %.3f\n' \
    "$(calc "$paragraphs / $full")" "$(calc "$no_change / $full")"
