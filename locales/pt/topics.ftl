# Names of common news topics in "pt". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/pt/topics.ftl) as `topic-KEY`.

topic-security = Segurança
topic-diplomacy = Diplomacia
topic-economy = Economia
topic-energy = Energia
topic-migration = Migração
topic-politics = Política
topic-health = Saúde
topic-climate = Clima
topic-technology = Tecnologia
topic-trade = Comércio
topic-culture = Cultura
topic-sports = Esportes
topic-education = Educação
topic-water = Água
topic-agriculture = Agricultura
topic-elections = Eleições
topic-rights = Direitos humanos
topic-media = Mídia
topic-transport = Transportes
topic-humanitarian = Assuntos humanitários
