# Interface text of the default theme, in Hebrew (dates, months and country names: cldr.ftl and
# countries.ftl). A site can override any message in its own locales/he/*.ftl.

skip-to-content = דילוג לתוכן
language-switcher = שפות אחרות
footer-navigation = קישורי האתר
nav-front-page = עמוד ראשי
footer-note = { $site } — מבזק חדשות יומי.
latest-news = החדשות האחרונות
no-articles = עדיין אין כתבות.
articles-count = { $count ->
    [0] אין כתבות
    [one] כתבה אחת
    [two] שתי כתבות
   *[other] { $count } כתבות
}
at-time = בשעה { $time }
updated-label = עודכן
byline = מאת
list-separator = {", "}
meta-separator = {" · "}
image-credit = צילום:
source-label = מקור:
topics-label = נושאים:
countries-label = מדינות:
tags-label = תגיות:
read-in-language = לקריאה בעברית:
not-found-title = הדף לא נמצא
not-found-text = לא מצאנו את הדף שביקשת. ייתכן שהועבר או הוסר.
back-to-front-page = חזרה לעמוד הראשי של { $site }

date-long = { $day } ב{ $month } { $year }
time-short = { $hour }:{ $minute }
date-hijri = { $day } ב{ $month } { $year } להג׳רה

sections-navigation = מדורים
nav-topics = נושאים
nav-countries = מדינות
nav-archive = ארכיון
nav-feed = פיד
# the label before a breaking-news banner (alerts.toml)
alert-label = מבזק
related-title = כתבות קשורות
pagination-label = דפי חדשות
page-newer = חדשות יותר
page-older = ישנות יותר
page-number = עמוד { $number }
page-of = עמוד { $number } מתוך { $total }
date-heading = { $weekday }, { $date }
month-year = { $month } { $year }

time-zone = UTC{ $offset }
nav-authors = כותבים
nav-tags = תגיות
corrections-title = תיקונים
corrections-intro = תיקונים והבהרות לכתבות שלנו, מהחדש לישן.
corrections-none = עדיין אין תיקונים.
correction-label = תיקון
label-separator = {": "}
author-website = אתר
share-label = שיתוף
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = דוא״ל
share-copy = העתקת קישור
share-copied = הקישור הועתק
redirect-text = הדף הזה עבר אל

search-title = חיפוש
search-label = חיפוש בחדשות
search-placeholder = חיפוש בחדשות…
search-button = חיפוש
search-topic = נושא
search-any-topic = כל הנושאים
search-country = מדינה
search-any-country = כל המדינות
search-more = תוצאות נוספות
search-none = אין כתבות שמתאימות לחיפוש.
search-error = החיפוש אינו זמין כרגע.
search-loading = מחפש…
search-short = יש להקליד מילה בת שתי אותיות לפחות.
search-noscript = החיפוש דורש JavaScript פעיל בדפדפן.
search-count = { $count ->
    [one] תוצאה אחת
    [two] שתי תוצאות
   *[other] { $n } תוצאות
}

description-front = { $site }: החדשות האחרונות.
description-topic = { $site }: חדשות וניתוחים בנושא { $name }.
description-country = { $site }: החדשות האחרונות מ{ $name } ועליה.
description-author = כתבות של { $name } ב{ $site }.
description-tag = { $site }: כתבות עם התגית { $name }.
description-paged = { $description } עמוד { $number }.
description-topics = כל הנושאים ש{ $site } מסקר, עם מספר הכתבות בכל אחד.
description-countries = כל המדינות ש{ $site } מסקר, עם מספר הכתבות.
description-archive = כל החודשים של { $site }, מהאחרון.
description-month = { $site }: הכתבות של { $month }.
description-authors = הכותבים והעורכים של { $site }.
description-tags = כל התגיות של כתבות { $site }, עם מספר הכתבות בכל אחת.
description-corrections = כל התיקונים ש{ $site } פרסם, מהחדש לישן.
description-search = חיפוש בכל הכתבות של { $site }.
