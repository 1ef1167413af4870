#!/usr/bin/env python3
"""Kills `nashra build` at STEPS points of an in-place rebuild and checks what is left.

  bench/kill_harness.py NASHRA N STEPS WORKDIR

Builds a site of N English articles ("Old"), changes every article ("New"), then STEPS times
starts `nashra build` into the old output and SIGKILLs it after 0.3-2.5x the time of one build.
After each kill the output must be the complete old tree or the complete new tree (compared file
by file); `mixed` counts the times it was neither.

  bench/kill_harness.py NASHRA N STEPS WORKDIR POLL

then also runs POLL complete rebuilds (alternating Old and New) while a second thread reads
`public/index.html` in a tight loop, and prints how many reads found no output (`missing`:
0 where the output is swapped in one step). Standard library only.
"""
import hashlib, os, pathlib, shutil, subprocess, sys, time, signal
exe = sys.argv[1]; N = int(sys.argv[2]); steps = int(sys.argv[3])
root = pathlib.Path(sys.argv[4]); shutil.rmtree(root, ignore_errors=True); root.mkdir(parents=True)
TOML = open(pathlib.Path(__file__).resolve().parent.parent / 'tests/common/mod.rs').read().split('pub const SITE_TOML: &str = r#"')[1].split('"#;')[0]
def site(word):
    (root/'site.toml').write_text(TOML)
    d = root/'content/2025/11'; d.mkdir(parents=True, exist_ok=True)
    for i in range(N):
        (d/f'a{i}.en.md').write_text(f'---\ntitle: "{word} {i}"\ndate: 2025-11-{1+i%28:02} 10:30\ntopics: [security]\ncountries: [KG]\n---\n\n{word} body {i}.\n')
def tree(p):
    out = {}
    for dp, dn, fn in os.walk(p):
        for f in fn:
            q = pathlib.Path(dp)/f
            out[str(q.relative_to(p))] = hashlib.sha1(q.read_bytes()).hexdigest()
    return out
def run(*a): return subprocess.run([exe, *a], cwd=root, capture_output=True)
site('Old'); run('build'); old = tree(root/'public')
site('New'); run('build', '--output', 'ref'); new = tree(root/'ref')
t0 = time.perf_counter(); run('build', '--output', 'probe'); span = time.perf_counter() - t0
mixed = 0; o = n = 0
for s in range(steps):
    p = subprocess.Popen([exe, 'build'], cwd=root, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    time.sleep(span * (0.3 + 2.2 * s / steps))
    p.send_signal(signal.SIGKILL); p.wait()
    cur = tree(root/'public') if (root/'public').exists() else tree(root/'.public.nashra-old')
    if cur == old: o += 1
    elif cur == new:
        n += 1; site('Old'); run('build'); site('New')
    else:
        mixed += 1; shutil.rmtree(root/'public'); site('Old'); run('build'); site('New')
print(f'{exe}: N={N} span={span:.2f}s old={o} new={n} mixed={mixed}')

if len(sys.argv) > 5:
    import threading
    rounds = int(sys.argv[5]); stop = False; polls = missing = 0
    page = root/'public'/'index.html'
    def poll():
        global polls, missing
        while not stop:
            try: os.stat(page)
            except FileNotFoundError: missing += 1
            polls += 1
    site('Old'); run('build')
    t = threading.Thread(target=poll); t.start()
    hit = 0
    for r in range(rounds):
        before = missing
        site('New' if r % 2 == 0 else 'Old'); run('build')
        hit += missing > before
    stop = True; t.join()
    print(f'{exe}: N={N} rebuilds={rounds} polls={polls} missing={missing} (in {hit} of {rounds} rebuilds)')
