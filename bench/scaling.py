#!/usr/bin/env python3
"""Issue 15's scaling benchmark: inputs that grow inside one file must cost linear time.

  bench/scaling.py NASHRA_BINARY [--small N] [--runs R] [--only keys|headings|fluent ...]

For each kind of growing input it builds a one-article site with N and 10×N of it and prints the
median wall time of R builds of each, and their ratio (linear: ≤ 11×, with the fixed cost of a
build the ratio is usually far less):

  keys      N unknown front matter keys in one article (each one a warning with its line)
  headings  N identical `## Update` headings in one live-blog article (ids update, update-2, …)
  fluent    N messages in one site locale file (each message's line is kept for `check`)

The build time of the same site with none of it is printed first: the fixed cost.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

SITE = """base_url = "https://example.org/"
default_language = "en"
timezone = "UTC"

[languages.en]
title = "Scaling"
"""


def site(kind, n):
    d = tempfile.mkdtemp(prefix=f"nashra-scaling-{kind}-")
    os.makedirs(f"{d}/content/2025/11")
    open(f"{d}/site.toml", "w").write(SITE)
    fm = "title: Live\ndate: 2025-11-27\n"
    body = "Text.\n"
    if kind == "keys":
        fm += "".join(f"key_{i}: {i}\n" for i in range(n))
    elif kind == "headings":
        body = "".join(f"## Update\n\nAt {i}: the story moves on.\n\n" for i in range(n))
    elif kind == "fluent":
        os.makedirs(f"{d}/locales/en")
        with open(f"{d}/locales/en/extra.ftl", "w") as f:
            for i in range(n):
                f.write(f"extra-message-{i} = Message number {{ $n }} of the newsroom\n")
    open(f"{d}/content/2025/11/live.md", "w").write(f"---\n{fm}---\n\n{body}")
    return d


def timed(binary, root, runs):
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run([binary, "build", "--root", root, "--output", f"{root}/public"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        out.append(time.perf_counter() - t)
        if r.returncode != 0:
            raise SystemExit(f"build failed in {root}:\n{r.stderr.decode()[-2000:]}")
    return statistics.median(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--small", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", choices=("keys", "headings", "fluent"), action="append",
                    help="measure only these inputs (repeatable)")
    a = ap.parse_args()
    base = site("none", 0)
    fixed = timed(a.binary, base, a.runs)
    shutil.rmtree(base)
    print(f"fixed cost (empty one-article site): {fixed:.3f} s")
    print(f"{'input':<10}{'N':>9}{'time':>10}{'10×N':>10}{'time':>10}{'ratio':>8}")
    for kind in a.only or ("keys", "headings", "fluent"):
        times = []
        for n in (a.small, a.small * 10):
            d = site(kind, n)
            times.append(timed(a.binary, d, a.runs))
            shutil.rmtree(d)
        print(f"{kind:<10}{a.small:>9}{times[0]:>9.3f}s{a.small * 10:>10}{times[1]:>9.3f}s{times[1] / times[0]:>7.1f}×")


if __name__ == "__main__":
    main()
