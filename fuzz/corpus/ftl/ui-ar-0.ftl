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
