#!/usr/bin/env python3
"""A seeded WordPress export (WXR 1.2) of N posts for `nashra import wordpress` benchmarks.

N/2 Arabic and N/2 English posts paired as Polylang translations, each of ~500 (Arabic) or ~600
(English) words of classic-editor text (paragraphs without <p>, a heading, a list, a link,
emphasis, sometimes a [caption] picture or a blockquote), 2 of 20 categories, 1-4 of 300 tags,
a featured image (an attachment item; the pictures themselves are not part of the file), 6
authors; plus 40 pages, 200 drafts and 100 menu items, as a real news site's export has.

    python3 bench/wxr.py -n 10000 --out /tmp/wxr/export.xml

Same seed and N give a byte-identical file.
"""
import argparse
import random
from datetime import datetime, timedelta
from urllib.parse import quote

AR = ("الحكومة الاقتصاد الميناء القمة الوزير الأمن المياه الطاقة النفط الغاز السوق المدينة "
      "الشركة الرئيس البرلمان الانتخابات المجلس الوفد المفاوضات الاتفاق الحدود اللاجئين "
      "المساعدات الأسعار التضخم الاستثمار المشروع الطريق القطار المطار الصحة التعليم "
      "الجامعة الطلاب المستشفى اللقاح الأمطار الجفاف الزراعة القمح التمور الصادرات "
      "الواردات العملة البنك المركزي الموازنة الديون الضرائب التجارة الموانئ السفن").split()
EN = ("government economy port summit minister security water energy oil gas market city "
      "company president parliament elections council delegation talks agreement border "
      "refugees aid prices inflation investment project road railway airport health education "
      "university students hospital vaccine rain drought farming wheat dates exports imports "
      "currency central bank budget debt taxes trade ports ships said on Monday that the and "
      "of in to for with after before week year").split()
CATS_AR = ["سياسة", "اقتصاد", "أمن", "طاقة", "صحة", "مناخ", "تجارة", "هجرة", "تعليم", "رياضة"]
CATS_EN = ["Politics", "Economy", "Security", "Energy", "Health", "Climate", "Trade",
           "Migration", "Education", "Sport"]
AUTHORS = [("sara", "سارة أحمد"), ("omar", "Omar Ali"), ("lina", "لينا خوري"),
           ("james", "James Carter"), ("huda", "هدى منصور"), ("ahmed", "Ahmed Nasser")]


def sentence(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n)) + "."


def body(rng, words, ar, base, upload):
    paras = []
    for i in range(rng.randint(6, 9)):
        s = " ".join(sentence(rng, words, rng.randint(8, 16)) for _ in range(rng.randint(3, 5)))
        if i == 1:
            s = s.replace(" ", " <strong>", 1).replace(".", "</strong>.", 1)
        if i == 2:
            s += f' <a href="{base}/{"ar/" if ar else ""}2024/01/{rng.randint(1, 999)}/">' + rng.choice(words) + "</a>"
        paras.append(s)
    paras.insert(3, "<h2>" + sentence(rng, words, 4)[:-1] + "</h2>")
    paras.insert(5, "<ul>\n" + "\n".join(f"<li>{sentence(rng, words, 6)}</li>" for _ in range(3)) + "\n</ul>")
    if rng.random() < 0.3:
        paras.insert(2, f'[caption id="attachment_1" align="alignnone" width="800"]<img src="{upload}" alt="{rng.choice(words)}" width="800" height="600" /> {sentence(rng, words, 5)}[/caption]')
    if rng.random() < 0.2:
        paras.append("<blockquote>" + sentence(rng, words, 12) + "</blockquote>")
    return "\n\n".join(paras)


