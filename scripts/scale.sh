#!/usr/bin/env bash
# Measures whosaid at scale, side by side with a bare tantivy program and SQLite FTS5 on
# the same paragraphs, in one run (see BENCHMARKS.md for the last results and what they
# mean). Prints the tables BENCHMARKS.md holds, on stdout.
#
# Usage: scripts/scale.sh [PARAGRAPHS] [THREADS] [MEMORY_MB]
#   PARAGRAPHS  corpus size (default 1000000)
#   THREADS     indexing threads for whosaid and the bare program (default: cores)
#   MEMORY_MB   writer memory for both (default: whosaid's default)
# Environment: WORK (scratch folder, default a temp dir, removed unless KEEP=1),
# ROUNDS (query repetitions, default 200), SPAWNS (processes per query, default 50).
#
# Needs GNU time and sqlite3 (installed with apt-get when missing and possible).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
paragraphs="${1:-1000000}"
threads="${2:-$(nproc)}"
memory="${3:-}"
rounds="${ROUNDS:-200}"
spawns="${SPAWNS:-50}"
work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/whosaid-scale.XXXXXX")}"
mkdir -p "$work"
if [[ -z "${WORK:-}" && -z "${KEEP:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
fi

need() {
    command -v "$1" >/dev/null 2>&1 && return
    echo "== installing $2" >&2
    if command -v apt-get >/dev/null 2>&1; then
        (apt-get install -y "$2" >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >/dev/null 2>&1)) || true
    fi
    command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is needed (Debian package $2)" >&2; exit 1; }
}
[[ -x /usr/bin/time ]] || need /usr/bin/time time
need sqlite3 sqlite3

echo "== building (release)" >&2
cargo build --release --locked --bin whosaid --example scale >&2
target="${CARGO_TARGET_DIR:-$root/target}/release"
whosaid="$target/whosaid"
scale="$target/examples/scale"

echo "== generating $paragraphs paragraphs in $work" >&2
if [[ ! -f "$work/queries.tsv" ]]; then
    "$scale" gen "$paragraphs" "$work" >&2
fi
text_bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l).encode()) for l in open(sys.argv[1])))" "$work/paragraphs.jsonl")

# measure NAME CMD...: wall s, CPU s, peak RSS MB into $results (and the command's output).
results="$work/results.tsv"
: >"$results"
measure() {
    local name="$1"
    shift
    sync
    /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || {
        echo "!! $name failed: $(tail -3 "$work/err.txt")" >&2
        return 1
    }
    local wall user sys rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time.txt")
    user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
    sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$work/time.txt")
    printf '%s\t%.1f\t%.1f\t%s\n' "$name" "$wall" "$(calc "$user + $sys")" "$rss" | tee -a "$results" >&2
}
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
size_mb() { du -sb "$1" | awk '{printf "%.0f", $1/1e6}'; }

mem_args=()
[[ -n "$memory" ]] && mem_args=(--memory "$memory")
bare_mem="${memory:-256}"

# Interleaved: each system builds twice, in turn; the faster build of each is reported.
for round in 1 2; do
    rm -rf "$work/idx" "$work/bare" "$work/fts.db" "$work/idx-jsonl"
    measure "whosaid full (md) #$round" "$whosaid" index "$work/md" --index "$work/idx" --threads "$threads" "${mem_args[@]}" --quiet
    measure "bare tantivy #$round" "$scale" bare-index "$work/bare" "$work/paragraphs.jsonl" "$threads" "$bare_mem"
    measure "sqlite fts5 #$round" sqlite3 "$work/fts.db" "CREATE VIRTUAL TABLE p USING fts5(text);" ".mode csv" ".import $work/paragraphs.csv p"
done
measure "whosaid full (jsonl)" "$whosaid" index "$work/feed.jsonl" --max-file-size 100000 --index "$work/idx-jsonl" --threads "$threads" "${mem_args[@]}" --quiet
measure "whosaid no-change re-run" "$whosaid" index "$work/md" --index "$work/idx" --threads "$threads" "${mem_args[@]}" --quiet
# 1% of the files get a new closing paragraph.
find "$work/md" -name '*.md' | sort | awk 'NR % 100 == 0' | while read -r f; do
    printf '\n"We will come back to this," said Maria Lopez, the committee chair.\n' >>"$f"
done
measure "whosaid 1% changed re-run" "$whosaid" index "$work/md" --index "$work/idx" --threads "$threads" "${mem_args[@]}" --quiet

echo "== queries" >&2
"$scale" latency "$work/idx" "$work/queries.tsv" "$rounds" >"$work/latency.tsv"
"$scale" bare-latency "$work/bare" "$work/queries.tsv" "$rounds" >"$work/bare-latency.tsv"
"$scale" spawn-latency "$whosaid" "$work/idx" "$work/queries.tsv" "$spawns" >"$work/spawn.tsv"
ten=$(awk -F'\t' '$1 == "10% query" {print $2}' "$work/queries.tsv")
"$scale" facets "$work/idx" "$ten" "$rounds" >"$work/facets.tsv"
"$scale" bare-spawn-latency "$work/bare" "$work/queries.tsv" "$spawns" >"$work/bare-spawn.tsv"
# SQLite: the text queries, each in a fresh process (warm cache).
: >"$work/sqlite.tsv"
while IFS=$'\t' read -r name q; do
    case "$q" in *speaker:*|*date:*|*'*'*) echo -e "$name\t-" >>"$work/sqlite.tsv"; continue ;; esac
    fts=$(python3 - "$q" <<'PY'
import sys
q = sys.argv[1]
out = []
for t in q.split():
    if t.startswith('-'):
        out.append('NOT ' + t[1:])
    elif t == 'OR':
        out.append('OR')
    else:
        out.append(t)
print(' '.join(out).replace('"', '""'))
PY
)
    sqlite3 "$work/fts.db" "SELECT count(*) FROM p WHERE p MATCH \"$fts\";" >/dev/null
    start=$(date +%s%N)
    for _ in $(seq 1 20); do
        sqlite3 "$work/fts.db" "SELECT rowid FROM p WHERE p MATCH \"$fts\" ORDER BY rank LIMIT 10; SELECT count(*) FROM p WHERE p MATCH \"$fts\";" >/dev/null
    done
    end=$(date +%s%N)
    echo -e "$name\t$(( (end - start) / 20000000 ))" >>"$work/sqlite.tsv"
