#!/usr/bin/env python3
"""Seeded Hugo, Jekyll and Zola sites of N posts, for `nashra import` benchmarks.

N/2 English and N/2 Arabic posts paired as translations, the way each generator pairs them:
Hugo per-language content folders with date-prefixed file names (`content/ar/posts/2024-03-05-
port-NNNN.md`), Jekyll with jekyll-polyglot (`_posts/ar/…`, `lang:`), Zola `NAME.ar.md` beside
`NAME.md`. Each post has ~400 words of Markdown (headings, a list, emphasis, a link to an earlier
post written the way that generator links — a relative `.md` link, `@/posts/…md#…` for Zola, the
old site's own address for Jekyll), 1-3 of 200 tags, 1 of 12 categories; the configuration has
per-language titles and the languages' settings.

    python3 bench/ssg_corpus.py -n 10000 --out /mnt/bench/ssg

Same seed and N give byte-identical sites.
"""
import argparse
import os
import random
from datetime import datetime, timedelta

EN = ("government economy port summit minister security water energy oil gas market city company "
      "president parliament elections council delegation talks agreement border refugees prices "
      "inflation budget exports imports drought harvest rain transport railway airport bank").split()
AR = ("الحكومة الاقتصاد الميناء القمة الوزير الأمن المياه الطاقة النفط الغاز السوق المدينة "
      "الشركة الرئيس البرلمان الانتخابات المجلس الوفد المفاوضات الاتفاق الحدود اللاجئين "
      "الأسعار التضخم الميزانية الصادرات الواردات الجفاف الحصاد المطر النقل").split()


def words(rng, vocab, n):
    return " ".join(rng.choice(vocab) for _ in range(n))


def body(rng, vocab, link):
    parts = []
    for s in range(3):
        parts.append(f"## {words(rng, vocab, 3).capitalize()} {s + 1}\n")
        for _ in range(2):
            parts.append(words(rng, vocab, 60) + f" *{words(rng, vocab, 2)}* " + words(rng, vocab, 20) + ".\n")
        if s == 1:
            parts.append("\n".join(f"- {words(rng, vocab, 5)}" for _ in range(3)) + "\n")
    if link:
        parts.append(f"See [the earlier report]({link}).\n")
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    tags = [f"tag-{i}" for i in range(200)]
    cats = ["politics", "economy", "energy", "water", "security", "culture", "sports", "health",
            "climate", "trade", "transport", "media"]
    start = datetime(2020, 1, 1, 8, 0)
    posts = []
    for i in range(a.n // 2):
        d = start + timedelta(hours=5 * i)
        posts.append((i, d, rng.sample(tags, rng.randint(1, 3)), rng.choice(cats)))

    def write(path, text):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    hugo = os.path.join(a.out, "hugo")
    write(os.path.join(hugo, "config/_default/hugo.toml"),
          'baseURL = "https://hugo.example.org/"\ndefaultContentLanguage = "en"\ntimeZone = "Asia/Qatar"\n'
          '[permalinks]\nposts = "/:year/:month/:filename/"\n')
    write(os.path.join(hugo, "config/_default/languages.toml"),
          '[en]\ntitle = "Gulf Digest"\ncontentDir = "content/en"\n[en.params]\ndescription = "The day\'s news"\n'
          '[ar]\ntitle = "نشرة الخليج"\ncontentDir = "content/ar"\nlanguageDirection = "rtl"\n')
    jekyll = os.path.join(a.out, "jekyll")
    write(os.path.join(jekyll, "_config.yml"),
          'title: Gulf Digest\nurl: "https://jekyll.example.org"\ntimezone: Asia/Qatar\n'
          'languages: ["en", "ar"]\ndefault_lang: en\npermalink: /:categories/:year/:month/:day/:title/\n')
    zola = os.path.join(a.out, "zola")
    write(os.path.join(zola, "config.toml"),
          'base_url = "https://zola.example.org"\ntitle = "Gulf Digest"\ndefault_language = "en"\n'
          '[languages.ar]\ntitle = "نشرة الخليج"\n[taxonomies]\n')

    for i, d, ptags, cat in posts:
        ymd = d.strftime("%Y-%m-%d")
        iso = d.strftime("%Y-%m-%dT%H:%M:%S+03:00")
        name = f"port-{i:05d}"
        prev = posts[i - 1] if i > 0 else None
        for lang, vocab, title in (("en", EN, f"Port report {i}"), ("ar", AR, f"تقرير الميناء {i}")):
            tl = "[" + ", ".join(f'"{t}"' for t in ptags) + "]"
            # Hugo: a relative link to the earlier post's file
            link = f"{prev[1].strftime('%Y-%m-%d')}-port-{prev[0]:05d}.md" if prev else None
            write(os.path.join(hugo, f"content/{lang}/posts/{ymd}-{name}.md"),
                  f'---\ntitle: "{title}"\ndate: {iso}\ntags: {tl}\ncategories: ["{cat}"]\n---\n\n'
                  + body(rng, vocab, link))
            # Jekyll (polyglot): the earlier post's old address
            jlink = (f"https://jekyll.example.org/{prev[3]}/{prev[1].strftime('%Y/%m/%d')}/port-{prev[0]:05d}/"
                     if prev else None)
            write(os.path.join(jekyll, f"_posts/{lang}/{ymd}-{name}.md"),
                  f'---\ntitle: "{title}"\nlang: {lang}\ncategories: {cat}\ntags: {tl}\n---\n\n'
                  + body(rng, vocab, jlink))
            # Zola: @/ links
            suffix = "" if lang == "en" else ".ar"
            zlink = f"@/posts/port-{prev[0]:05d}{suffix}.md" if prev else None
            write(os.path.join(zola, f"content/posts/{name}{suffix}.md"),
                  f'+++\ntitle = "{title}"\ndate = {iso}\n[taxonomies]\ntags = {tl}\n+++\n\n'
                  + body(rng, vocab, zlink))
    print(f"{len(posts) * 2} posts per generator in {a.out}")


if __name__ == "__main__":
    main()
