# Names of common news topics in "fa". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/fa/topics.ftl) as `topic-KEY`.

topic-security = امنیت
topic-diplomacy = دیپلماسی
topic-economy = اقتصاد
topic-energy = انرژی
topic-migration = مهاجرت
topic-politics = سیاست
topic-health = سلامت
topic-climate = اقلیم
topic-technology = فناوری
topic-trade = تجارت
topic-culture = فرهنگ
topic-sports = ورزش
topic-education = آموزش
topic-water = آب
topic-agriculture = کشاورزی
topic-elections = انتخابات
topic-rights = حقوق بشر
topic-media = رسانه
topic-transport = حمل‌ونقل
topic-humanitarian = امور بشردوستانه
