# Names of common news topics in "de". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/de/topics.ftl) as `topic-KEY`.

topic-security = Sicherheit
topic-diplomacy = Diplomatie
topic-economy = Wirtschaft
topic-energy = Energie
topic-migration = Migration
topic-politics = Politik
topic-health = Gesundheit
topic-climate = Klima
topic-technology = Technologie
topic-trade = Handel
topic-culture = Kultur
topic-sports = Sport
topic-education = Bildung
topic-water = Wasser
topic-agriculture = Landwirtschaft
topic-elections = Wahlen
topic-rights = Menschenrechte
topic-media = Medien
topic-transport = Verkehr
topic-humanitarian = Humanitäre Hilfe
