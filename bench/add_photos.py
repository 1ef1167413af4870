#!/usr/bin/env python3
"""Gives every article of generated benchmark sites a lead photograph (issue 13's benchmark).

  bench/add_photos.py --pool DIR [-n 1000] [--nashra SITE] [--hugo SITE]

1. Writes N deterministic photograph-like JPEGs of 2400x1600 (quality 88, ~0.6-1 MB each: a sky
   and ground gradient, soft shapes, texture and sensor grain, so encoders work as hard as on a
   real photo) into DIR, once (files already there are kept).
2. In a nashra site made by ../shared/bench/gen_corpus.py --layout nashra, puts photo i beside
   article i (content/YYYY/MM/SLUG.jpg, hard-linked) and adds `image: {src, alt}` to both
   languages' front matter.
3. In a Hugo site made by the same generator with --layout hugo, puts the photos in
   assets/photos/ and adds `image:` to the front matter, and makes single.html do the same
   image work nashra does: widths 480/800/1200/1600 as WebP and JPEG (q80, `<picture>` with
   srcset), and a 1200x630 crop as og:image.

Each site's first N articles (by file name) get the N photos.
Needs numpy and Pillow (pip install numpy pillow).
"""
import argparse
import glob
import os
import re
from multiprocessing import Pool

W, H = 2400, 1600


def photo(i, path):
    import numpy as np
    from PIL import Image
    rng = np.random.default_rng(1000 + i)
    y = np.linspace(0.0, 1.0, H)[:, None, None]
    sky, ground = rng.uniform(40, 220, 3), rng.uniform(20, 160, 3)
    horizon = rng.uniform(0.35, 0.65)
    base = np.where(y < horizon, sky * (1 - 0.5 * y), ground * (0.6 + 0.4 * y))
    base = np.broadcast_to(base, (H, W, 3)).astype(np.float32)

    def field(gw, gh, amp):
        small = Image.fromarray(rng.uniform(0, 255, (gh, gw, 3)).astype(np.uint8))
        big = np.asarray(small.resize((W, H), Image.BICUBIC), dtype=np.float32)
        return (big - 128.0) * amp

    img = base + field(12, 8, 0.55) + field(60, 40, 0.25) + field(300, 200, 0.10)
    img += rng.normal(0, 5.0, (H, W, 1)).astype(np.float32)  # grain
    Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(path, quality=88)


def make(args):
    i, path = args
    if not os.path.exists(path):
        photo(i, path)
    return path


def link(src, dst):
    if os.path.exists(dst):
        os.remove(dst)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    os.link(src, dst)


def add_key(md, key_line):
    with open(md, encoding="utf-8") as f:
        text = f.read()
    if "\nimage:" in text:
        return
    text = text.replace("---\n", "---\n" + key_line + "\n", 1)
    with open(md, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


HUGO_PICTURE = """
{{- with .Params.image }}{{ with resources.Get (printf "photos/%s" .) }}{{ $img := . }}
<figure class="lead-image"><picture><source type="image/webp" srcset="
{{- range $i, $w := slice 480 800 1200 1600 }}{{ if $i }}, {{ end }}{{ ($img.Resize (printf "%dx webp q80" $w)).RelPermalink }} {{ $w }}w{{ end -}}
" sizes="(min-width: 44rem) 42rem, 100vw"><img src="{{ ($img.Resize "1200x jpg q80").RelPermalink }}" srcset="
{{- range $i, $w := slice 480 800 1200 1600 }}{{ if $i }}, {{ end }}{{ ($img.Resize (printf "%dx jpg q80" $w)).RelPermalink }} {{ $w }}w{{ end -}}
" sizes="(min-width: 44rem) 42rem, 100vw" width="{{ $img.Width }}" height="{{ $img.Height }}" alt="" fetchpriority="high"></picture></figure>
<meta property="og:image" content="{{ ($img.Fill "1200x630 Center jpg q80").Permalink }}">
{{- end }}{{ end }}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pool", required=True)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--nashra")
    ap.add_argument("--hugo")
    a = ap.parse_args()
    os.makedirs(a.pool, exist_ok=True)
    jobs = [(i, os.path.join(a.pool, f"photo-{i:05d}.jpg")) for i in range(a.n)]
    with Pool(os.cpu_count() or 2) as p:
        pool = p.map(make, jobs)
    print(f"{len(pool)} photos in {a.pool}")

    def slugs(files):
        return sorted({re.sub(r"\.(ar|en)\.md$", "", f) for f in files})

    if a.nashra:
        arts = slugs(glob.glob(os.path.join(a.nashra, "content", "*", "*", "*.md")))
        for i, stem in enumerate(arts[: a.n]):
            name = os.path.basename(stem) + ".jpg"
            link(pool[i], os.path.join(os.path.dirname(stem), name))
            for lang in ("ar", "en"):
                add_key(f"{stem}.{lang}.md", f'image: {{src: {name}, alt: "photo {i}"}}')
        print(f"nashra: {min(len(arts), a.n)} articles with a photo")
    if a.hugo:
        arts = slugs(glob.glob(os.path.join(a.hugo, "content", "*.md")))
        arts = [s for s in arts if not os.path.basename(s).startswith("_index")]
        for i, stem in enumerate(arts[: a.n]):
            name = os.path.basename(stem) + ".jpg"
            link(pool[i], os.path.join(a.hugo, "assets", "photos", name))
            for lang in ("ar", "en"):
                add_key(f"{stem}.{lang}.md", f'image: "{name}"')
        single = os.path.join(a.hugo, "layouts", "single.html")
        with open(single, encoding="utf-8") as f:
            text = f.read()
        if "resources.Get" not in text:
            text = text.replace("<h1>{{ .Title }}</h1>", "<h1>{{ .Title }}</h1>" + HUGO_PICTURE, 1)
            with open(single, "w", encoding="utf-8") as f:
                f.write(text)
        print(f"hugo: {min(len(arts), a.n)} articles with a photo")


if __name__ == "__main__":
    main()
