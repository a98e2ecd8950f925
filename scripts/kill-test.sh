#!/usr/bin/env bash
# Kills `whosaid index` and `whosaid delete` at random moments, inside the commit too, and
# checks each time that search answers, the next run exits 0 and the index equals an
# uninterrupted one (tests/kill.rs). CI runs 12 trials; this runs many more, on a release
# build with a bigger corpus.
#
# Usage: scripts/kill-test.sh [TRIALS] [SEED]     (default 200 trials)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export WHOSAID_KILL_TRIALS="${1:-200}"
export WHOSAID_KILL_SEED="${2:-$RANDOM$RANDOM}"
echo "== $WHOSAID_KILL_TRIALS trials, seed $WHOSAID_KILL_SEED" >&2
exec cargo test --release --locked --test kill -- --nocapture
