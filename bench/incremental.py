#!/usr/bin/env python3
"""Rebuild costs with the build cache (issue 32), on a copy of a generated corpus.

    python3 bench/incremental.py NASHRA_BINARY CORPUS_DIR [--runs 5] [--work DIR] [--hugo HUGO_CORPUS]

Cases, each timed `--runs` times (wall, and peak RSS from /usr/bin/time), interleaved case by
case so that the machine's noise falls on all of them alike:

  fresh      `build --fresh` into a new folder (what CI pays without the cache)
  noop       `build` into the last output, nothing changed (cold process, warm cache)
  touch      every content file rewritten with the same bytes (a fresh checkout), then `build`
  new        one new article in both languages, then `build`
  correct    one sentence of one article's body changed, then `build`
  template   a comment added to templates/card.html, then `build`

Between runs each edit is undone and the site built again (not timed). With --hugo, Hugo
builds its copy of the same corpus once per run of `new` (Hugo has no build cache: every
publish is a full build). Prints a table and the size of `.nashra-cache/build/`.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time


def timed(cmd, env=None):
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr}")
    rss = int(r.stderr.strip().splitlines()[-1]) // 1024
    return wall, rss, r.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("nashra")
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/mnt/bench/incremental")
    ap.add_argument("--hugo-corpus")
    ap.add_argument("--hugo")
    ap.add_argument("--cases", default="fresh,noop,touch,new,correct,template")
    a = ap.parse_args()
    nashra = os.path.abspath(a.nashra)
    site = os.path.join(a.work, "site")
    out = os.path.join(a.work, "out")
    shutil.rmtree(a.work, ignore_errors=True)
    shutil.copytree(a.corpus, site)
    tpl_src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "templates", "card.html")
    card = open(tpl_src, encoding="utf-8").read()

    def build(*extra, dest=out):
        return timed([nashra, "build", "--root", site, "--output", dest, *extra])

    build()  # first build: the state is written
    content = os.path.join(site, "content")
    md = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(content) for f in fs if f.endswith(".md")
    )
    victim = md[len(md) // 2]
    original = open(victim, encoding="utf-8").read()

    def edit(case, i):
        if case == "touch":
            for p in md:
                with open(p, "rb") as f:
                    b = f.read()
                with open(p, "wb") as f:
                    f.write(b)
        elif case == "new":
            for lang, title in (("en", "Breaking: talks resume"), ("ar", "عاجل: استئناف المحادثات")):
                p = os.path.join(content, "2025", "12", f"bench-new-{i}.{lang}.md")
                with open(p, "w", encoding="utf-8") as f:
                    f.write(f'---\ntitle: "{title} {i}"\ndate: 2025-12-31T10:00:00+03:00\n'
                            'topics: ["economy"]\ncountries: ["EG"]\n---\n\nThe talks resumed.\n')
        elif case == "correct":
            with open(victim, "w", encoding="utf-8") as f:
                f.write(original.replace(".", f" (corrected {i}).", 1))
        elif case == "template":
            os.makedirs(os.path.join(site, "templates"), exist_ok=True)
            with open(os.path.join(site, "templates", "card.html"), "w", encoding="utf-8") as f:
                f.write(card + f"<!-- edit {i} -->\n")

    def undo(case, i):
        if case == "new":
            for lang in ("en", "ar"):
                os.remove(os.path.join(content, "2025", "12", f"bench-new-{i}.{lang}.md"))
        elif case == "correct":
            with open(victim, "w", encoding="utf-8") as f:
                f.write(original)
        elif case == "template":
            os.remove(os.path.join(site, "templates", "card.html"))

    cases = a.cases.split(",")
    results = {c: [] for c in cases}
    hugo = []
    for i in range(a.runs):
        for case in cases:
            if case == "fresh":
                dest = os.path.join(a.work, f"fresh-{i}")
                results[case].append(build("--fresh", dest=dest)[:2])
                shutil.rmtree(dest)
                continue
            edit(case, i)
            wall, rss, err = build()
            if case == "noop" and "up to date" not in err:
                sys.exit(f"no-op build was not skipped:\n{err}")
            results[case].append((wall, rss))
            undo(case, i)
            if case not in ("noop", "touch"):
                build()
        if a.hugo_corpus and a.hugo:
            dest = os.path.join(a.work, f"hugo-{i}")
            hugo.append(timed([a.hugo, "--quiet", "--source", a.hugo_corpus, "--destination", dest])[:2])
            shutil.rmtree(dest)
    print(f"corpus {a.corpus}, {a.runs} runs each, nashra {nashra}")
    print("| case | wall median (min–max) | vs fresh | peak RSS median |")
    print("|---|---|---|---|")
    fresh = statistics.median(w for w, _ in results["fresh"]) if "fresh" in cases else float("nan")
    for case in cases:
        walls = [w for w, _ in results[case]]
        rss = statistics.median(r for _, r in results[case])
        m = statistics.median(walls)
        print(f"| {case} | {m:.3f} s ({min(walls):.3f}–{max(walls):.3f}) | {m / fresh:.2f}× | {rss:.0f} MiB |")
    if hugo:
        walls = [w for w, _ in hugo]
        print(f"| hugo (every publish is a full build) | {statistics.median(walls):.3f} s "
              f"({min(walls):.3f}–{max(walls):.3f}) | | {statistics.median(r for _, r in hugo):.0f} MiB |")
    state = os.path.join(site, ".nashra-cache", "build")
    size = sum(os.path.getsize(os.path.join(state, f)) for f in os.listdir(state))
    print(f"build cache: {len(os.listdir(state))} state files, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
