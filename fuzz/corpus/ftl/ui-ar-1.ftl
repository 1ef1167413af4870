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
