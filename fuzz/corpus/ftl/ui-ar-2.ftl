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
description-paged = { $description } الصفحة { $number }.
description-topics = كل المواضيع في { $site } وعدد مقالات كلٍّ منها.
description-countries = كل البلدان في { $site } وعدد مقالات كلٍّ منها.
description-archive = أرشيف { $site } شهرًا بشهر، من الأحدث.
description-month = { $site }: مقالات { $month }.
description-authors = فريق الكتابة والتحرير في { $site }.
description-corrections = كل التصحيحات المنشورة في { $site }، الأحدث أولًا.
description-search = ابحث في كل مقالات { $site }.

