# Names of common news topics in "ru". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/ru/topics.ftl) as `topic-KEY`.

topic-security = Безопасность
topic-diplomacy = Дипломатия
topic-economy = Экономика
topic-energy = Энергетика
topic-migration = Миграция
topic-politics = Политика
topic-health = Здравоохранение
topic-climate = Климат
topic-technology = Технологии
topic-trade = Торговля
topic-culture = Культура
topic-sports = Спорт
topic-education = Образование
topic-water = Водные ресурсы
topic-agriculture = Сельское хозяйство
topic-elections = Выборы
topic-rights = Права человека
topic-media = СМИ
topic-transport = Транспорт
topic-humanitarian = Гуманитарная помощь
