#!/usr/bin/env python3
"""Times `nashra build` on a generated corpus: wall time, pages per second, peak memory.

  bench/build_bench.py --nashra target/release/nashra -n 10000 [--runs 5] [--corpus DIR]

Generates the corpus with bench/gen_corpus.py when DIR does not hold one, then runs RUNS fresh
builds (each into a new, empty folder) and RUNS no-op rebuilds (into the output of the previous
build), and prints min / median / max of wall seconds and peak RSS (from wait4, so the numbers
are the process's own), plus article pages per second. Only the Python standard library is used.
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent


def timed(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed:\n{err}")
    return wall, usage.ru_maxrss / 1024.0  # KiB -> MiB


def row(name, values, unit):
    return f"{name:<28} {min(values):>10.3f} {statistics.median(values):>10.3f} {max(values):>10.3f} {unit}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nashra", required=True)
    ap.add_argument("-n", type=int, default=1000, help="articles per language")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", help="corpus folder (default: $TMPDIR/nashra-corpus-N)")
    args = ap.parse_args()
    corpus = pathlib.Path(args.corpus or os.path.join(tempfile.gettempdir(), f"nashra-corpus-{args.n}"))
    if not (corpus / "site.toml").exists():
        subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), "-n", str(args.n), "--out", str(corpus)], check=True)
    work = pathlib.Path(tempfile.mkdtemp(prefix="nashra-bench-"))
    nashra = str(pathlib.Path(args.nashra).resolve())
    try:
        timed([nashra, "build", "--root", str(corpus), "--output", str(work / "warmup")])
        fresh, fresh_rss, noop, noop_rss = [], [], [], []
        for i in range(args.runs):
            out = work / f"run-{i}"
            w, r = timed([nashra, "build", "--root", str(corpus), "--output", str(out)])
            fresh.append(w)
            fresh_rss.append(r)
            w, r = timed([nashra, "build", "--root", str(corpus), "--output", str(out)])
            noop.append(w)
            noop_rss.append(r)
            shutil.rmtree(out)
        files = sum(len(fs) for _, _, fs in os.walk(work / "warmup"))
        pages = 2 * args.n
        print(f"corpus {corpus}: {args.n} articles per language, {files} output files")
        print(f"{'':<28} {'min':>10} {'median':>10} {'max':>10}")
        print(row("fresh build wall", fresh, "s"))
        print(row("fresh build peak RSS", fresh_rss, "MiB"))
        print(row("no-op rebuild wall", noop, "s"))
        print(row("no-op rebuild peak RSS", noop_rss, "MiB"))
        print(f"article pages per second (fresh, median): {pages / statistics.median(fresh):,.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
