#!/usr/bin/env python3
"""Time from saving a file to the live-reload event of `nashra watch`.

Starts `nashra watch --port 0` on SITE, opens the server-sent events stream like a browser, then
edits one article EDITS times (a one-line change of its body, written in place) and measures the
time from the end of each write to the arrival of `event: reload`. Prints min / median / max in
milliseconds, then does the same for one template edit (which rebuilds the whole site).

  bench/watch_latency.py --nashra target/release/nashra --site /tmp/corpus10k [--edits 20]

Only the Python standard library is used. The site is restored afterwards.
"""
import argparse
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import time


def open_events(addr):
    host, port = addr.split(":")
    s = socket.create_connection((host, int(port)))
    # the server answers only requests for its own address (DNS rebinding protection)
    s.sendall(f"GET /__nashra/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n".encode())
    s.settimeout(60)
    return s


def wait_for(sock, buf, needle):
    while needle not in buf[0]:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("event stream closed")
        buf[0] += chunk.decode("utf-8", "replace")
    i = buf[0].index(needle)
    buf[0] = buf[0][i + len(needle):]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nashra", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--edits", type=int, default=20)
    args = ap.parse_args()
    site = pathlib.Path(args.site)
    articles = sorted((site / "content").rglob("*.en.md"))
    if not articles:
        raise SystemExit("no *.en.md articles under content/")
    target = articles[len(articles) // 2]
    original = target.read_text(encoding="utf-8")

    proc = subprocess.Popen([args.nashra, "watch", "--port", "0", "--root", str(site)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        t_start = time.perf_counter()
        line = proc.stdout.readline()
        addr = line.split("http://")[1].split("/")[0]
        print(f"server up after {time.perf_counter() - t_start:.2f} s at {addr} (initial build included)")
        sock = open_events(addr)
        buf = [""]
        wait_for(sock, buf, "event: hello")
        times = []
        for i in range(args.edits):
            text = original.replace("\n\n", f"\n\nEdit number {i}.\n\n", 1)
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            t0 = time.perf_counter()
            wait_for(sock, buf, "event: reload")
            times.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.2)
        print(f"article edit -> reload event, {len(times)} edits of {target.relative_to(site)}:")
        print(f"  min {min(times):.1f} ms, median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")

        # a template edit rebuilds everything
        tdir = site / "templates"
        created = not tdir.exists()
        tdir.mkdir(exist_ok=True)
        tpl = tdir / "page.html"
        existed = tpl.exists()
        saved = tpl.read_bytes() if existed else None
        tpl.write_text('{% extends "base.html" %}{% block main %}<article><h1>{{ page.title }}</h1>{{ page.body | safe }}</article>{% endblock main %}\n', encoding="utf-8")
        t0 = time.perf_counter()
        wait_for(sock, buf, "event: reload")
        print(f"template edit -> reload event: {(time.perf_counter() - t0) * 1000:.0f} ms (full rebuild)")
        if existed:
            tpl.write_bytes(saved)
        else:
            tpl.unlink()
            if created:
                shutil.rmtree(tdir, ignore_errors=True)
    finally:
        target.write_text(original, encoding="utf-8")
        time.sleep(0.3)
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    sys.exit(main())
