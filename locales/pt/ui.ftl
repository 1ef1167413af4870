# Interface text of the default theme, in Portuguese (dates, months and country names: cldr.ftl
# and countries.ftl). A site can override any message in its own locales/pt/*.ftl.

skip-to-content = Ir para o conteúdo
language-switcher = Outros idiomas
footer-navigation = Links do site
nav-front-page = Capa
footer-note = { $site } — um resumo diário de notícias.
latest-news = Últimas notícias
no-articles = Ainda não há artigos.
articles-count = { $count ->
    [0] Nenhum artigo
    [one] { $count } artigo
    [many] { $count } de artigos
   *[other] { $count } artigos
}
at-time = às { $time }
updated-label = Atualizado
byline = Por
list-separator = {", "}
meta-separator = {" · "}
image-credit = Foto:
source-label = Fonte:
topics-label = Temas:
countries-label = Países:
tags-label = Etiquetas:
read-in-language = Ler em português:
not-found-title = Página não encontrada
not-found-text = Não encontramos a página que procurava. Pode ter sido movida ou removida.
back-to-front-page = Voltar à capa de { $site }

date-long = { $day } de { $month } de { $year }
time-short = { $hour }:{ $minute }
date-hijri = { $day } de { $month } de { $year } da Hégira

sections-navigation = Seções
nav-topics = Temas
nav-countries = Países
nav-archive = Arquivo
nav-feed = Feed
# the label before a breaking-news banner (alerts.toml)
alert-label = Última hora
related-title = Artigos relacionados
pagination-label = Páginas de notícias
page-newer = Mais recentes
page-older = Anteriores
page-number = Página { $number }
page-of = página { $number } de { $total }
date-heading = { $weekday }, { $date }
month-year = { $month } de { $year }

time-zone = UTC{ $offset }
nav-authors = Autores
nav-tags = Etiquetas
corrections-title = Erratas
corrections-intro = Correções e esclarecimentos aos nossos artigos, da mais recente à mais antiga.
corrections-none = Ainda não há correções.
correction-label = Correção
label-separator = {": "}
author-website = Site
share-label = Compartilhar
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = E-mail
share-copy = Copiar link
share-copied = Link copiado
redirect-text = Esta página mudou para

search-title = Pesquisa
search-label = Pesquisar notícias
search-placeholder = Pesquisar notícias…
search-button = Pesquisar
search-topic = Tema
search-any-topic = Todos os temas
search-country = País
search-any-country = Todos os países
search-more = Mais resultados
search-none = Nenhum artigo corresponde à sua pesquisa.
search-error = A pesquisa não está disponível neste momento.
search-loading = Pesquisando…
search-short = Digite uma palavra com pelo menos duas letras.
search-noscript = A pesquisa precisa que o JavaScript esteja ativado no seu navegador.
search-count = { $count ->
    [one] { $n } resultado
    [many] { $n } de resultados
   *[other] { $n } resultados
}

description-front = { $site }: as últimas notícias.
description-topic = { $site }: notícias e análises sobre { $name }.
description-country = { $site }: as últimas notícias de { $name }.
description-author = Artigos de { $name } em { $site }.
description-tag = { $site }: artigos com a etiqueta { $name }.
description-paged = { $description } Página { $number }.
description-topics = Todos os temas que { $site } cobre, com o seu número de artigos.
description-countries = Todos os países que { $site } cobre, com o seu número de artigos.
description-archive = Todos os meses de { $site }, do mais recente ao mais antigo.
description-month = { $site }: os artigos de { $month }.
description-authors = Os jornalistas e editores de { $site }.
description-tags = Todas as etiquetas dos artigos de { $site }, com o seu número de artigos.
description-corrections = Todas as correções publicadas por { $site }, da mais recente à mais antiga.
description-search = Pesquisar em todos os artigos de { $site }.
