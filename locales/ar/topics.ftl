# Names of common news topics. Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/ar/topics.ftl) as `topic-KEY`.

topic-security = الأمن
topic-diplomacy = الدبلوماسية
topic-economy = الاقتصاد
topic-energy = الطاقة
topic-migration = الهجرة
topic-politics = السياسة
topic-health = الصحة
topic-climate = المناخ
topic-technology = التكنولوجيا
topic-trade = التجارة
topic-culture = الثقافة
topic-sports = الرياضة
topic-education = التعليم
topic-water = المياه
topic-agriculture = الزراعة
topic-elections = الانتخابات
topic-rights = حقوق الإنسان
topic-media = الإعلام
topic-transport = النقل
topic-humanitarian = الشؤون الإنسانية
