import type { Instant } from '@xinyu/domain';
import type { DemoItem, DemoShop, DemoWorld } from './demo-world.js';
import { Random, zipf } from './random.js';

/** One line of a planned order. */
export interface PlannedLine {
  readonly line: string;
  readonly item: DemoItem;
  readonly qty: number;
}

/** An order the demo will place: when, where, by whom, what. */
export interface OrderPlan {
  readonly index: number;
  readonly id: string;
  readonly at: Instant;
  readonly shop: DemoShop;
  readonly buyer: string;
  readonly lines: readonly PlannedLine[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Shanghai (UTC+8) orders by hour of day: quiet nights, a lunch bump, busy evenings. */
const HOUR_WEIGHTS = [3, 2, 1, 1, 1, 1, 2, 3, 5, 6, 7, 7, 8, 7, 6, 6, 6, 6, 7, 9, 11, 12, 11, 7];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
const SHANGHAI = 8 * HOUR;
/** Business grows: the last day of the span sees `1 + GROWTH` times the orders of the first. */
const GROWTH = 0.6;

function hourOfDay(rng: Random): number {
  let roll = rng.next() * HOUR_TOTAL;
  for (let h = 0; h < 24; h++) {
    roll -= HOUR_WEIGHTS[h]!;
    if (roll < 0) return h;
  }
  return 23;
}

/** An instant in [start, end): a day drawn along the growth line, an hour along the day's rhythm. */
function orderInstant(rng: Random, start: Instant, end: Instant): Instant {
  const u = rng.next();
  const x = (-1 + Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2))) / GROWTH;
  const rough = start + x * (end - start);
  const midnight = Math.floor((rough + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const at = midnight + hourOfDay(rng) * HOUR + rng.int(0, HOUR - 1);
  return at >= start && at < end ? at : Math.floor(rough);
}

function pickLines(rng: Random, shop: DemoShop, again: DemoItem | undefined): PlannedLine[] {
  const size = rng.weighted({ one: 85, two: 12, three: 3 });
  const count = shop.kind.virtual || size === 'one' ? 1 : size === 'two' ? 2 : 3;
  const chosen: DemoItem[] = again ? [again] : [];
  while (chosen.length < Math.min(count, shop.items.length)) {
    const item = rng.pick(shop.items);
    if (!chosen.includes(item)) chosen.push(item);
  }
  return chosen.map((item, i) => ({ line: `L${i + 1}`, item, qty: !item.virtual && rng.chance(0.1) ? 2 : 1 }));
}

/**
 * Plans `count` orders over [start, end), numbered in time order: shops by a Zipf law (a few big
 * shops), buyers likewise (a few very active ones), and a quarter of orders from a shop's returning
 * customers, half of those buying the same item again (A3, A4 get something to do).
 */
export function planOrders(seed: number, world: DemoWorld, count: number, start: Instant, end: Instant): OrderPlan[] {
  const rng = Random.derive(seed, 2);
  const times = Array.from({ length: count }, () => orderInstant(rng, start, end)).sort((a, b) => a - b);
  const drawShop = zipf(world.shops.length, 0.8);
  const drawBuyer = zipf(world.buyers.length, 0.5);
  const regulars = new Map<string, Array<{ buyer: string; item: DemoItem }>>();
  const width = Math.max(6, String(count).length);
  return times.map((at, index) => {
    const shop = world.shops[drawShop(rng)]!;
    const known = regulars.get(shop.id) ?? [];
    const returning = known.length > 0 && rng.chance(0.25) ? rng.pick(known) : undefined;
    const buyer = returning?.buyer ?? world.buyers[drawBuyer(rng)]!;
    const lines = pickLines(rng, shop, returning && rng.chance(0.5) ? returning.item : undefined);
    known.push({ buyer, item: lines[0]!.item });
    if (known.length > 200) known.shift();
    regulars.set(shop.id, known);
    return { index, id: `O${String(index + 1).padStart(width, '0')}`, at, shop, buyer, lines };
  });
}
