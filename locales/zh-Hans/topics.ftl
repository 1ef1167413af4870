# Names of common news topics in "zh-Hans". Declare the topics a site uses in site.toml `topics`;
# name new ones here (or in the site's own locales/zh-Hans/topics.ftl) as `topic-KEY`.

topic-security = 安全
topic-diplomacy = 外交
topic-economy = 经济
topic-energy = 能源
topic-migration = 移民
topic-politics = 政治
topic-health = 健康
topic-climate = 气候
topic-technology = 科技
topic-trade = 贸易
topic-culture = 文化
topic-sports = 体育
topic-education = 教育
topic-water = 水资源
topic-agriculture = 农业
topic-elections = 选举
topic-rights = 人权
topic-media = 媒体
topic-transport = 交通
topic-humanitarian = 人道主义事务
