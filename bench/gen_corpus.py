#!/usr/bin/env python3
"""Writes a deterministic bilingual nashra site of N articles for benchmarks.

  bench/gen_corpus.py -n 10000 --out /tmp/nashra-corpus-10000 [--seed 7]

Each article exists in Arabic and English (2N article pages) with 1-3 of 20 topics, 1-4 of 60
countries, a source, a date spread over three years, and a body of about 500 words with
headings, a list, a link and emphasis. Same N and seed give byte-identical files. Only the Python
standard library is used.
"""
import argparse
import datetime as dt
import os
import random
import shutil

TOPICS = ["security", "diplomacy", "economy", "energy", "migration", "politics", "health", "climate",
          "technology", "trade", "culture", "sports", "education", "water", "agriculture",
          "elections", "rights", "media", "transport", "humanitarian"]
COUNTRIES = ["SA", "EG", "AE", "QA", "KW", "BH", "OM", "YE", "IQ", "SY", "LB", "JO", "PS", "TR", "IR",
             "LY", "TN", "DZ", "MA", "MR", "SD", "SO", "DJ", "KM", "RU", "KZ", "KG", "TJ", "UZ", "TM",
             "AZ", "AM", "GE", "BY", "UA", "CN", "IN", "PK", "AF", "BD", "ID", "MY", "US", "GB", "FR",
             "DE", "IT", "ES", "GR", "CY", "ET", "ER", "KE", "NG", "TD", "NE", "ML", "SN", "BR", "JP"]
AR_WORDS = ("الحكومة الوزير الاجتماع المنطقة التعاون الاتفاق الاقتصاد الأمن الطاقة الصادرات المياه "
            "المشروع الميزانية المفاوضات البرلمان الشركات الأسواق الاستثمار الموسم المساعدات اللاجئين "
            "الحدود الموانئ الكهرباء المستشفيات المدارس الانتخابات الصحافة النقل الزراعة القمة الوفد "
            "أعلن أكد قال أضاف أشار بحث وقع ناقش استقبل افتتح أطلق رفع خفض زار دعا").split()
EN_WORDS = ("government minister meeting region cooperation agreement economy security energy exports "
            "water project budget negotiations parliament companies markets investment season aid "
            "refugees borders ports electricity hospitals schools elections press transport farming "
            "summit delegation announced confirmed said added noted discussed signed opened launched "
            "raised cut visited called").split()
AR_HEADS = ["خلفية", "ردود الفعل", "الخطوات التالية", "الأرقام"]
EN_HEADS = ["Background", "Reactions", "Next steps", "The figures"]


def sentence(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n))


def body(rng, words, heads, link_text):
    parts = []
    for h in rng.sample(heads, 3):
        parts.append(f"## {h}")
        for _ in range(rng.randint(2, 3)):
            parts.append(sentence(rng, words, rng.randint(45, 70)) + ".")
    items = "\n".join("- " + sentence(rng, words, rng.randint(5, 9)) for _ in range(3))
    parts.insert(3, items)
    parts.insert(1, f"{sentence(rng, words, 12)} **{sentence(rng, words, 3)}** [{link_text}](https://example.org/report).")
    return "\n\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "content"))
    with open(os.path.join(args.out, "site.toml"), "w", encoding="utf-8") as f:
        f.write('base_url = "https://bench.example.org/"\ndefault_language = "ar"\ntimezone = "+03:00"\n'
                'paginate_by = 20\ntopics = [%s]\n\n[languages.ar]\ntitle = "نشرة"\ndigits = "arab"\n'
                'month_names = "both"\nhijri = true\n\n[languages.en]\ntitle = "Nashra"\n'
                % ", ".join(f'"{t}"' for t in TOPICS))
    start = dt.datetime(2023, 1, 1, 6, 0)
    span = 3 * 365 * 24 * 60
    for i in range(args.n):
        rng = random.Random(args.seed * 1_000_003 + i)
        when = start + dt.timedelta(minutes=rng.randrange(span))
        topics = rng.sample(TOPICS, rng.randint(1, 3))
        countries = rng.sample(COUNTRIES, rng.randint(1, 4))
        slug = f"story-{i:06d}"
        folder = os.path.join(args.out, "content", f"{when:%Y}", f"{when:%m}")
        os.makedirs(folder, exist_ok=True)
        for lang, words, heads, link, source in (("ar", AR_WORDS, AR_HEADS, "التقرير", "وكالة الأنباء"),
                                                  ("en", EN_WORDS, EN_HEADS, "the report", "News agency")):
            title = sentence(rng, words, rng.randint(6, 10))
            text = (f"---\ntitle: \"{title}\"\ndate: {when:%Y-%m-%d %H:%M}\n"
                    f"topics: [{', '.join(topics)}]\ncountries: [{', '.join(countries)}]\n"
                    f"source:\n  name: \"{source}\"\n---\n\n" + body(rng, words, heads, link))
            with open(os.path.join(folder, f"{slug}.{lang}.md"), "w", encoding="utf-8") as f:
                f.write(text)
    print(f"wrote {args.n} articles in Arabic and English to {args.out}")


if __name__ == "__main__":
    main()
