hijri-month-12 = Dhu al-Hijjah

# Sections, lists and pagination
sections-navigation = Sections
nav-topics = Topics
nav-countries = Countries
nav-archive = Archive
nav-feed = Feed
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
