# Interface text of the default theme, in Persian (dates, months and country names: cldr.ftl and
# countries.ftl). A site can override any message in its own locales/fa/*.ftl.

skip-to-content = رفتن به محتوا
language-switcher = زبان‌های دیگر
footer-navigation = پیوندهای سایت
nav-front-page = صفحهٔ نخست
footer-note = { $site } — خبرنامهٔ روزانه.
latest-news = تازه‌ترین خبرها
no-articles = هنوز خبری منتشر نشده است.
articles-count = { $count ->
    [0] بدون خبر
    [one] { $count } خبر
   *[other] { $count } خبر
}
at-time = ساعت { $time }
updated-label = به‌روزرسانی
byline = نوشتهٔ
list-separator = {"، "}
meta-separator = {" | "}
image-credit = عکس:
source-label = منبع:
topics-label = موضوع‌ها:
countries-label = کشورها:
tags-label = برچسب‌ها:
read-in-language = به فارسی بخوانید:
not-found-title = صفحه پیدا نشد
not-found-text = صفحه‌ای که خواستید پیدا نشد. شاید جابه‌جا یا حذف شده باشد.
back-to-front-page = بازگشت به صفحهٔ نخست { $site }

date-long = { $day } { $month } { $year }
time-short = { $hour }:{ $minute }
date-hijri = { $day } { $month } { $year } ه‍.ق.

sections-navigation = بخش‌ها
nav-topics = موضوع‌ها
nav-countries = کشورها
nav-archive = بایگانی
nav-feed = خوراک
# the label before a breaking-news banner (alerts.toml)
alert-label = فوری
related-title = خبرهای مرتبط
pagination-label = صفحه‌های خبر
page-newer = جدیدتر
page-older = قدیمی‌تر
page-number = صفحهٔ { $number }
page-of = صفحهٔ { $number } از { $total }
date-heading = { $weekday } { $date }
month-year = { $month } { $year }

time-zone = UTC{ $offset }
nav-authors = نویسندگان
nav-tags = برچسب‌ها
corrections-title = اصلاحیه‌ها
corrections-intro = اصلاحیه‌ها و توضیحات دربارهٔ خبرهای ما، از تازه‌ترین.
corrections-none = تاکنون اصلاحیه‌ای منتشر نشده است.
correction-label = اصلاحیه
label-separator = {": "}
author-website = وب‌سایت
share-label = هم‌رسانی
share-whatsapp = واتس‌اپ
share-telegram = تلگرام
share-x = ایکس
share-facebook = فیس‌بوک
share-email = ایمیل
share-copy = رونوشت پیوند
share-copied = پیوند رونوشت شد
redirect-text = این صفحه منتقل شده است به

search-title = جست‌وجو
search-label = جست‌وجو در خبرها
search-placeholder = جست‌وجو در خبرها…
search-button = جست‌وجو
search-topic = موضوع
search-any-topic = همهٔ موضوع‌ها
search-country = کشور
search-any-country = همهٔ کشورها
search-more = نتیجه‌های بیشتر
search-none = هیچ خبری با جست‌وجوی شما جور نیست.
search-error = جست‌وجو اکنون در دسترس نیست.
search-loading = در حال جست‌وجو…
search-short = واژه‌ای دست‌کم دوحرفی بنویسید.
search-noscript = برای جست‌وجو باید جاوااسکریپت در مرورگرتان فعال باشد.
search-count = { $count ->
    [one] { $n } نتیجه
   *[other] { $n } نتیجه
}

description-front = { $site }: تازه‌ترین خبرها.
description-topic = { $site }: خبرها و تحلیل‌ها دربارهٔ { $name }.
description-country = { $site }: تازه‌ترین خبرها از { $name } و دربارهٔ آن.
description-author = نوشته‌های { $name } در { $site }.
description-tag = { $site }: خبرهای با برچسب { $name }.
description-paged = { $description } صفحهٔ { $number }.
description-topics = همهٔ موضوع‌های { $site } با شمار خبرهای هر یک.
description-countries = همهٔ کشورهایی که { $site } از آن‌ها خبر می‌دهد، با شمار خبرها.
description-archive = همهٔ ماه‌های { $site }، از تازه‌ترین.
description-month = { $site }: خبرهای { $month }.
description-authors = نویسندگان و ویراستاران { $site }.
description-tags = همهٔ برچسب‌های خبرهای { $site } با شمار خبرهای هر یک.
description-corrections = همهٔ اصلاحیه‌هایی که { $site } منتشر کرده است، از تازه‌ترین.
description-search = جست‌وجو در همهٔ خبرهای { $site }.
