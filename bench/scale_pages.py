#!/usr/bin/env python3
"""Issue 31's scale benchmark: one fresh build of the shared corpus at each size.

  bench/scale_pages.py NASHRA_BINARY N [N ...] [--dir DIR] [--hugo HUGO_BINARY] [--keep]

N is articles per language (the site has 2 × N article pages). For each N the shared generator
(`../shared/bench/gen_corpus.py`, the corpus `compare.sh` uses) writes the site under DIR once
(reused when it is there), then nashra builds it once into DIR/out-N with `NASHRA_TIMINGS` on,
under `/usr/bin/time -v`. It prints, per size:

- wall and CPU seconds, peak RSS, and the wall time per 1,000 article pages;
- the files and bytes written;
- what a search for the most common word loads: `meta.json`, the term chunk(s) that hold the
  word, and the first entry chunk (the per-query budget is 300 KB);
- nashra's own stage timings (content, model, cards, render, per template).

With --hugo, Hugo builds the same corpus in Hugo's layout right after (one run), with its wall
time and peak RSS, so the two are measured in the same window.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "..", "shared", "bench", "gen_corpus.py")


def corpus(layout, n, base):
    d = os.path.join(base, f"{layout}-{n}")
    if not os.path.isdir(d):
        t = time.time()
        subprocess.run([sys.executable, GEN, "--layout", layout, "-n", str(n), "--out", d],
                       check=True, stdout=subprocess.DEVNULL)
        print(f"  generated {d} in {time.time() - t:.0f} s", flush=True)
    return d


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time -v: (exit code, wall s, cpu s, peak MiB, stderr lines)."""
    t = time.time()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=env, capture_output=True, text=True)
    wall = time.time() - t
    err = p.stderr.splitlines()
    def field(name):
        for line in err:
            if line.strip().startswith(name):
                return float(line.split(":")[-1].strip())
        return 0.0
    cpu = field("User time (seconds)") + field("System time (seconds)")
    rss = field("Maximum resident set size (kbytes)") / 1024
    return p.returncode, wall, cpu, rss, err


def tree_size(d):
    files = total = 0
    for root, _, names in os.walk(d):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(root, name))
    return files, total


def search_bytes(out, lang):
    """Bytes one query for the language's most common word loads."""
    base = os.path.join(out, lang, "search")
    meta_path = os.path.join(base, "meta.json")
    if not os.path.exists(meta_path):
        return None
    meta_bytes = os.path.getsize(meta_path)
    meta = json.load(open(meta_path, encoding="utf-8"))
    # the term with the longest postings: count commas in every chunk; a term in parts
    # (`{"n": count, "p": [[first, name], …]}`) loads its chunk and, alone, its newest part
    best = (0, None, None)
    for i, (_, h) in enumerate(meta["terms"]):
        path = os.path.join(base, "t", f"{i}-{h}.json")
        size = os.path.getsize(path)
        for term, postings in json.load(open(path, encoding="utf-8")):
            if isinstance(postings, dict):
                n = postings["n"]
                loads = size + os.path.getsize(os.path.join(base, "p", postings["p"][0][1] + ".json"))
            else:
                n = postings.count(",") + 1
                loads = size
            if n > best[0]:
                best = (n, term, loads)
    entry_bytes = 0
    if meta.get("entry_pages"):
        page = os.path.join(base, "e", f"0-{meta['entry_pages'][0]}.json")
        entry_bytes += os.path.getsize(page)
        first = json.load(open(page, encoding="utf-8"))[0]
        entry_bytes += os.path.getsize(os.path.join(base, "d", f"0-{first}.json"))
    elif meta["entries"]:
        entry_bytes += os.path.getsize(os.path.join(base, "d", f"0-{meta['entries'][0]}.json"))
    return {
        "word": best[1],
        "articles": best[0],
        "meta": meta_bytes,
        "chunk": best[2],
        "entries": entry_bytes,
        "total": meta_bytes + (best[2] or 0) + entry_bytes,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("nashra")
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--dir", default="/mnt/bench/scale")
    ap.add_argument("--hugo")
    ap.add_argument("--keep", action="store_true", help="keep the output folders")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    nashra = os.path.abspath(a.nashra)
    for n in a.sizes:
        print(f"N = {n:,} per language ({2 * n:,} article pages)", flush=True)
        site = corpus("nashra", n, a.dir)
        out = os.path.join(a.dir, f"out-{n}")
        shutil.rmtree(out, ignore_errors=True)
        env = dict(os.environ, NASHRA_TIMINGS="1")
        code, wall, cpu, rss, err = timed([nashra, "build", "--root", site, "--output", out], env)
        if code != 0:
            print(f"  nashra exit {code}: " + "\n".join(err[-20:]))
            continue
        files, total = tree_size(out)
        print(f"  nashra: wall {wall:.1f} s, cpu {cpu:.1f} s, peak {rss:,.0f} MiB, "
              f"{wall / (2 * n / 1000):.3f} s per 1,000 article pages; "
              f"{files:,} files, {total / 1e6:,.0f} MB")
        for lang in ("ar", "en"):
            s = search_bytes(out, lang)
            if s:
                print(f"  search {lang}: most common word {s['word']!r} in {s['articles']:,} "
                      f"articles loads {s['total'] / 1000:,.0f} KB (meta.json {s['meta'] / 1000:,.0f}, "
                      f"term chunk and part {s['chunk'] / 1000:,.0f}, entry list and entries {s['entries'] / 1000:,.0f})")
        for line in err:
            if line.startswith("timing:"):
                print("    " + line)
        if not a.keep:
            shutil.rmtree(out, ignore_errors=True)
        if a.hugo:
            hsite = corpus("hugo", n, a.dir)
            hout = os.path.join(a.dir, f"out-hugo-{n}")
            shutil.rmtree(hout, ignore_errors=True)
            code, wall, cpu, rss, err = timed([a.hugo, "--quiet", "--source", hsite,
                                               "--destination", hout])
            status = "finished" if code == 0 else f"exit {code}: {' '.join(err[-3:])[:300]}"
            print(f"  hugo: {status}; wall {wall:.1f} s, cpu {cpu:.1f} s, peak {rss:,.0f} MiB")
            shutil.rmtree(hout, ignore_errors=True)


if __name__ == "__main__":
    main()
