search-count = { $count ->
    [one] { $n } result
   *[other] { $n } results
}

# Meta descriptions of list pages (search results and link previews show them; each page its own).
description-front = { $site }: the latest news.
description-topic = { $site }: the latest news and analysis on { $name }.
description-country = { $site }: the latest news from and about { $name }.
description-author = Articles by { $name } in { $site }.
description-paged = { $description } Page { $number }.
description-topics = Every topic { $site } covers, with its number of articles.
description-countries = Every country { $site } reports on, with its number of articles.
description-archive = Every month of { $site }, from the latest.
description-month = { $site }: the articles of { $month }.
description-authors = The writers and editors of { $site }.
description-corrections = Every correction { $site } has published, newest first.
description-search = Search every article of { $site }.