done <"$work/queries.tsv"

# ---- The tables.
get() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n {print $c}' "$results"; }
best() { printf '%s\n%s\n' "$(get "$1 #1" "$2")" "$(get "$1 #2" "$2")" | sort -g | head -1; }
w_wall=$(best "whosaid full (md)" 2); b_wall=$(best "bare tantivy" 2); s_wall=$(best "sqlite fts5" 2)
w_cpu=$(best "whosaid full (md)" 3); b_cpu=$(best "bare tantivy" 3); s_cpu=$(best "sqlite fts5" 3)
w_rss=$(best "whosaid full (md)" 4); b_rss=$(best "bare tantivy" 4); s_rss=$(best "sqlite fts5" 4)
ratio() { calc "$1 / $2"; }
cat <<TABLE
Corpus: $paragraphs paragraphs, $(find "$work/md" -name '*.md' | wc -l) articles, $(calc "$text_bytes / 1000000") MB of paragraph text; $threads threads; $(nproc) cores.

| | whosaid | bare tantivy | SQLite FTS5 | whosaid / bare |
|---|---|---|---|---|
| full build, wall s | $w_wall | $b_wall | $s_wall | $(ratio "$w_wall" "$b_wall") |
| full build, CPU s | $w_cpu | $b_cpu | $s_cpu | $(ratio "$w_cpu" "$b_cpu") |
| full build, peak RSS MB | $w_rss | $b_rss | $s_rss | |
| index size MB (text $(calc "$text_bytes / 1000000") MB) | $(size_mb "$work/idx") | $(size_mb "$work/bare") | $(size_mb "$work/fts.db") | |
| full build from JSON Lines, wall s | $(get "whosaid full (jsonl)" 2) | | | |
| no-change re-run, wall s | $(get "whosaid no-change re-run" 2) ($(calc "100 * $(get "whosaid no-change re-run" 2) / $w_wall")% of a build) | | | |
| 1% changed re-run, wall s | $(get "whosaid 1% changed re-run" 2) | | | |

In-process, top 10 + total count (µs, median / p99 over $rounds runs):

| query | hits (whosaid) | whosaid | whosaid, no snippets | bare tantivy (hits) | bare | whosaid / bare |
|---|---|---|---|---|---|---|
TABLE
paste "$work/latency.tsv" <(echo; cat "$work/bare-latency.tsv") | tail -n +2 | while IFS=$'\t' read -r name total p50 p99 np50 s50 d50 bname btotal bp50 bp99; do
    [[ "$name" == "all speakers" ]] && continue
    r="-"; [[ "$bp50" != "-" && -n "$bp50" ]] && r=$(ratio "$np50" "$bp50")
    echo "| $name | $total | $p50 / $p99 | $np50 | ${btotal:--} | ${bp50:--} / ${bp99:--} | $r |"
done
echo
echo "Counts (µs, median): for each query, by speaker and by day; all speakers of the index:"
echo
echo "| query | --count speaker | --count date |"
echo "|---|---|---|"
tail -n +2 "$work/latency.tsv" | while IFS=$'\t' read -r name total p50 p99 np50 s50 d50; do
    if [[ "$name" == "all speakers" ]]; then echo "| all speakers of the index | $p50 | |"; else echo "| $name | $s50 | $d50 |"; fi
done
echo
echo "Facets, timelines and collapsing for the 10% query \`$ten\` (in-process, µs, median / p99 over $rounds runs):"
echo
echo "| what | matching paragraphs | rows | µs |"
echo "|---|---|---|---|"
tail -n +2 "$work/facets.tsv" | while IFS=$'\t' read -r what total rows p50 p99; do
    echo "| \`$what\` | $total | $rows | $p50 / $p99 |"
done
echo
echo "A new process per query, warm cache: \`whosaid search\` and the bare program (top 10 with their text, and the count; ms, median / p99 over $spawns runs); SQLite (ms, one \`sqlite3\` process per query, mean of 20):"
echo
echo "| query | whosaid search | bare tantivy | sqlite3 |"
echo "|---|---|---|---|"
while IFS=$'\t' read -r name p50 p99; do
    sq=$(awk -F'\t' -v n="$name" '$1 == n {print $2}' "$work/sqlite.tsv")
    bare=$(awk -F'\t' -v n="$name" '$1 == n && $2 != "-" {print $2 " / " $3}' "$work/bare-spawn.tsv")
    echo "| $name | $p50 / $p99 | ${bare:--} | ${sq:--} |"
done <"$work/spawn.tsv"
