# Interface text of the default theme, in French (dates, months and country names: cldr.ftl and
# countries.ftl). A site can override any message in its own locales/fr/*.ftl.

skip-to-content = Aller au contenu
language-switcher = Autres langues
footer-navigation = Liens du site
nav-front-page = À la une
footer-note = { $site } — une revue de presse quotidienne.
latest-news = Dernières informations
no-articles = Aucun article pour le moment.
articles-count = { $count ->
    [0] Aucun article
    [one] { $count } article
    [many] { $count } d’articles
   *[other] { $count } articles
}
at-time = à { $time }
updated-label = Mis à jour le
byline = Par
list-separator = {", "}
meta-separator = {" · "}
image-credit = Photo :
source-label = Source :
topics-label = Thèmes :
countries-label = Pays :
tags-label = Mots-clés :
read-in-language = Lire en français :
not-found-title = Page introuvable
not-found-text = Nous n’avons pas trouvé la page demandée. Elle a peut-être été déplacée ou supprimée.
back-to-front-page = Retour à la une de { $site }

date-long = { $day } { $month } { $year }
time-short = { $hour } h { $minute }
date-hijri = { $day } { $month } { $year } de l’hégire

sections-navigation = Rubriques
nav-topics = Thèmes
nav-countries = Pays
nav-archive = Archives
nav-feed = Flux
# the label before a breaking-news banner (alerts.toml)
alert-label = Alerte
related-title = Sur le même sujet
pagination-label = Pages d’articles
page-newer = Plus récents
page-older = Plus anciens
page-number = Page { $number }
page-of = page { $number } sur { $total }
date-heading = { $weekday } { $date }
month-year = { $month } { $year }

time-zone = UTC{ $offset }
nav-authors = Auteurs
nav-tags = Mots-clés
corrections-title = Rectificatifs
corrections-intro = Les rectificatifs et précisions apportés à nos articles, du plus récent au plus ancien.
corrections-none = Aucun rectificatif pour le moment.
correction-label = Rectificatif
label-separator = {" : "}
author-website = Site web
share-label = Partager
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = E-mail
share-copy = Copier le lien
share-copied = Lien copié
redirect-text = Cette page a été déplacée vers

search-title = Recherche
search-label = Rechercher dans l’actualité
search-placeholder = Rechercher dans l’actualité…
search-button = Rechercher
search-topic = Thème
search-any-topic = Tous les thèmes
search-country = Pays
search-any-country = Tous les pays
search-more = Plus de résultats
search-none = Aucun article ne correspond à votre recherche.
search-error = La recherche n’est pas disponible pour le moment.
search-loading = Recherche en cours…
search-short = Saisissez un mot d’au moins deux lettres.
search-noscript = La recherche nécessite que JavaScript soit activé dans votre navigateur.
search-count = { $count ->
    [one] { $n } résultat
    [many] { $n } de résultats
   *[other] { $n } résultats
}

description-front = { $site } : l’essentiel de l’actualité.
description-topic = { $site } : actualités et analyses sur le thème { $name }.
description-country = { $site } : toute l’actualité de { $name }.
description-author = Les articles de { $name } dans { $site }.
description-tag = { $site } : articles avec le mot-clé { $name }.
description-paged = { $description } Page { $number }.
description-topics = Tous les thèmes couverts par { $site }, avec leur nombre d’articles.
description-countries = Tous les pays couverts par { $site }, avec leur nombre d’articles.
description-archive = Tous les mois de { $site }, du plus récent au plus ancien.
description-month = { $site } : les articles de { $month }.
description-authors = Les journalistes et éditeurs de { $site }.
description-tags = Tous les mots-clés des articles de { $site }, avec leur nombre d’articles.
description-corrections = Tous les rectificatifs publiés par { $site }, du plus récent au plus ancien.
description-search = Rechercher dans tous les articles de { $site }.
