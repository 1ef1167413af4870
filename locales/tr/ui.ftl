# Interface text of the default theme, in Turkish (dates, months and country names: cldr.ftl and
# countries.ftl). A site can override any message in its own locales/tr/*.ftl.

skip-to-content = İçeriğe geç
language-switcher = Diğer diller
footer-navigation = Site bağlantıları
nav-front-page = Ana sayfa
footer-note = { $site } — günlük haber bülteni.
latest-news = Son haberler
no-articles = Henüz haber yok.
articles-count = { $count ->
    [0] Haber yok
    [one] { $count } haber
   *[other] { $count } haber
}
at-time = saat { $time }
updated-label = Güncellendi
byline = Yazan:
list-separator = {", "}
meta-separator = {" · "}
image-credit = Fotoğraf:
source-label = Kaynak:
topics-label = Konular:
countries-label = Ülkeler:
tags-label = Etiketler:
read-in-language = Türkçe oku:
not-found-title = Sayfa bulunamadı
not-found-text = Aradığınız sayfayı bulamadık. Taşınmış ya da kaldırılmış olabilir.
back-to-front-page = { $site } ana sayfasına dön

date-long = { $day } { $month } { $year }
time-short = { $hour }:{ $minute }
date-hijri = { $day } { $month } { $year } Hicri

sections-navigation = Bölümler
nav-topics = Konular
nav-countries = Ülkeler
nav-archive = Arşiv
nav-feed = RSS
# the label before a breaking-news banner (alerts.toml)
alert-label = Son dakika
related-title = İlgili haberler
pagination-label = Haber sayfaları
page-newer = Daha yeni
page-older = Daha eski
page-number = Sayfa { $number }
page-of = sayfa { $number } / { $total }
date-heading = { $date } { $weekday }
month-year = { $month } { $year }

time-zone = UTC{ $offset }
nav-authors = Yazarlar
nav-tags = Etiketler
corrections-title = Düzeltmeler
corrections-intro = Haberlerimize yapılan düzeltme ve açıklamalar, en yenisi önce.
corrections-none = Henüz düzeltme yok.
correction-label = Düzeltme
label-separator = {": "}
author-website = Web sitesi
share-label = Paylaş
share-whatsapp = WhatsApp
share-telegram = Telegram
share-x = X
share-facebook = Facebook
share-email = E-posta
share-copy = Bağlantıyı kopyala
share-copied = Bağlantı kopyalandı
redirect-text = Bu sayfa taşındı:

search-title = Arama
search-label = Haberlerde ara
search-placeholder = Haberlerde ara…
search-button = Ara
search-topic = Konu
search-any-topic = Tüm konular
search-country = Ülke
search-any-country = Tüm ülkeler
search-more = Daha fazla sonuç
search-none = Aramanızla eşleşen haber yok.
search-error = Arama şu anda kullanılamıyor.
search-loading = Aranıyor…
search-short = En az iki harfli bir kelime yazın.
search-noscript = Arama için tarayıcınızda JavaScript'in etkin olması gerekir.
search-count = { $count ->
    [one] { $n } sonuç
   *[other] { $n } sonuç
}

description-front = { $site }: son haberler.
description-topic = { $site }: { $name } hakkında haberler ve analizler.
description-country = { $site }: { $name } ile ilgili son haberler.
description-author = { $site } sitesinde { $name } imzalı haberler.
description-tag = { $site }: { $name } etiketli haberler.
description-paged = { $description } Sayfa { $number }.
description-topics = { $site } sitesinin tüm konuları ve haber sayıları.
description-countries = { $site } sitesinin haber yaptığı tüm ülkeler ve haber sayıları.
description-archive = { $site } sitesinin tüm ayları, en yenisi önce.
description-month = { $site }: { $month } haberleri.
description-authors = { $site } yazarları ve editörleri.
description-tags = { $site } haberlerinin tüm etiketleri ve haber sayıları.
description-corrections = { $site } tarafından yayımlanan tüm düzeltmeler, en yenisi önce.
description-search = { $site } sitesinin tüm haberlerinde arayın.
