# Interface text of the default theme, in Traditional Chinese (dates, months and country names:
# cldr.ftl and countries.ftl). A site can override any message in its own locales/LANG/*.ftl.

skip-to-content = 跳到正文
language-switcher = 其他語言
footer-navigation = 網站連結
nav-front-page = 首頁
footer-note = { $site }——每日新聞摘要。
latest-news = 最新消息
no-articles = 尚無文章。
articles-count = { $count ->
    [0] 沒有文章
   *[other] { $count } 篇文章
}
at-time = { $time }
updated-label = 更新於
byline = 作者：
list-separator = {"、"}
meta-separator = {" · "}
image-credit = 圖片：
source-label = 來源：
topics-label = 主題：
countries-label = 國家和地區：
tags-label = 標籤：
read-in-language = 閱讀繁體中文版：
not-found-title = 找不到網頁
not-found-text = 找不到您要求的網頁，它可能已被移動或刪除。
back-to-front-page = 返回{ $site }首頁

date-long = { $year }年{ $month }{ $day }日
time-short = { $hour }:{ $minute }
date-hijri = 伊斯蘭曆{ $year }年{ $month }{ $day }日

sections-navigation = 欄目
nav-topics = 主題
nav-countries = 國家和地區
nav-archive = 彙整
nav-feed = 訂閱
# the label before a breaking-news banner (alerts.toml)
alert-label = 突發
related-title = 相關文章
pagination-label = 新聞頁
page-newer = 較新
page-older = 較舊
page-number = 第{ $number }頁
page-of = 第{ $number }頁，共{ $total }頁
date-heading = { $date }{ $weekday }
month-year = { $year }年{ $month }

time-zone = UTC{ $offset }
nav-authors = 作者
nav-tags = 標籤
corrections-title = 更正
corrections-intro = 本站文章的更正與澄清，最新的在前。
corrections-none = 尚無更正。
correction-label = 更正
label-separator = {"："}
author-website = 網站
share-label = 分享
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = 電子郵件
share-copy = 複製連結
share-copied = 已複製連結
redirect-text = 此網頁已移至

search-title = 搜尋
search-label = 搜尋新聞
search-placeholder = 搜尋新聞…
search-button = 搜尋
search-topic = 主題
search-any-topic = 所有主題
search-country = 國家或地區
search-any-country = 所有國家和地區
search-more = 更多結果
search-none = 沒有符合搜尋條件的文章。
search-error = 目前無法使用搜尋。
search-loading = 搜尋中…
search-short = 請輸入至少兩個字的詞語。
search-noscript = 搜尋需要在瀏覽器中啟用 JavaScript。
search-count = { $count ->
   *[other] { $n } 筆結果
}

description-front = { $site }：最新消息。
description-topic = { $site }：關於{ $name }的新聞與分析。
description-country = { $site }：來自{ $name }及有關{ $name }的最新消息。
description-author = { $name }在{ $site }發表的文章。
description-tag = { $site }：標籤為{ $name }的文章。
description-paged = { $description } 第{ $number }頁。
description-topics = { $site }報導的所有主題及其文章數。
description-countries = { $site }報導的所有國家和地區及其文章數。
description-archive = { $site }的所有月份，最新的在前。
description-month = { $site }：{ $month }的文章。
description-authors = { $site }的作者和編輯。
description-tags = { $site }文章的所有標籤及其文章數。
description-corrections = { $site }發布的所有更正，最新的在前。
description-search = 搜尋{ $site }的所有文章。
