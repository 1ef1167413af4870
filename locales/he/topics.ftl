# Names of common news topics in "he". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/he/topics.ftl) as `topic-KEY`.

topic-security = ביטחון
topic-diplomacy = דיפלומטיה
topic-economy = כלכלה
topic-energy = אנרגיה
topic-migration = הגירה
topic-politics = פוליטיקה
topic-health = בריאות
topic-climate = אקלים
topic-technology = טכנולוגיה
topic-trade = סחר
topic-culture = תרבות
topic-sports = ספורט
topic-education = חינוך
topic-water = מים
topic-agriculture = חקלאות
topic-elections = בחירות
topic-rights = זכויות אדם
topic-media = תקשורת
topic-transport = תחבורה
topic-humanitarian = סיוע הומניטרי
