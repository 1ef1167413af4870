#!/bin/bash
# one Hugo build of the shared corpus at N per language, on disk
N=$1
HUGO=/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/hugo/binaries/hugo
D=/root/hugo-scale
[ -d "$D/hugo-$N" ] || { t=$(date +%s); python3 /work/shared/bench/gen_corpus.py --layout hugo -n "$N" --out "$D/hugo-$N" >/dev/null; echo "generated hugo-$N in $(( $(date +%s) - t )) s"; }
rm -rf "$D/out-hugo-$N"
echo "N = $N per language: $HUGO --quiet --source $D/hugo-$N --destination $D/out-hugo-$N"
/usr/bin/time -v "$HUGO" --quiet --source "$D/hugo-$N" --destination "$D/out-hugo-$N" > "$D/hugo-$N.log" 2>&1
echo "exit $?"
grep -E "Elapsed|Maximum resident|User time|System time|Command terminated|Exit status" "$D/hugo-$N.log"
tail -5 "$D/hugo-$N.log" | grep -v "^\s" 
rm -rf "$D/out-hugo-$N"
