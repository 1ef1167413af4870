#!/usr/bin/env bash
# Issue 13's benchmark: nashra's picture pipeline against Hugo's on the same 1,000 photographs.
#
#   bench/image_bench.sh NASHRA_BINARY [N] [RUNS]
#
# Makes (under $BENCH_DIR, default /tmp/nashra-image-bench) a nashra and a Hugo site of N
# articles per language with ../shared/bench/gen_corpus.py, a third nashra site without photos,
# and gives the first two a 2400x1600 JPEG lead photo per article (bench/add_photos.py). Then:
#   1. fresh builds, empty caches: nashra (rm .nashra-cache) and Hugo (rm resources/_gen, a new
#      --cacheDir), each making 4 WebP widths, JPEG fallbacks (Hugo's template: 4 widths;
#      nashra since 2026-12-05: one, the widest up to 1200) and a 1200x630 crop of every photo;
#   2. nashra with a warm cache against nashra on the same articles without photos.
# Times and peak memory come from ../shared/bench/bench.py (wait4, descendants included).
# Hugo takes about a second per photo on 2 cores, so RUNS (default 1) applies to step 1 only.
set -euo pipefail
nashra=$(realpath "$1") n=${2:-1000} runs=${3:-1}
here=$(cd "$(dirname "$0")" && pwd)
shared=$here/../../shared/bench
dir=${BENCH_DIR:-/tmp/nashra-image-bench}
hugo_bin=${HUGO:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/hugo/binaries/hugo}
mkdir -p "$dir"
[ -d "$dir/nashra" ] || python3 "$shared/gen_corpus.py" --layout nashra -n "$n" --out "$dir/nashra" >/dev/null
[ -d "$dir/hugo" ] || python3 "$shared/gen_corpus.py" --layout hugo -n "$n" --out "$dir/hugo" >/dev/null
[ -d "$dir/nashra-noimg" ] || python3 "$shared/gen_corpus.py" --layout nashra -n "$n" --out "$dir/nashra-noimg" >/dev/null
python3 "$here/add_photos.py" --pool "$dir/photos" -n "$n" --nashra "$dir/nashra" --hugo "$dir/hugo"
out=$dir/out
rm -rf "$out" && mkdir -p "$out"

echo "== fresh build with $n photos, empty caches: nashra (A) vs Hugo (B)"
python3 "$shared/bench.py" -n "$runs" --warmup 0 --timeout 7200 \
  --vs "sh -c 'rm -rf $dir/hugo/resources/_gen $out/hc $out/h; $hugo_bin --quiet --cacheDir $out/hc --source $dir/hugo --destination $out/h'" \
  -- sh -c "rm -rf $dir/nashra/.nashra-cache $out/n; $nashra build --root $dir/nashra --output $out/n"

echo "== rebuild with a warm cache (A) vs the same site without photos (B), fresh outputs"
"$nashra" build --root "$dir/nashra" --output "$out/n" >/dev/null 2>&1
python3 "$shared/bench.py" -n 5 --warmup 1 \
  --vs "sh -c 'rm -rf $out/b; $nashra build --root $dir/nashra-noimg --output $out/b'" \
  -- sh -c "rm -rf $out/a; $nashra build --root $dir/nashra --output $out/a"
du -sh "$out/n" "$out/h" "$out/b" 2>/dev/null || true
