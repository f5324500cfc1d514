/// Loupe's short-video taxonomy: the kinds of video Chinese short-video platforms sort into,
/// with PAI's sample class names (生活, 体育, 旅游, 三农, …). Written for Loupe; the order is the
/// order ties are broken in.
public enum VideoTaxonomy {
  public static let categories: [VideoCategory] = [
    category("生活", "Lifestyle", "日常生活记录、家居、购物、vlog、家人朋友", "everyday life, home, shopping, vlog, family and friends"),
    category(
      "体育",
      "Sports",
      "体育比赛、篮球、足球、网球、运动员、健身、跑步",
      "sports match, basketball, football, tennis, athletes, workout, running"
    ),
    category(
      "旅游",
      "Travel",
      "旅行、风景、名胜古迹、山川湖海、城市街景、酒店",
      "travel, scenery, landmarks, mountains, lakes, sea, city streets, hotel"
    ),
    category(
      "三农",
      "Rural life and farming",
      "农村、农业、种植、庄稼、农田、家畜、拖拉机",
      "countryside, farming, crops, fields, livestock, tractor, harvest"
    ),
    category("美食", "Food", "美食、烹饪、做菜、餐厅、小吃、甜点、饮品", "food, cooking, recipes, restaurant, snacks, dessert, drinks"),
    category("动漫", "Anime and animation", "动漫、动画片、卡通、漫画、二次元", "anime, animated film, cartoon, comics, manga"),
    category("音乐", "Music", "音乐、唱歌、乐器、演唱会、吉他、钢琴、乐队", "music, singing, instruments, concert, guitar, piano, band"),
    category(
      "科技",
      "Technology",
      "科技、数码产品开箱、智能手机、电脑、电子设备、航天、机器人",
      "technology, gadget unboxing, smartphone, computer, electronics, spaceflight, robot"
    ),
    category("游戏", "Gaming", "电子游戏、游戏实况、电竞、手游", "video games, gameplay, esports, mobile games"),
    category("汽车", "Cars", "汽车、试驾、驾驶、赛车、摩托车、公路", "cars, test drive, driving, racing, motorcycle, road"),
    category("宠物", "Pets", "宠物、猫、狗、萌宠", "pets, cat, dog, cute animals"),
    category("动物", "Animals and nature", "野生动物、鸟类、海洋生物、大自然", "wildlife, birds, sea creatures, nature documentary"),
    category("时尚", "Fashion and beauty", "时尚、穿搭、服装、化妆、美妆、护肤", "fashion, outfits, clothing, makeup, beauty, skincare"),
    category("教育", "Education", "教育、知识讲解、课堂、学习、科普", "education, lecture, classroom, learning, popular science"),
    category("影视", "Film and TV", "电影、电视剧、影视剪辑、明星", "movies, TV series, film clips, celebrities"),
    category("搞笑", "Comedy", "搞笑、幽默、段子、恶搞", "comedy, funny, humor, pranks"),
    category("舞蹈", "Dance", "舞蹈、跳舞、街舞、芭蕾", "dance, dancing, street dance, ballet"),
    category("亲子", "Parenting and kids", "亲子、育儿、婴儿、儿童、玩具", "parenting, baby, children, toys"),
    category("新闻", "News", "新闻、时事、报道、采访", "news, current affairs, report, interview"),
    category("军事", "Military", "军事、军队、武器、战斗机、军舰", "military, army, weapons, fighter jet, warship"),
    category("家居", "Home and garden", "家居、装修、家具、园艺、花草", "home decor, renovation, furniture, gardening, plants"),
    category("财经", "Finance", "财经、股票、投资、理财、商业", "finance, stocks, investing, money, business"),
  ]

  private static func category(_ chinese: String, _ english: String, _ zh: String, _ en: String) -> VideoCategory {
    VideoCategory(chinese: chinese, english: english, chineseDescription: zh, englishDescription: en)
  }
}
