import type { Random } from './random.js';

/**
 * Chinese texts the demo's buyers and sellers write, composed from fragments so that thousands of
 * reviews do not read alike. Written for the demo (no real reviews are copied).
 */
const GOOD_GENERIC = [
  '质量很好，和描述的一样，好评！',
  '物流超快，隔天就到了，包装也很严实。',
  '客服态度特别好，有问必答，很耐心。',
  '第二次回购了，一如既往的好。',
  '性价比很高，这个价格买到很值。',
  '东西不错，已经推荐给朋友了。',
  '包装精美，送人很有面子。',
  '和图片一致，没有色差，满意。',
  '发货速度快，快递小哥服务也好。',
  '做工精细，细节处理得很到位。',
  '整体很满意，下次还来。',
  '比实体店便宜不少，好评！',
];

const GOOD_BY_KIND: Record<string, readonly string[]> = {
  womenswear: [
    '面料舒服不起球，尺码标准，穿上很显瘦。',
    '版型好看，颜色温柔，上身比图片还好看。',
    '洗了一次没有缩水也没掉色。',
  ],
  outdoor: ['跑了十公里脚不累，缓震效果明显。', '面料速干，夏天穿很清爽。', '上周末爬山试过了，防风效果很好。'],
  snacks: ['味道很正宗，日期也很新鲜。', '分量足，办公室同事都说好吃。', '辣度刚好，一包接一包停不下来。'],
  tea: ['汤色清亮，入口回甘，是正宗的味道。', '茶叶条索完整，冲了好几泡还有香气。', '包装很有档次，送长辈很合适。'],
  beauty: ['用了一周皮肤水润很多，不油腻。', '质地清爽好吸收，敏感肌也没有不适。', '专柜验过了，是正品，放心。'],
  digital: ['音质清晰，降噪效果不错，续航够一整天。', '充电速度很快，发热也不严重。', '手感很好，做工扎实，没有异味。'],
  fresh: ['到货很新鲜，个头大，很甜。', '冰袋还没化，螃蟹都是活蹦乱跳的。', '果子饱满多汁，家里老人孩子都爱吃。'],
  home: ['纯棉的很亲肤，洗完也不掉色。', '锅真的不粘，煎蛋很好用。', '保温效果很好，早上的热水晚上还是温的。'],
  custom: [
    '刻字很清晰，字体好看，送人很有心意。',
    '照片印得很清楚，颜色还原度高。',
    '画得太像了，就是我家猫主子本尊。',
  ],
  books: ['印刷清晰，纸张厚实，孩子很喜欢。', '正版图书，包装完好没有折角。', '送货快，书保存得很好。'],
  health: ['测量准确，和医院测的差不多。', '操作简单，家里老人也会用。', '佩戴舒适，不勒耳朵。'],
  recharge: ['秒到账，很方便。', '激活码一次就激活成功了，是正版。', '充值很快，下次还来。'],
};

const NEUTRAL = [
  '一般般吧，和图片有点色差。',
  '东西还行，就是物流有点慢。',
  '中规中矩，对得起这个价格。',
  '质量一般，没有想象中好。',
  '尺码偏小，建议大家拍大一码。',
  '包装有点简陋，东西倒是没坏。',
  '可能不太适合我，说不上好也说不上坏。',
  '客服回复有点慢，问题最后还是解决了。',
];

const BAD = [
  '收到的时候就是坏的，联系客服半天没人理。',
  '质量太差了，用了两次就坏了。',
  '和描述完全不一样，感觉被骗了。',
  '做工粗糙，线头很多，还有一股异味。',
  '包装破损，里面的东西都压坏了。',
  '客服态度很差，售后推来推去。',
  '怀疑不是正品，和专柜的对比差别很大。',
  '退换货太麻烦了，再也不会来了。',
];

const LATE = [
  '承诺48小时内发货，结果等了好几天。',
  '发货太慢了，催了好几次才发出来。',
  '发货拖了很久，急用的东西都错过了。',
];

const FOLLOWUP_GOOD = [
  '用了一个月了，依然很好用，推荐。',
  '追评：用了一段时间，没有任何问题，值得购买。',
  '已经回购第二次了，品质很稳定。',
  '家人都很喜欢，又买了一份送人。',
  '用久了更觉得好，当初没选错。',
];

const FOLLOWUP_BAD = [
  '用了几天问题更明显了，不推荐。',
  '追评：没多久就坏了，售后也不管。',
  '后来发现有瑕疵，希望商家改进。',
  '用了一段时间，和刚收到时差别很大，失望。',
];

