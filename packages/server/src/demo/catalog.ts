/**
 * What the demo marketplace sells: shop kinds with their Chinese shop names, items and price
 * ranges (fen), the rules category of their lines, and how they ship. Written for the demo.
 */
export type LineCategory =
  | 'general'
  | 'food'
  | 'cosmetics'
  | 'medical_device'
  | 'electronics'
  | 'clothing'
  | 'custom_made'
  | 'fresh'
  | 'audio_video_software'
  | 'periodical';

export interface CatalogItem {
  readonly name: string;
  /** Lowest and highest unit price, fen. */
  readonly price: readonly [number, number];
  /** Overrides the shop kind's category (a magazine in a bookshop). */
  readonly category?: LineCategory;
}

export interface ShopKind {
  readonly key: string;
  /** The kind as shown, zh-CN. */
  readonly label: string;
  readonly category: LineCategory;
  readonly shopNames: readonly string[];
  readonly items: readonly CatalogItem[];
  /** L1: hours the listing promises to ship within (default 48). */
  readonly promisedShipHours?: number;
  /** Virtual goods: shipped by `virtual`, confirmed after 3 days (G1). */
  readonly virtual?: boolean;
  /** K: buyers of this kind may send goods back without a reason. */
  readonly sevenDayReturns: boolean;
}