def cdata(s):
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def common(pid, when, name, parent=0):
    """The fields WordPress writes on every item (pubDate, guid, dates, parent, a postmeta)."""
    return (f"<pubDate>{when:%a, %d %b %Y %H:%M:%S} +0000</pubDate>\n"
            f'<guid isPermaLink="false">https://news.example.com/?p={pid}</guid>\n<description></description>\n'
            f"<wp:post_id>{pid}</wp:post_id>\n<wp:post_date>{cdata(f'{when:%Y-%m-%d %H:%M:%S}')}</wp:post_date>\n"
            f"<wp:post_date_gmt>{cdata(f'{when:%Y-%m-%d %H:%M:%S}')}</wp:post_date_gmt>\n"
            f"<wp:post_name>{cdata(name)}</wp:post_name>\n<wp:post_parent>{parent}</wp:post_parent>\n"
            f"<wp:postmeta><wp:meta_key>{cdata('_edit_last')}</wp:meta_key><wp:meta_value>{cdata('2')}</wp:meta_value></wp:postmeta>\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10000, help="posts (half Arabic, half English)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=16)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    base = "https://news.example.com"
    tags_ar = [f"{rng.choice(AR)} {rng.choice(AR)}" for _ in range(150)]
    tags_en = [f"{rng.choice(EN)} {rng.choice(EN)}" for _ in range(150)]
    start = datetime(2020, 1, 1, 6, 0)
    out = open(a.out, "w", encoding="utf-8")
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
      'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n')
    w(f"<title>نشرة</title>\n<link>{base}</link>\n<language>ar</language>\n<wp:wxr_version>1.2</wp:wxr_version>\n")
    w(f"<wp:base_site_url>{base}</wp:base_site_url>\n<wp:base_blog_url>{base}</wp:base_blog_url>\n")
    for i, (login, name) in enumerate(AUTHORS):
        w(f"<wp:author><wp:author_id>{i + 2}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
          f"<wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>\n")
    pid = 1000
    pairs = a.n // 2
    for k in range(pairs):
        when = start + timedelta(minutes=k * 90 + rng.randint(0, 60))
        group = f"pll_{k:06x}"
        cat = rng.randrange(len(CATS_AR))
        cat2 = rng.randrange(len(CATS_AR))
        ntags = rng.randint(1, 4)
        tag_ids = rng.sample(range(150), ntags)
        thumb = pid + 2
        for lang in ("ar", "en"):
            pid += 1
            ar = lang == "ar"
            words = AR if ar else EN
            title = sentence(rng, words, rng.randint(5, 9))[:-1]
            slug = "-".join(title.split()[:6])
            name = quote(slug.lower(), safe="-") if ar else slug.lower()
            upload = f"{base}/wp-content/uploads/{when:%Y/%m}/photo-{k}.jpg"
            local = when + timedelta(minutes=rng.randint(0, 30))
            gmt = local - timedelta(hours=3)
            login = rng.choice(AUTHORS)[0]
            link = f"{base}/{'' if ar else 'en/'}{local:%Y/%m}/{name}/"
            cats = [(CATS_AR if ar else CATS_EN)[c] for c in {cat, cat2}]
            tags = [(tags_ar if ar else tags_en)[t] for t in tag_ids]
            w("<item>\n")
            w(f"<title>{title}</title>\n<link>{link}</link>\n<dc:creator>{cdata(login)}</dc:creator>\n")
            w(f"<pubDate>{gmt:%a, %d %b %Y %H:%M:%S} +0000</pubDate>\n")
            w(f'<guid isPermaLink="false">{base}/?p={pid}</guid>\n<description></description>\n')
            w(f"<content:encoded>{cdata(body(rng, words, ar, base, upload))}</content:encoded>\n")
            w(f"<excerpt:encoded>{cdata(sentence(rng, words, 14) if rng.random() < 0.5 else '')}</excerpt:encoded>\n")
            w(f"<wp:post_id>{pid}</wp:post_id>\n<wp:post_date>{cdata(f'{local:%Y-%m-%d %H:%M:%S}')}</wp:post_date>\n")
            w(f"<wp:post_date_gmt>{cdata(f'{gmt:%Y-%m-%d %H:%M:%S}')}</wp:post_date_gmt>\n")
            w(f"<wp:post_modified>{cdata(f'{local:%Y-%m-%d %H:%M:%S}')}</wp:post_modified>\n")
            w(f"<wp:post_modified_gmt>{cdata(f'{gmt:%Y-%m-%d %H:%M:%S}')}</wp:post_modified_gmt>\n")
            w(f"<wp:post_name>{cdata(name)}</wp:post_name>\n<wp:status>{cdata('publish')}</wp:status>\n")
            w(f"<wp:post_parent>0</wp:post_parent>\n<wp:post_type>{cdata('post')}</wp:post_type>\n")
            for c in cats:
                w(f'<category domain="category" nicename="{quote(c.lower())}">{cdata(c)}</category>\n')
            for t in tags:
                w(f'<category domain="post_tag" nicename="{quote(t.lower().replace(" ", "-"))}">{cdata(t)}</category>\n')
            w(f'<category domain="language" nicename="{lang}">{cdata(lang)}</category>\n')
            w(f'<category domain="post_translations" nicename="{group}">{cdata(group)}</category>\n')
            w(f"<wp:postmeta><wp:meta_key>{cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>{cdata(str(thumb))}</wp:meta_value></wp:postmeta>\n")
            w("</item>\n")
        pid += 1
        w(f"<item>\n<title>photo-{k}</title>\n<link>{base}/photo-{k}/</link>\n{common(thumb, when, f'photo-{k}', thumb - 2)}")
        w(f"<wp:status>{cdata('inherit')}</wp:status>\n<wp:post_type>{cdata('attachment')}</wp:post_type>\n")
        w(f"<wp:attachment_url>{cdata(upload)}</wp:attachment_url>\n")
        w(f"<wp:postmeta><wp:meta_key>{cdata('_wp_attachment_image_alt')}</wp:meta_key><wp:meta_value>{cdata(sentence(rng, AR, 4))}</wp:meta_value></wp:postmeta>\n</item>\n")
    for k in range(40):
        pid += 1
        ar = k % 2 == 0
        words = AR if ar else EN
        title = sentence(rng, words, 3)[:-1]
        w(f"<item>\n<title>{title}</title>\n<link>{base}/page-{k}/</link>\n<content:encoded>{cdata(body(rng, words, ar, base, ''))}</content:encoded>\n")
        w(f"{common(pid, start, f'page-{k}')}<wp:status>{cdata('publish')}</wp:status>\n")
        w(f"<wp:post_type>{cdata('page')}</wp:post_type>\n<category domain=\"language\" nicename=\"{'ar' if ar else 'en'}\">x</category>\n</item>\n")
    for k in range(200):
        pid += 1
        w(f"<item>\n<title>{sentence(rng, AR, 4)[:-1]}</title>\n<link>{base}/?p={pid}</link>\n<content:encoded>{cdata(sentence(rng, AR, 30))}</content:encoded>\n")
        w(f"<pubDate>Sat, 01 Jun 2024 05:00:00 +0000</pubDate>\n<guid isPermaLink=\"false\">{base}/?p={pid}</guid>\n<wp:post_id>{pid}</wp:post_id>\n<wp:post_date>{cdata('2024-06-01 08:00:00')}</wp:post_date>\n<wp:post_date_gmt>{cdata('0000-00-00 00:00:00')}</wp:post_date_gmt>\n")
        w(f"<wp:post_name>{cdata('')}</wp:post_name>\n<wp:post_parent>0</wp:post_parent>\n<wp:postmeta><wp:meta_key>{cdata('_edit_last')}</wp:meta_key><wp:meta_value>{cdata('2')}</wp:meta_value></wp:postmeta>\n")
        w(f"<wp:status>{cdata('draft')}</wp:status>\n<wp:post_type>{cdata('post')}</wp:post_type>\n</item>\n")
    for k in range(100):
        pid += 1
        w(f"<item>\n<title>Menu {k}</title>\n<link>{base}/?p={pid}</link>\n{common(pid, start, f'menu-{k}')}<wp:status>{cdata('publish')}</wp:status>\n<wp:post_type>{cdata('nav_menu_item')}</wp:post_type>\n</item>\n")
    w("</channel>\n</rss>\n")
    out.close()


if __name__ == "__main__":
    main()