const EXPLAIN_NEGATIVE = [
  '亲，非常抱歉给您带来不好的体验，客服已经联系您处理，请留意旺旺消息。',
  '亲，本店商品发货前都经过质检，收到有问题可以随时联系我们换货，运费由我们承担。',
  '亲，尺码可以参考详情页的尺码表，不合适的话可以联系客服退换哦。',
  '非常抱歉，您反馈的问题我们已经转给品控部门，会尽快改进。',
];

const EXPLAIN_LATE = [
  '感谢反馈，近期订单太多导致发货延迟，已按平台规则给您补偿，给您添麻烦了。',
  '非常抱歉发货晚了，我们已经增加了打包人手，以后一定按时发货。',
];

const EXPLAIN_POSITIVE = [
  '感谢亲的支持和认可，欢迎再次光临！',
  '谢谢亲的好评，我们会继续努力的～',
  '收到您的好评很开心，祝您生活愉快！',
];

const EXPLAIN_FOLLOWUP = [
  '亲，看到您的追评了，已安排售后专员联系您。',
  '感谢追评，您的建议我们已经反馈给工厂。',
  '谢谢您长期的支持，有任何问题随时找我们。',
];

export type Rating = 'good' | 'neutral' | 'bad';

/** A buyer's review text for a rating; `late` when the order shipped after its promise. */
export function reviewText(rng: Random, kind: string, rating: Rating, late: boolean): string {
  if (rating === 'good') {
    const specific = GOOD_BY_KIND[kind] ?? GOOD_GENERIC;
    if (rng.chance(0.25)) return rng.pick(GOOD_GENERIC);
    return rng.chance(0.5) ? rng.pick(specific) : `${rng.pick(specific)}${rng.pick(GOOD_GENERIC)}`;
  }
  const pool = rating === 'neutral' ? NEUTRAL : BAD;
  if (late && rng.chance(0.7)) return `${rng.pick(LATE)}${rng.chance(0.5) ? rng.pick(pool) : ''}`;
  return rng.pick(pool);
}

export function followupText(rng: Random, satisfied: boolean): string {
  return rng.pick(satisfied ? FOLLOWUP_GOOD : FOLLOWUP_BAD);
}

/** A seller's explanation of a review (F5): apologies for the negative ones (the delay, if late), thanks for the good. */
export function explanationText(rng: Random, on: 'review' | 'followup', rating: Rating, late = false): string {
  if (on === 'followup') return rng.pick(EXPLAIN_FOLLOWUP);
  if (rating === 'good') return rng.pick(EXPLAIN_POSITIVE);
  return rng.pick(late && rng.chance(0.7) ? EXPLAIN_LATE : EXPLAIN_NEGATIVE);
}

const SELLER_GOOD = ['好买家，付款爽快，欢迎再来！', '沟通愉快，期待下次合作。', '优质买家，谢谢支持！'];
const SELLER_NEGATIVE = ['无理由拒收，浪费双方时间。', '沟通困难，要求超出商品说明。'];

/** A seller's review of a buyer (A1: sellers rate buyers too). */
export function sellerReviewText(rng: Random, rating: Rating): string {
  return rng.pick(rating === 'good' ? SELLER_GOOD : SELLER_NEGATIVE);
}

const REFUSALS = [
  '商品已拆封使用，影响二次销售。',
  '退回的商品与我们发出的不一致。',
  '买家未提供质量问题的照片或凭证。',
  '该问题属于正常使用痕迹，不属于质量问题。',
];
const EVIDENCE_BUYER = [
  '附上开箱视频和照片，收到时商品已经损坏。',
  '聊天记录截图：客服承认发错了颜色。',
  '附第三方质检报告，材质与商品页面描述不符。',
];
const EVIDENCE_SELLER = [
  '附发货前的质检照片和出库视频。',
  '物流签收记录显示外包装完好无破损。',
  '买家退回的商品缺少配件，附拆箱照片。',
];
const COMPLAINTS = ['买家以差评要挟，索要额外补偿。', '评价内容与本店商品无关。', '评价中含有辱骂性语言。'];

/** A seller's reason for refusing a refund (H4). */
export function refusalText(rng: Random): string {
  return rng.pick(REFUSALS);
}

/** Evidence a party submits during platform intervention (I2). */
export function evidenceText(rng: Random, by: 'buyer' | 'seller'): string {
  return rng.pick(by === 'buyer' ? EVIDENCE_BUYER : EVIDENCE_SELLER);
}

/** A seller's complaint about a review (F7). */
export function complaintText(rng: Random): string {
  return rng.pick(COMPLAINTS);
}
