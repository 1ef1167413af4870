# Interface text of the default theme, in German (dates, months and country names: cldr.ftl and
# countries.ftl). A site can override any message in its own locales/de/*.ftl.

skip-to-content = Zum Inhalt springen
language-switcher = Andere Sprachen
footer-navigation = Links der Website
nav-front-page = Startseite
footer-note = { $site } – ein täglicher Nachrichtenüberblick.
latest-news = Neueste Nachrichten
no-articles = Noch keine Artikel.
articles-count = { $count ->
    [0] Keine Artikel
    [one] Ein Artikel
   *[other] { $count } Artikel
}
at-time = um { $time } Uhr
updated-label = Aktualisiert
byline = Von
list-separator = {", "}
meta-separator = {" · "}
image-credit = Foto:
source-label = Quelle:
topics-label = Themen:
countries-label = Länder:
tags-label = Schlagwörter:
read-in-language = Auf Deutsch lesen:
not-found-title = Seite nicht gefunden
not-found-text = Die gesuchte Seite wurde nicht gefunden. Vielleicht wurde sie verschoben oder entfernt.
back-to-front-page = Zurück zur Startseite von { $site }

date-long = { $day }. { $month } { $year }
time-short = { $hour }:{ $minute }
date-hijri = { $day }. { $month } { $year } AH

sections-navigation = Ressorts
nav-topics = Themen
nav-countries = Länder
nav-archive = Archiv
nav-feed = Feed
# the label before a breaking-news banner (alerts.toml)
alert-label = Eilmeldung
related-title = Mehr zum Thema
pagination-label = Nachrichtenseiten
page-newer = Neuer
page-older = Älter
page-number = Seite { $number }
page-of = Seite { $number } von { $total }
date-heading = { $weekday }, { $date }
month-year = { $month } { $year }

time-zone = UTC{ $offset }
nav-authors = Autorinnen und Autoren
nav-tags = Schlagwörter
corrections-title = Korrekturen
corrections-intro = Korrekturen und Klarstellungen zu unseren Artikeln, die neuesten zuerst.
corrections-none = Bisher keine Korrekturen.
correction-label = Korrektur
label-separator = {": "}
author-website = Website
share-label = Teilen
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = E-Mail
share-copy = Link kopieren
share-copied = Link kopiert
redirect-text = Diese Seite ist umgezogen nach

search-title = Suche
search-label = Nachrichten durchsuchen
search-placeholder = Nachrichten durchsuchen …
search-button = Suchen
search-topic = Thema
search-any-topic = Alle Themen
search-country = Land
search-any-country = Alle Länder
search-more = Weitere Ergebnisse
search-none = Keine Artikel zu Ihrer Suche gefunden.
search-error = Die Suche ist gerade nicht verfügbar.
search-loading = Suche läuft …
search-short = Geben Sie ein Wort mit mindestens zwei Buchstaben ein.
search-noscript = Für die Suche muss JavaScript in Ihrem Browser aktiviert sein.
search-count = { $count ->
    [one] { $n } Ergebnis
   *[other] { $n } Ergebnisse
}

description-front = { $site }: die neuesten Nachrichten.
description-topic = { $site }: Nachrichten und Analysen zum Thema { $name }.
description-country = { $site }: die neuesten Nachrichten aus und über { $name }.
description-author = Artikel von { $name } bei { $site }.
description-tag = { $site }: Artikel mit dem Schlagwort { $name }.
description-paged = { $description } Seite { $number }.
description-topics = Alle Themen von { $site } mit der Zahl ihrer Artikel.
description-countries = Alle Länder, über die { $site } berichtet, mit der Zahl ihrer Artikel.
description-archive = Alle Monate von { $site }, die neuesten zuerst.
description-month = { $site }: die Artikel aus { $month }.
description-authors = Die Autorinnen, Autoren und Redakteure von { $site }.
description-tags = Alle Schlagwörter der Artikel von { $site } mit der Zahl ihrer Artikel.
description-corrections = Alle Korrekturen, die { $site } veröffentlicht hat, die neuesten zuerst.
description-search = Alle Artikel von { $site } durchsuchen.
