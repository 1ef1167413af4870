# Interface text of the default theme, in Urdu (dates, months and country names: cldr.ftl and
# countries.ftl). A site can override any message in its own locales/ur/*.ftl.

skip-to-content = مواد پر جائیں
language-switcher = دیگر زبانیں
footer-navigation = سائٹ کے لنکس
nav-front-page = صفحۂ اول
footer-note = { $site } — روزانہ خبرنامہ۔
latest-news = تازہ ترین خبریں
no-articles = ابھی کوئی خبر نہیں۔
articles-count = { $count ->
    [0] کوئی خبر نہیں
    [one] { $count } خبر
   *[other] { $count } خبریں
}
at-time = بوقت { $time }
updated-label = تازہ کاری
byline = تحریر:
list-separator = {"، "}
meta-separator = {" | "}
image-credit = تصویر:
source-label = ماخذ:
topics-label = موضوعات:
countries-label = ممالک:
tags-label = ٹیگز:
read-in-language = اردو میں پڑھیں:
not-found-title = صفحہ نہیں ملا
not-found-text = آپ کا مطلوبہ صفحہ نہیں ملا۔ ممکن ہے اسے منتقل یا حذف کر دیا گیا ہو۔
back-to-front-page = { $site } کے صفحۂ اول پر واپس جائیں

date-long = { $day } { $month }، { $year }
time-short = { $hour }:{ $minute }
date-hijri = { $day } { $month } { $year } ہجری

sections-navigation = شعبے
nav-topics = موضوعات
nav-countries = ممالک
nav-archive = آرکائیو
nav-feed = فیڈ
# the label before a breaking-news banner (alerts.toml)
alert-label = بریکنگ نیوز
related-title = متعلقہ خبریں
pagination-label = خبروں کے صفحات
page-newer = نئی
page-older = پرانی
page-number = صفحہ { $number }
page-of = صفحہ { $number } از { $total }
date-heading = { $weekday }، { $date }
month-year = { $month } { $year }

time-zone = UTC{ $offset }
nav-authors = مصنفین
nav-tags = ٹیگز
corrections-title = تصحیحات
corrections-intro = ہماری خبروں میں تصحیحات اور وضاحتیں، تازہ ترین پہلے۔
corrections-none = اب تک کوئی تصحیح نہیں۔
correction-label = تصحیح
label-separator = {": "}
author-website = ویب سائٹ
share-label = شیئر کریں
share-whatsapp = واٹس ایپ
share-telegram = ٹیلی گرام
share-x = ایکس
share-facebook = فیس بک
share-email = ای میل
share-copy = لنک کاپی کریں
share-copied = لنک کاپی ہو گیا
redirect-text = یہ صفحہ منتقل ہو گیا ہے:

search-title = تلاش
search-label = خبروں میں تلاش کریں
search-placeholder = خبروں میں تلاش کریں…
search-button = تلاش
search-topic = موضوع
search-any-topic = تمام موضوعات
search-country = ملک
search-any-country = تمام ممالک
search-more = مزید نتائج
search-none = آپ کی تلاش سے کوئی خبر نہیں ملی۔
search-error = تلاش اس وقت دستیاب نہیں۔
search-loading = تلاش جاری ہے…
search-short = کم از کم دو حروف کا لفظ لکھیں۔
search-noscript = تلاش کے لیے آپ کے براؤزر میں جاوا اسکرپٹ فعال ہونا ضروری ہے۔
search-count = { $count ->
    [one] { $n } نتیجہ
   *[other] { $n } نتائج
}

description-front = { $site }: تازہ ترین خبریں۔
description-topic = { $site }: { $name } پر خبریں اور تجزیے۔
description-country = { $site }: { $name } سے اور اس کے بارے میں تازہ ترین خبریں۔
description-author = { $site } میں { $name } کی تحریریں۔
description-tag = { $site }: { $name } ٹیگ والی خبریں۔
description-paged = { $description } صفحہ { $number }۔
description-topics = { $site } کے تمام موضوعات، ہر ایک کی خبروں کی تعداد کے ساتھ۔
description-countries = وہ تمام ممالک جن کی خبریں { $site } دیتا ہے، خبروں کی تعداد کے ساتھ۔
description-archive = { $site } کے تمام مہینے، تازہ ترین پہلے۔
description-month = { $site }: { $month } کی خبریں۔
description-authors = { $site } کے مصنفین اور مدیران۔
description-tags = { $site } کی خبروں کے تمام ٹیگز، خبروں کی تعداد کے ساتھ۔
description-corrections = { $site } کی شائع کردہ تمام تصحیحات، تازہ ترین پہلے۔
description-search = { $site } کی تمام خبروں میں تلاش کریں۔