export const SHOP_KINDS: readonly ShopKind[] = [
  {
    key: 'womenswear',
    label: '女装',
    category: 'clothing',
    shopNames: ['南风衣橱', '棉麻小筑原创女装', '初夏家服饰', '沐光设计工作室'],
    items: [
      { name: '法式碎花连衣裙', price: [12_900, 25_900] },
      { name: '纯棉宽松短袖T恤', price: [3_900, 7_900] },
      { name: '高腰直筒牛仔裤', price: [8_900, 16_900] },
      { name: '羊毛针织开衫', price: [15_900, 32_900] },
      { name: '白鸭绒轻薄羽绒服', price: [29_900, 59_900] },
      { name: '冰丝垂感阔腿裤', price: [5_900, 9_900] },
    ],
    sevenDayReturns: true,
  },
  {
    key: 'outdoor',
    label: '运动户外',
    category: 'clothing',
    shopNames: ['北岭户外装备', '速跑运动专营店', '山野行者'],
    items: [
      { name: '速干运动T恤', price: [4_900, 9_900] },
      { name: '防风防水冲锋衣', price: [25_900, 69_900] },
      { name: '缓震跑步鞋', price: [19_900, 45_900] },
      { name: '轻量登山双肩包', price: [12_900, 29_900] },
      { name: '瑜伽垫加厚款', price: [3_900, 8_900], category: 'general' },
    ],
    sevenDayReturns: true,
  },
  {
    key: 'snacks',
    label: '零食特产',
    category: 'food',
    shopNames: ['山里来坚果铺', '巴蜀味道特产店', '老街口零食铺'],
    items: [
      { name: '每日坚果30包礼盒', price: [6_900, 12_900] },
      { name: '麻辣牛肉干500g', price: [4_900, 8_900] },
      { name: '柳州螺蛳粉5袋装', price: [3_900, 5_900] },
      { name: '新疆若羌灰枣1kg', price: [2_900, 4_900] },
      { name: '古法手工红糖', price: [1_900, 3_900] },
      { name: '辣条大礼包', price: [990, 2_990] },
    ],
    sevenDayReturns: true,
  },
  {
    key: 'tea',
    label: '茶叶',
    category: 'food',
    shopNames: ['龙井山茶农直销', '一叶知茶', '云岭普洱茶庄'],
    items: [
      { name: '明前西湖龙井250g', price: [19_800, 58_800] },
      { name: '武夷山正山小种红茶', price: [9_800, 26_800] },
      { name: '云南普洱七子饼357g', price: [12_800, 39_800] },
      { name: '福鼎白茶寿眉饼', price: [8_800, 19_800] },
      { name: '茉莉花茶罐装', price: [3_800, 6_800] },
    ],
    sevenDayReturns: true,
  },
  {
    key: 'beauty',
    label: '美妆护肤',
    category: 'cosmetics',
    shopNames: ['小雏菊美妆', '水光实验室', '素颜研究所'],
    items: [
      { name: '氨基酸洁面乳', price: [3_900, 8_900] },
      { name: '玻尿酸补水面膜10片', price: [4_900, 9_900] },
      { name: '清透防晒乳SPF50', price: [6_900, 15_900] },
      { name: '丝绒雾面口红', price: [7_900, 19_900] },
      { name: '修护精华水', price: [12_900, 36_900] },
      { name: '温和卸妆油', price: [5_900, 12_900] },
    ],
    sevenDayReturns: true,
  },
  {
    key: 'digital',
    label: '数码配件',
    category: 'electronics',
    shopNames: ['极客数码', '声阔音频', '小鹿数码配件'],
    items: [
      { name: '真无线蓝牙耳机', price: [9_900, 49_900] },
      { name: '20000mAh充电宝', price: [7_900, 15_900] },
      { name: '65W氮化镓快充头', price: [5_900, 12_900] },
      { name: '机械键盘青轴', price: [19_900, 49_900] },
      { name: '智能运动手环', price: [12_900, 29_900] },
      { name: '手机钢化膜两片装', price: [990, 2_990] },
    ],
    sevenDayReturns: true,
  },
  {
    key: 'fresh',
    label: '生鲜水果',
    category: 'fresh',
    shopNames: ['赣南果园直发', '阳澄湖蟹庄', '海边渔家'],
    items: [
      { name: '赣南脐橙5斤装', price: [3_900, 6_900] },
      { name: '阳澄湖大闸蟹4对礼盒', price: [29_800, 69_800] },
      { name: '智利车厘子2斤', price: [9_900, 19_900] },
      { name: '鲜活基围虾1斤', price: [5_900, 9_900] },
      { name: '云南蓝莓4盒', price: [4_900, 8_900] },
    ],
    promisedShipHours: 24,
    sevenDayReturns: false,
  },
  {
    key: 'home',
    label: '家居日用',
    category: 'general',
    shopNames: ['木语家居', '暖窝家纺', '厨房好物铺'],
    items: [
      { name: '纯棉四件套', price: [19_900, 49_900] },
      { name: '记忆棉护颈枕', price: [6_900, 15_900] },
      { name: '不粘炒锅32cm', price: [8_900, 22_900] },
      { name: '316不锈钢保温杯', price: [4_900, 12_900] },
      { name: '加厚收纳箱3个装', price: [3_900, 7_900] },
      { name: '香薰蜡烛礼盒', price: [5_900, 12_900] },
    ],
    sevenDayReturns: true,
  },
  {
    key: 'custom',
    label: '个性定制',
    category: 'custom_made',
    shopNames: ['刻印时光定制馆', '拾光照片定制'],
    items: [
      { name: '定制刻字钢笔', price: [8_900, 25_900] },
      { name: '定制照片抱枕', price: [4_900, 8_900] },
      { name: '手写体定制项链', price: [12_900, 29_900] },
      { name: '定制宠物肖像画', price: [19_900, 59_900] },
    ],
    promisedShipHours: 120,
    sevenDayReturns: false,
  },
  {
    key: 'books',
    label: '图书期刊',
    category: 'general',
    shopNames: ['书香阁图书专营', '半亩方塘书店'],
    items: [
      { name: '儿童绘本套装10册', price: [6_900, 15_900] },
      { name: '考研英语词汇书', price: [2_900, 5_900] },
      { name: '《读者》杂志半年订阅', price: [4_800, 4_800], category: 'periodical' },
      { name: '科幻小说典藏版', price: [5_900, 12_900] },
    ],
    sevenDayReturns: true,
  },
  {
    key: 'health',
    label: '医疗器械',
    category: 'medical_device',
    shopNames: ['康宁医疗器械专营'],
    items: [
      { name: '电子体温计', price: [1_990, 4_990] },
      { name: '上臂式电子血压计', price: [12_900, 29_900] },
      { name: '医用外科口罩50只', price: [1_590, 2_990] },
    ],
    sevenDayReturns: true,
  },
  {
    key: 'recharge',
    label: '充值会员',
    category: 'general',
    shopNames: ['畅想充值中心'],
    items: [
      { name: '视频会员月卡', price: [1_500, 2_500] },
      { name: '话费充值50元', price: [4_980, 4_990] },
      { name: '正版杀毒软件激活码', price: [5_900, 9_900], category: 'audio_video_software' },
    ],
    virtual: true,
    sevenDayReturns: false,
  },
];

/** The one shop on Tmall rules (F6: its reviews cannot be changed): a flagship store. */
export const TMALL_SHOP = { name: '优品数码官方旗舰店', kind: 'digital' } as const;
