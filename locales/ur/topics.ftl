# Names of common news topics in "ur". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/ur/topics.ftl) as `topic-KEY`.

topic-security = سلامتی
topic-diplomacy = سفارت کاری
topic-economy = معیشت
topic-energy = توانائی
topic-migration = ہجرت
topic-politics = سیاست
topic-health = صحت
topic-climate = موسمیات
topic-technology = ٹیکنالوجی
topic-trade = تجارت
topic-culture = ثقافت
topic-sports = کھیل
topic-education = تعلیم
topic-water = پانی
topic-agriculture = زراعت
topic-elections = انتخابات
topic-rights = انسانی حقوق
topic-media = میڈیا
topic-transport = نقل و حمل
topic-humanitarian = انسانی امداد
