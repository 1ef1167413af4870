# Names of common news topics in "es". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/es/topics.ftl) as `topic-KEY`.

topic-security = Seguridad
topic-diplomacy = Diplomacia
topic-economy = Economía
topic-energy = Energía
topic-migration = Migración
topic-politics = Política
topic-health = Salud
topic-climate = Clima
topic-technology = Tecnología
topic-trade = Comercio
topic-culture = Cultura
topic-sports = Deportes
topic-education = Educación
topic-water = Agua
topic-agriculture = Agricultura
topic-elections = Elecciones
topic-rights = Derechos humanos
topic-media = Medios
topic-transport = Transporte
topic-humanitarian = Asuntos humanitarios
