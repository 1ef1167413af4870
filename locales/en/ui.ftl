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
tags-label = Tags:
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
hijri-month-12 = Dhu al-Hijjah

# Sections, lists and pagination
sections-navigation = Sections
nav-topics = Topics
nav-countries = Countries
nav-archive = Archive
nav-feed = Feed
# the label before a breaking-news banner (alerts.toml)
alert-label = Breaking
related-title = Related articles
pagination-label = News pages
page-newer = Newer
page-older = Older
page-number = Page { $number }
page-of = page { $number } of { $total }
date-heading = { $weekday } { $date }
month-year = { $month } { $year }

weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

# Newsroom: time zones, authors, corrections, sharing, moved pages
time-zone = UTC{ $offset }
nav-authors = Authors
nav-tags = Tags
corrections-title = Corrections
corrections-intro = Corrections and clarifications to our articles, the most recent first.
corrections-none = No corrections so far.
correction-label = Correction
label-separator = {": "}
author-website = Website
share-label = Share
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = E-mail
share-copy = Copy link
share-copied = Link copied
redirect-text = This page has moved to

# Search
search-title = Search
search-label = Search the news
search-placeholder = Search the news…
search-button = Search
search-topic = Topic
search-any-topic = All topics
search-country = Country
search-any-country = All countries
search-more = More results
search-none = No articles match your search.
search-error = Search is not available right now.
search-loading = Searching…
search-short = Type a word of at least two letters.
search-noscript = Search needs JavaScript to be enabled in your browser.
# $count: the number of results (picks the plural form), $n: the number as written
search-count = { $count ->
    [one] { $n } result
   *[other] { $n } results
}

# Meta descriptions of list pages (search results and link previews show them; each page its own).
description-front = { $site }: the latest news.
description-topic = { $site }: the latest news and analysis on { $name }.
description-country = { $site }: the latest news from and about { $name }.
description-author = Articles by { $name } in { $site }.
description-tag = { $site }: articles tagged { $name }.
description-paged = { $description } Page { $number }.
description-topics = Every topic { $site } covers, with its number of articles.
description-countries = Every country { $site } reports on, with its number of articles.
description-archive = Every month of { $site }, from the latest.
description-month = { $site }: the articles of { $month }.
description-authors = The writers and editors of { $site }.
description-tags = Every tag of { $site }'s articles, with its number of articles.
description-corrections = Every correction { $site } has published, newest first.
description-search = Search every article of { $site }.
