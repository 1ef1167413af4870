#!/usr/bin/env python3
"""`nashra import wordpress` + `nashra build` on a generated export, side by side with
wordpress-export-to-markdown (the npm tool WordPress sites use to leave for a static generator).

    python3 bench/import_bench.py NASHRA_BINARY W2M_INDEX_JS --n 10000 --runs 5 --dir /mnt/bench

W2M_INDEX_JS is node_modules/wordpress-export-to-markdown/index.js; a copy of the package with
its 25 ms pause between file writes set to 0 is timed too ("no pause"), since the pause, not the
work, is most of its wall time. Runs are interleaved; prints min/median/max of wall, user+sys CPU
and peak RSS for each step. Run it on a tmpfs: an ext4 disk's sys time swings by seconds.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile


def timed(cmd, cwd=None):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name] + cmd
        r = subprocess.run(full, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{r.stdout}\n{r.stderr}")
        wall, user, sys_, rss = t.read().split()[-4:]
        return float(wall), float(user) + float(sys_), int(rss) / 1024, r.stdout + r.stderr


def show(name, rows):
    def s(i, fmt):
        v = sorted(r[i] for r in rows)
        return f"{fmt.format(v[0])} / {fmt.format(statistics.median(v))} / {fmt.format(v[-1])}"
    print(f"{name:38} wall {s(0, '{:.2f}')} s   cpu {s(1, '{:.2f}')} s   peak {s(2, '{:.0f}')} MiB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("nashra")
    ap.add_argument("w2m")
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", default="/mnt/bench")
    ap.add_argument("--shipped", action="store_true", help="also time w2m as shipped (once: ~4 min)")
    a = ap.parse_args()
    d = os.path.join(a.dir, "import-bench")
    os.makedirs(d, exist_ok=True)
    xml = os.path.join(d, "export.xml")
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run([sys.executable, os.path.join(here, "wxr.py"), "-n", str(a.n), "--out", xml], check=True)
    print(f"export: {os.path.getsize(xml) / 1e6:.1f} MB, {a.n} posts")
    # a copy of the npm package without the pause between writes
    pkg = os.path.dirname(os.path.abspath(a.w2m))
    fast = os.path.join(d, "w2m-nopause")
    if os.path.exists(fast):
        shutil.rmtree(fast)
    shutil.copytree(os.path.dirname(pkg), os.path.join(d, "node_modules"), dirs_exist_ok=True)
    settings = os.path.join(d, "node_modules", os.path.basename(pkg), "src", "settings.js")
    text = open(settings).read()
    open(settings, "w").write(re.sub(r"markdown_file_write_delay = \d+", "markdown_file_write_delay = 0", text))
    fast_js = os.path.join(d, "node_modules", os.path.basename(pkg), "index.js")
    w2m_args = ["--wizard=false", f"--input={xml}", "--save-attached-images=false", "--save-scraped-images=false"]

    rows = {"nashra import": [], "nashra build (of the import)": [], "nashra import + build": [],
            "w2m, no pause (Markdown only)": []}
    for i in range(a.runs):
        site = os.path.join(d, "site")
        shutil.rmtree(site, ignore_errors=True)
        imp = timed([a.nashra, "import", "wordpress", xml, site])
        build = timed([a.nashra, "build", "--root", site])
        rows["nashra import"].append(imp[:3])
        rows["nashra build (of the import)"].append(build[:3])
        rows["nashra import + build"].append((imp[0] + build[0], imp[1] + build[1], max(imp[2], build[2])))
        if i == 0:
            print(imp[3].strip())
            print(build[3].strip().splitlines()[-3:])
        out = os.path.join(d, "w2m-out")
        shutil.rmtree(out, ignore_errors=True)
        rows["w2m, no pause (Markdown only)"].append(timed(["node", fast_js, f"--output={out}"] + w2m_args)[:3])
    if a.shipped:
        out = os.path.join(d, "w2m-out")
        shutil.rmtree(out, ignore_errors=True)
        rows["w2m as shipped (Markdown only)"] = [timed(["node", a.w2m, f"--output={out}"] + w2m_args)[:3]]
    print(f"min / median / max of {a.runs} interleaved runs")
    for k, v in rows.items():
        show(k, v)


if __name__ == "__main__":
    main()
