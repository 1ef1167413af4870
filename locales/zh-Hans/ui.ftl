# Interface text of the default theme, in Simplified Chinese (dates, months and country names:
# cldr.ftl and countries.ftl). A site can override any message in its own locales/LANG/*.ftl.

skip-to-content = 跳到正文
language-switcher = 其他语言
footer-navigation = 网站链接
nav-front-page = 首页
footer-note = { $site }——每日新闻摘要。
latest-news = 最新消息
no-articles = 暂无文章。
articles-count = { $count ->
    [0] 没有文章
   *[other] { $count } 篇文章
}
at-time = { $time }
updated-label = 更新于
byline = 作者：
list-separator = {"、"}
meta-separator = {" · "}
image-credit = 图片：
source-label = 来源：
topics-label = 主题：
countries-label = 国家和地区：
tags-label = 标签：
read-in-language = 阅读简体中文版：
not-found-title = 找不到页面
not-found-text = 找不到您请求的页面，它可能已被移动或删除。
back-to-front-page = 返回{ $site }首页

date-long = { $year }年{ $month }{ $day }日
time-short = { $hour }:{ $minute }
date-hijri = 伊斯兰历{ $year }年{ $month }{ $day }日

sections-navigation = 栏目
nav-topics = 主题
nav-countries = 国家和地区
nav-archive = 存档
nav-feed = 订阅
# the label before a breaking-news banner (alerts.toml)
alert-label = 突发
related-title = 相关文章
pagination-label = 新闻页
page-newer = 较新
page-older = 较早
page-number = 第{ $number }页
page-of = 第{ $number }页，共{ $total }页
date-heading = { $date }{ $weekday }
month-year = { $year }年{ $month }

time-zone = UTC{ $offset }
nav-authors = 作者
nav-tags = 标签
corrections-title = 更正
corrections-intro = 我们文章的更正与澄清，最新的在前。
corrections-none = 暂无更正。
correction-label = 更正
label-separator = {"："}
author-website = 网站
share-label = 分享
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = 电子邮件
share-copy = 复制链接
share-copied = 链接已复制
redirect-text = 此页面已移至

search-title = 搜索
search-label = 搜索新闻
search-placeholder = 搜索新闻…
search-button = 搜索
search-topic = 主题
search-any-topic = 全部主题
search-country = 国家或地区
search-any-country = 全部国家和地区
search-more = 更多结果
search-none = 没有符合搜索条件的文章。
search-error = 搜索暂时不可用。
search-loading = 正在搜索…
search-short = 请输入至少两个字的词语。
search-noscript = 搜索需要在浏览器中启用 JavaScript。
search-count = { $count ->
   *[other] { $n } 条结果
}

description-front = { $site }：最新消息。
description-topic = { $site }：关于{ $name }的新闻与分析。
description-country = { $site }：来自{ $name }及有关{ $name }的最新消息。
description-author = { $name }在{ $site }发表的文章。
description-tag = { $site }：标签为{ $name }的文章。
description-paged = { $description } 第{ $number }页。
description-topics = { $site }报道的全部主题及其文章数。
description-countries = { $site }报道的全部国家和地区及其文章数。
description-archive = { $site }的全部月份，最新的在前。
description-month = { $site }：{ $month }的文章。
description-authors = { $site }的作者和编辑。
description-tags = { $site }文章的全部标签及其文章数。
description-corrections = { $site }发布的全部更正，最新的在前。
description-search = 搜索{ $site }的全部文章。
