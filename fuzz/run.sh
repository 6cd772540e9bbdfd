#!/usr/bin/env bash
# Runs every fuzz target for a while, one after another.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 600 s, every target)
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Corpora start from the examples and grow in fuzz/corpus/<target> (not committed).
# A crash leaves its input in fuzz/artifacts/<target>/: add it as a regression
# test next to the code it broke before fixing it.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_jsonl read_json read_text read_html read_feed read_warc read_sniffed sentences)
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    cp ../examples/* "corpus/$t/" 2>/dev/null || true
    echo "== $t for ${secs}s"
    cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048
done
