# Names of common news topics in "fr". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/fr/topics.ftl) as `topic-KEY`.

topic-security = Sécurité
topic-diplomacy = Diplomatie
topic-economy = Économie
topic-energy = Énergie
topic-migration = Migrations
topic-politics = Politique
topic-health = Santé
topic-climate = Climat
topic-technology = Technologie
topic-trade = Commerce
topic-culture = Culture
topic-sports = Sport
topic-education = Éducation
topic-water = Eau
topic-agriculture = Agriculture
topic-elections = Élections
topic-rights = Droits humains
topic-media = Médias
topic-transport = Transports
topic-humanitarian = Affaires humanitaires
