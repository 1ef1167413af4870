# Names of common news topics in "tr". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/tr/topics.ftl) as `topic-KEY`.

topic-security = Güvenlik
topic-diplomacy = Diplomasi
topic-economy = Ekonomi
topic-energy = Enerji
topic-migration = Göç
topic-politics = Siyaset
topic-health = Sağlık
topic-climate = İklim
topic-technology = Teknoloji
topic-trade = Ticaret
topic-culture = Kültür
topic-sports = Spor
topic-education = Eğitim
topic-water = Su
topic-agriculture = Tarım
topic-elections = Seçimler
topic-rights = İnsan hakları
topic-media = Medya
topic-transport = Ulaşım
topic-humanitarian = İnsani yardım
