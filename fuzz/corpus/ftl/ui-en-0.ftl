# Interface text of the default theme, in English.
# A site can override any message in its own locales/en/*.ftl.

language-name = English
skip-to-content = Skip to content
language-switcher = Other languages
footer-navigation = Site links
nav-front-page = Front page
footer-note = { $site } — a bilingual news digest.
latest-news = Latest news
no-articles = No articles yet.
articles-count = { $count ->
    [0] No articles
    [one] One article
   *[other] { $count } articles
}
at-time = at { $time }
updated-label = Updated
byline = By
list-separator = {", "}
# Between the parts of a line of facts (count, page, feed link). Arabic does not use "·": next to
# Arabic-Indic digits it reads as a zero (٠).
meta-separator = {" · "}
image-credit = Photo:
source-label = Source:
topics-label = Topics:
countries-label = Countries:
read-in-language = Read in English:
not-found-title = Page not found
not-found-text = We could not find the page you asked for. It may have moved or been removed.
back-to-front-page = Back to the { $site } front page

date-long = { $day } { $month } { $year }
time-short = { $hour }:{ $minute }
date-hijri = { $day } { $month } { $year } AH

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

hijri-month-1 = Muharram
hijri-month-2 = Safar
hijri-month-3 = Rabi al-Awwal
hijri-month-4 = Rabi al-Thani
hijri-month-5 = Jumada al-Ula
hijri-month-6 = Jumada al-Akhirah
hijri-month-7 = Rajab
hijri-month-8 = Shaban
hijri-month-9 = Ramadan
hijri-month-10 = Shawwal
hijri-month-11 = Dhu al-Qadah
