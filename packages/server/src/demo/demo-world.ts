import { type LineCategory, SHOP_KINDS, type ShopKind, TMALL_SHOP } from './catalog.js';
import { Random } from './random.js';

/** One item a demo shop sells, at its own price. */
export interface DemoItem {
  readonly id: string;
  readonly name: string;
  /** Unit price, fen. */
  readonly price: number;
  readonly category: LineCategory;
  readonly virtual: boolean;
}

/** A demo shop and the temperament that shapes its history. */
export interface DemoShop {
  readonly id: string;
  readonly name: string;
  readonly market: 'taobao' | 'tmall';
  readonly kind: ShopKind;
  readonly items: readonly DemoItem[];
  /** Probability that an uneventful order leaves its buyer satisfied (0.91–0.995). */
  readonly quality: number;
  /** Share of orders shipped after the promised time (L1, L3). */
  readonly lateRate: number;
  /** How attentive its customer service is, 0–1: explanations, quick answers, rating buyers. */
  readonly care: number;
  /** Shipping charged per order (fen) and the goods amount from which it is free; `null`: always free (包邮). */
  readonly shipping: { readonly fee: number; readonly freeOver: number } | null;
}

/** The sizes of a demo marketplace. */
export interface DemoSizes {
  readonly shops: number;
  readonly buyers: number;
  readonly orders: number;
}

/** The shops and buyers of a demo, and who to sign in as. */
export interface DemoWorld {
  readonly shops: readonly DemoShop[];
  readonly buyers: readonly string[];
  readonly signIns: { readonly seller: string; readonly buyer: string; readonly staff: string };
}

const pad = (n: number, count: number) => String(n).padStart(Math.max(2, String(count).length), '0');

/**
 * Shop names in the order shops are created: one of each kind first (the second shop is the Tmall
 * flagship), so even a three-shop demo mixes kinds and markets; then the other names, then numbered
 * branches once the names run out.
 */
function shopSlots(count: number): Array<{ name: string; kind: ShopKind; market: 'taobao' | 'tmall' }> {
  const byKey = new Map(SHOP_KINDS.map((k) => [k.key, k]));
  const slots: Array<{ name: string; kind: ShopKind; market: 'taobao' | 'tmall' }> = [];
  const rounds = Math.max(...SHOP_KINDS.map((k) => k.shopNames.length));
  for (let round = 0; round < rounds; round++) {
    for (const kind of SHOP_KINDS) {
      const name = kind.shopNames[round];
      if (name) slots.push({ name, kind, market: 'taobao' });
    }
  }
  slots.splice(1, 0, { name: TMALL_SHOP.name, kind: byKey.get(TMALL_SHOP.kind)!, market: 'tmall' });
  const named = slots.length;
  for (let i = named; i < count; i++) {
    const base = slots[i % named]!;
    slots.push({ ...base, name: `${base.name}${Math.floor(i / named) + 1}号店` });
  }
  return slots.slice(0, count);
}

/** The shops and buyers for `sizes`, a function of the seed only. */
export function createDemoWorld(seed: number, sizes: DemoSizes): DemoWorld {
  const shops = shopSlots(sizes.shops).map((slot, index): DemoShop => {
    const rng = Random.derive(seed, 1, index);
    const id = `shop${pad(index + 1, sizes.shops)}`;
    const items = slot.kind.items.map(
      (item, i): DemoItem => ({
        id: `${id}-item${i + 1}`,
        name: item.name,
        // Prices end in 0 fen like real listings: whole yuan minus a round discount.
        price: Math.round(rng.int(item.price[0], item.price[1]) / 10) * 10,
        category: item.category ?? slot.kind.category,
        virtual: slot.kind.virtual ?? false,
      }),
    );
    // Big, established shops (low index) tend to be the better run ones; the Tmall flagship is careful.
    const seniority = 1 - index / Math.max(1, sizes.shops);
    const quality = Math.min(0.995, rng.between(0.91, 0.96) + 0.035 * seniority + (slot.market === 'tmall' ? 0.02 : 0));
    return {
      id,
      name: slot.name,
      market: slot.market,
      kind: slot.kind,
      items,
      quality,
      lateRate: rng.between(0.003, 0.03) * (slot.market === 'tmall' ? 0.3 : 1),
      care: Math.min(1, rng.between(0.3, 0.9) + 0.1 * seniority),
      shipping:
        !slot.kind.virtual && rng.chance(0.3) ? { fee: rng.pick([600, 800, 1_000, 1_200]), freeOver: 9_900 } : null,
    };
  });
  const buyers = Array.from({ length: sizes.buyers }, (_, i) => `buyer${pad(i + 1, sizes.buyers)}`);
  return { shops, buyers, signIns: { seller: shops[0]!.id, buyer: buyers[0]!, staff: 'staff01' } };
}
