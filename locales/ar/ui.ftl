# Interface text of the default theme, in Arabic.
# A site can override any message in its own locales/ar/*.ftl.

language-name = العربية
skip-to-content = انتقل إلى المحتوى
language-switcher = لغات أخرى
footer-navigation = روابط الموقع
nav-front-page = الصفحة الأولى
footer-note = { $site } — نشرة إخبارية ثنائية اللغة.
latest-news = آخر الأخبار
no-articles = لا توجد مقالات بعد.
# Arabic has six plural forms; numbers follow the language's `digits` setting.
articles-count = { $count ->
    [zero] لا توجد مقالات
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
    [many] { $count } مقالًا
   *[other] { $count } مقال
}
at-time = الساعة { $time }
updated-label = حُدِّث في
byline = بقلم
list-separator = {"، "}
# Between the parts of a line of facts (count, page, feed link). Arabic does not use "·": next to
# Arabic-Indic digits it reads as a zero (٠).
meta-separator = {" | "}
image-credit = الصورة:
source-label = المصدر:
topics-label = المواضيع:
countries-label = البلدان:
tags-label = الوسوم:
read-in-language = اقرأ بالعربية:
not-found-title = الصفحة غير موجودة
not-found-text = لم نجد الصفحة التي طلبتها. ربما نُقلت أو حُذفت.
back-to-front-page = العودة إلى الصفحة الأولى في { $site }

# Dates: `date-long` puts the parts in order; month names per `month_names` in site.toml.
date-long = { $day } { $month } { $year }
time-short = { $hour }:{ $minute }
date-hijri = { $day } { $month } { $year } هـ

month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

# Month names used in the Levant and Iraq (month_names = "syriac" or "both").
month-syriac-1 = كانون الثاني
month-syriac-2 = شباط
month-syriac-3 = آذار
month-syriac-4 = نيسان
month-syriac-5 = أيار
month-syriac-6 = حزيران
month-syriac-7 = تموز
month-syriac-8 = آب
month-syriac-9 = أيلول
month-syriac-10 = تشرين الأول
month-syriac-11 = تشرين الثاني
month-syriac-12 = كانون الأول

# Hijri (Umm al-Qura) months.
hijri-month-1 = محرم
hijri-month-2 = صفر
hijri-month-3 = ربيع الأول
hijri-month-4 = ربيع الآخر
hijri-month-5 = جمادى الأولى
hijri-month-6 = جمادى الآخرة
hijri-month-7 = رجب
hijri-month-8 = شعبان
hijri-month-9 = رمضان
hijri-month-10 = شوال
hijri-month-11 = ذو القعدة
hijri-month-12 = ذو الحجة

# Sections, lists and pagination
sections-navigation = أقسام الموقع
nav-topics = المواضيع
nav-countries = البلدان
nav-archive = الأرشيف
nav-feed = خلاصة الأخبار
# the label before a breaking-news banner (alerts.toml)
alert-label = عاجل
related-title = مقالات ذات صلة
pagination-label = صفحات الأخبار
page-newer = الأحدث
page-older = الأقدم
page-number = الصفحة { $number }
page-of = الصفحة { $number } من { $total }
date-heading = { $weekday } { $date }
month-year = { $month } { $year }

# ISO weekdays: 1 = Monday
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد

# غرفة الأخبار: المناطق الزمنية، الكتّاب، التصحيحات، المشاركة، الصفحات المنقولة
time-zone = بتوقيت غرينتش{ $offset }
nav-authors = الكتّاب
nav-tags = الوسوم
corrections-title = التصحيحات
corrections-intro = تصحيحات مقالاتنا وتوضيحاتها، الأحدث أولًا.
corrections-none = لا تصحيحات حتى الآن.
correction-label = تصحيح
label-separator = {": "}
author-website = الموقع الشخصي
share-label = شارك
share-whatsapp = واتساب
share-telegram = تيليغرام
share-x = إكس
share-facebook = فيسبوك
share-email = البريد الإلكتروني
share-copy = انسخ الرابط
share-copied = نُسخ الرابط
redirect-text = نُقلت هذه الصفحة إلى

# البحث
search-title = البحث
search-label = ابحث في الأخبار
search-placeholder = ابحث في الأخبار…
search-button = ابحث
search-topic = الموضوع
search-any-topic = كل الموضوعات
search-country = البلد
search-any-country = كل البلدان
search-more = نتائج أخرى
search-none = لا مقالات تطابق بحثك.
search-error = البحث غير متاح الآن.
search-loading = جارٍ البحث…
search-short = اكتب كلمة من حرفين على الأقل.
search-noscript = يحتاج البحث إلى تفعيل جافاسكريبت في المتصفح.
# $count: عدد النتائج (لاختيار صيغة الجمع)، $n: العدد مكتوبًا
search-count = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $n } نتائج
    [many] { $n } نتيجةً
   *[other] { $n } نتيجة
}

# أوصاف صفحات القوائم (تظهر في نتائج البحث ومعاينات الروابط؛ لكل صفحة وصفها).
description-front = { $site }: آخر الأخبار.
description-topic = { $site }: آخر الأخبار والتحليلات عن { $name }.
description-country = { $site }: آخر الأخبار من { $name } وعنها.
description-author = مقالات { $name } في { $site }.
description-tag = { $site }: مقالات موسومة بـ«{ $name }».
description-paged = { $description } الصفحة { $number }.
description-topics = كل المواضيع في { $site } وعدد مقالات كلٍّ منها.
description-countries = كل البلدان في { $site } وعدد مقالات كلٍّ منها.
description-archive = أرشيف { $site } شهرًا بشهر، من الأحدث.
description-month = { $site }: مقالات { $month }.
description-authors = فريق الكتابة والتحرير في { $site }.
description-tags = جميع وسوم مقالات { $site } وعدد المقالات في كل منها.
description-corrections = كل التصحيحات المنشورة في { $site }، الأحدث أولًا.
description-search = ابحث في كل مقالات { $site }.
