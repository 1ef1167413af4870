# Names of common news topics in "zh-Hant". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/zh-Hant/topics.ftl) as `topic-KEY`.

topic-security = 安全
topic-diplomacy = 外交
topic-economy = 經濟
topic-energy = 能源
topic-migration = 移民
topic-politics = 政治
topic-health = 健康
topic-climate = 氣候
topic-technology = 科技
topic-trade = 貿易
topic-culture = 文化
topic-sports = 體育
topic-education = 教育
topic-water = 水資源
topic-agriculture = 農業
topic-elections = 選舉
topic-rights = 人權
topic-media = 媒體
topic-transport = 交通
topic-humanitarian = 人道主義事務
