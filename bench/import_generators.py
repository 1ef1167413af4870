#!/usr/bin/env python3
"""`nashra import` of a 10,000-post site from each generator — Hugo, Jekyll, Zola (written by
bench/ssg_corpus.py) and WordPress (bench/wxr.py) — then `nashra build` of what it wrote.

    python3 bench/import_generators.py target/release/nashra --n 10000 --runs 5 --dir /mnt/bench

Runs are interleaved (one import of each generator per round); prints min/median/max of wall,
user+sys CPU and peak RSS per generator and step, and the import's report of the last round.
Run it on a tmpfs: an ext4 disk's sys time swings by seconds.
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from import_bench import show, timed  # noqa: E402  (the same timer and summary line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("nashra")
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", default="/mnt/bench")
    a = ap.parse_args()
    nashra = os.path.abspath(a.nashra)
    d = os.path.join(a.dir, "import-generators")
    os.makedirs(d, exist_ok=True)
    ssg = os.path.join(d, "ssg")
    if not os.path.isdir(ssg):
        subprocess.run([sys.executable, os.path.join(HERE, "ssg_corpus.py"), "-n", str(a.n), "--out", ssg], check=True)
    xml = os.path.join(d, "export.xml")
    if not os.path.exists(xml):
        subprocess.run([sys.executable, os.path.join(HERE, "wxr.py"), "-n", str(a.n), "--out", xml], check=True)
    sources = {"hugo": os.path.join(ssg, "hugo"), "jekyll": os.path.join(ssg, "jekyll"),
               "zola": os.path.join(ssg, "zola"), "wordpress": xml}
    imports = {g: [] for g in sources}
    builds = {g: [] for g in sources}
    reports = {}
    for run in range(a.runs):
        for g, src in sources.items():
            dest = os.path.join(d, f"site-{g}")
            shutil.rmtree(dest, ignore_errors=True)
            wall, cpu, rss, out = timed([nashra, "import", g, src, dest])
            imports[g].append((wall, cpu, rss))
            reports[g] = out
            wall, cpu, rss, out = timed([nashra, "build", "--root", dest])
            builds[g].append((wall, cpu, rss))
            reports[g] += out.strip().splitlines()[-1] + "\n"
        print(f"round {run + 1} done", file=sys.stderr)
    print(f"N = {a.n} posts per generator, {a.runs} interleaved runs (min / median / max)")
    for g in sources:
        show(f"import {g}", imports[g])
        show(f"build of the {g} import", builds[g])
    for g in sources:
        print(f"\n--- {g}: the last round's report and build line ---\n{reports[g]}")


if __name__ == "__main__":
    main()
