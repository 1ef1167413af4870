# Interface text of the default theme, in Spanish (dates, months and country names: cldr.ftl and
# countries.ftl). A site can override any message in its own locales/es/*.ftl.

skip-to-content = Saltar al contenido
language-switcher = Otros idiomas
footer-navigation = Enlaces del sitio
nav-front-page = Portada
footer-note = { $site }: un resumen diario de noticias.
latest-news = Últimas noticias
no-articles = Todavía no hay artículos.
articles-count = { $count ->
    [0] Ningún artículo
    [one] Un artículo
    [many] { $count } de artículos
   *[other] { $count } artículos
}
at-time = a las { $time }
updated-label = Actualizado
byline = Por
list-separator = {", "}
meta-separator = {" · "}
image-credit = Foto:
source-label = Fuente:
topics-label = Temas:
countries-label = Países:
tags-label = Etiquetas:
read-in-language = Leer en español:
not-found-title = Página no encontrada
not-found-text = No encontramos la página que buscaba. Puede que se haya movido o eliminado.
back-to-front-page = Volver a la portada de { $site }

date-long = { $day } de { $month } de { $year }
time-short = { $hour }:{ $minute }
date-hijri = { $day } de { $month } de { $year } de la Hégira

sections-navigation = Secciones
nav-topics = Temas
nav-countries = Países
nav-archive = Archivo
nav-feed = RSS
# the label before a breaking-news banner (alerts.toml)
alert-label = Última hora
related-title = Artículos relacionados
pagination-label = Páginas de noticias
page-newer = Más recientes
page-older = Anteriores
page-number = Página { $number }
page-of = página { $number } de { $total }
date-heading = { $weekday }, { $date }
month-year = { $month } de { $year }

time-zone = UTC{ $offset }
nav-authors = Autores
nav-tags = Etiquetas
corrections-title = Fe de erratas
corrections-intro = Correcciones y aclaraciones a nuestros artículos, de la más reciente a la más antigua.
corrections-none = Todavía no hay correcciones.
correction-label = Corrección
label-separator = {": "}
author-website = Sitio web
share-label = Compartir
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = Correo electrónico
share-copy = Copiar enlace
share-copied = Enlace copiado
redirect-text = Esta página se ha trasladado a

search-title = Buscar
search-label = Buscar noticias
search-placeholder = Buscar noticias…
search-button = Buscar
search-topic = Tema
search-any-topic = Todos los temas
search-country = País
search-any-country = Todos los países
search-more = Más resultados
search-none = Ningún artículo coincide con su búsqueda.
search-error = La búsqueda no está disponible en este momento.
search-loading = Buscando…
search-short = Escriba una palabra de al menos dos letras.
search-noscript = La búsqueda necesita que JavaScript esté activado en su navegador.
search-count = { $count ->
    [one] { $n } resultado
    [many] { $n } de resultados
   *[other] { $n } resultados
}

description-front = { $site }: las últimas noticias.
description-topic = { $site }: noticias y análisis sobre { $name }.
description-country = { $site }: las últimas noticias de { $name }.
description-author = Artículos de { $name } en { $site }.
description-tag = { $site }: artículos con la etiqueta { $name }.
description-paged = { $description } Página { $number }.
description-topics = Todos los temas que cubre { $site }, con su número de artículos.
description-countries = Todos los países que cubre { $site }, con su número de artículos.
description-archive = Todos los meses de { $site }, del más reciente al más antiguo.
description-month = { $site }: los artículos de { $month }.
description-authors = Los periodistas y editores de { $site }.
description-tags = Todas las etiquetas de los artículos de { $site }, con su número de artículos.
description-corrections = Todas las correcciones publicadas por { $site }, de la más reciente a la más antigua.
description-search = Buscar en todos los artículos de { $site }.
