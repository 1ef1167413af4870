# Names of common news topics. Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/en/topics.ftl) as `topic-KEY`.

topic-security = Security
topic-diplomacy = Diplomacy
topic-economy = Economy
topic-energy = Energy
topic-migration = Migration
topic-politics = Politics
topic-health = Health
topic-climate = Climate
topic-technology = Technology
topic-trade = Trade
topic-culture = Culture
topic-sports = Sports
topic-education = Education
topic-water = Water
topic-agriculture = Agriculture
topic-elections = Elections
topic-rights = Human rights
topic-media = Media
topic-transport = Transport
topic-humanitarian = Humanitarian affairs
