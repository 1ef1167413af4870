# Interface text of the default theme, in Russian (dates, months and country names: cldr.ftl and
# countries.ftl). A site can override any message in its own locales/ru/*.ftl.

skip-to-content = Перейти к содержанию
language-switcher = Другие языки
footer-navigation = Ссылки сайта
nav-front-page = Главная
footer-note = { $site } — ежедневная сводка новостей.
latest-news = Последние новости
no-articles = Статей пока нет.
# Russian has four plural forms: 1, 21 статья; 2–4 статьи; 5–20 статей; 1,5 статьи
articles-count = { $count ->
    [0] Нет статей
    [one] { $count } статья
    [few] { $count } статьи
    [many] { $count } статей
   *[other] { $count } статьи
}
at-time = в { $time }
updated-label = Обновлено
byline = Автор:
list-separator = {", "}
meta-separator = {" · "}
image-credit = Фото:
source-label = Источник:
topics-label = Темы:
countries-label = Страны:
tags-label = Теги:
read-in-language = Читать на русском:
not-found-title = Страница не найдена
not-found-text = Мы не нашли запрошенную страницу. Возможно, она перемещена или удалена.
back-to-front-page = Вернуться на главную страницу { $site }

date-long = { $day } { $month } { $year } г.
time-short = { $hour }:{ $minute }
date-hijri = { $day } { $month } { $year } г. х.

sections-navigation = Разделы
nav-topics = Темы
nav-countries = Страны
nav-archive = Архив
nav-feed = RSS
# the label before a breaking-news banner (alerts.toml)
alert-label = Срочно
related-title = Читайте также
pagination-label = Страницы новостей
page-newer = Новее
page-older = Старее
page-number = Страница { $number }
page-of = страница { $number } из { $total }
date-heading = { $weekday }, { $date }
month-year = { $month } { $year }

time-zone = UTC{ $offset }
nav-authors = Авторы
nav-tags = Теги
corrections-title = Исправления
corrections-intro = Исправления и уточнения к нашим статьям, сначала самые новые.
corrections-none = Исправлений пока нет.
correction-label = Исправление
label-separator = {": "}
author-website = Сайт
share-label = Поделиться
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = Эл. почта
share-copy = Копировать ссылку
share-copied = Ссылка скопирована
redirect-text = Эта страница перемещена сюда:

search-title = Поиск
search-label = Поиск по новостям
search-placeholder = Поиск по новостям…
search-button = Найти
search-topic = Тема
search-any-topic = Все темы
search-country = Страна
search-any-country = Все страны
search-more = Ещё результаты
search-none = По вашему запросу статей не найдено.
search-error = Поиск сейчас недоступен.
search-loading = Идёт поиск…
search-short = Введите слово не короче двух букв.
search-noscript = Для поиска в браузере должен быть включён JavaScript.
search-count = { $count ->
    [one] { $n } результат
    [few] { $n } результата
    [many] { $n } результатов
   *[other] { $n } результата
}

description-front = { $site }: последние новости.
description-topic = { $site }: новости и аналитика по теме «{ $name }».
description-country = { $site }: последние новости о стране { $name }.
description-author = Статьи автора { $name } в { $site }.
description-tag = { $site }: статьи с тегом «{ $name }».
description-paged = { $description } Страница { $number }.
description-topics = Все темы { $site } с числом статей.
description-countries = Все страны, о которых пишет { $site }, с числом статей.
description-archive = Все месяцы { $site }, начиная с последнего.
description-month = { $site }: статьи за { $month }.
description-authors = Авторы и редакторы { $site }.
description-tags = Все теги статей { $site } с числом статей.
description-corrections = Все исправления, опубликованные { $site }, сначала самые новые.
description-search = Поиск по всем статьям { $site }.
