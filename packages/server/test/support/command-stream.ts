import { Random } from '../../src/demo/random.js';

/**
 * A deterministic stream of HTTP writes for the multi-process tiers (durability, several server
 * processes): orders placed, paid, shipped, confirmed and rated both ways, with changes, deletions,
 * follow-ups and explanations. Writes come in chains, one per buyer–seller pair, that must run in
 * order; different chains may interleave in any way without changing the final state, because
 * every rule that looks across orders (A3, A4, E4) looks within one pair, and totals are sums.
 * Each pair has at most 3 orders with one DSR each and at most 6 reviews per direction, so the
 * monthly caps (A3: 6, E4: 3) never depend on which natural month the wall clock is in.
 */
export interface StreamWrite {
  /** Idempotency-Key, unique in the stream: `ORDER.step`. */
  readonly key: string;
  readonly path: string;
  readonly body?: Record<string, unknown>;
  /** The one event this write records when it succeeds. */
  readonly effect: { readonly aggregateId: string; readonly type: string };
}

/** Writes of one buyer–seller pair, to be sent one after the other. */
export type Chain = readonly StreamWrite[];

/** Every order id of the stream starts with this (and no other aggregate of the tests does). */
export const STREAM_PREFIX = 'P';
const SELLERS = 4;

/**
 * `pairs` chains from `seed`: pair p is seller `S{p mod 4}` and buyer `B{p div 2}`, so a seller's
 * totals and a buyer's are written by several chains at once.
 */
export function commandStream(pairs: number, seed: number): Chain[] {
  return Array.from({ length: pairs }, (_, p) => pairChain(p, Random.derive(seed, p)));
}

function pairChain(p: number, random: Random): Chain {
  const seller = `S${p % SELLERS}`;
  const buyer = `B${Math.floor(p / 2)}`;
  const writes: StreamWrite[] = [];
  const orders = random.int(1, 3);
  for (let n = 1; n <= orders; n++) {
    const order = `${STREAM_PREFIX}${p}-${n}`;
    const at = (step: string, path: string, type: string, aggregateId: string, body?: Record<string, unknown>) =>
      writes.push({ key: `${order}.${step}`, path, ...(body ? { body } : {}), effect: { aggregateId, type } });
    const lines = Array.from({ length: random.int(1, 2) }, (_, i) => ({
      line: `L${i + 1}`,
      // Two items per pair: repeats within 14 days meet A4; ¥1 lines meet A6.
      item: `I${p}-${random.int(1, 2)}`,
      price: random.chance(0.15) ? 100 : 3_900,
    }));
    at('place', '/v1/orders', 'order.placed', order, { order, buyer, seller, lines });
    at('pay', `/v1/orders/${order}/pay`, 'order.paid', order);
    at('ship', `/v1/orders/${order}/ship`, 'order.shipped', order, { method: 'express' });
    at('confirm', `/v1/orders/${order}/confirm`, 'order.succeeded', order);
    for (const { line } of lines) {
      const reviews = `/v1/orders/${order}/lines/${line}/reviews`;
      const byBuyer = `${order}/${line}/buyer`;
      const bySeller = `${order}/${line}/seller`;
      const rating = pick(random, ['good', 'good', 'good', 'neutral', 'bad']);
      at(`${line}.buyer-rates`, reviews, 'review.rated', byBuyer, {
        by: 'buyer',
        rating,
        text: `${rating} ${order}`,
        ...(line === 'L1' ? { dsr: { description: random.int(1, 5), service: random.int(1, 5), logistics: 5 } } : {}),
      });
      let deleted = false;
      if (rating !== 'good' && random.chance(0.6)) {
        if (random.chance(0.6)) {
          at(`${line}.buyer-modifies`, `${reviews}/modify`, 'review.modified', byBuyer, {
            by: 'buyer',
            rating: 'good',
          });
        } else {
          at(`${line}.buyer-deletes`, `${reviews}/delete`, 'review.deleted', byBuyer, { by: 'buyer' });
          deleted = true;
        }
      }
      if (!deleted && line === 'L1' && random.chance(0.3)) {
        at(`${line}.followup`, `${reviews}/followup`, 'review.followed_up', byBuyer, { text: '用了一周，还行' });
      }
      if (!deleted && random.chance(0.3)) {
        at(`${line}.explain`, `${reviews}/explain`, 'review.explained', byBuyer, {
          on: 'review',
          by: 'seller',
          text: '感谢反馈',
        });
      }
      if (random.chance(0.8)) {
        const sellerRating = random.chance(0.85) ? 'good' : 'bad';
        at(`${line}.seller-rates`, reviews, 'review.rated', bySeller, { by: 'seller', rating: sellerRating });
        if (sellerRating === 'bad' && random.chance(0.5)) {
          at(`${line}.seller-modifies`, `${reviews}/modify`, 'review.modified', bySeller, {
            by: 'seller',
            rating: 'good',
          });
        }
      }
    }
  }
  return writes;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[random.int(0, items.length - 1)]!;
}

/** The answer a write finally got, after retrying through dropped connections with the same key. */
export interface Answer {
  readonly write: StreamWrite;
  readonly status: number;
  readonly body: unknown;
  /** `idempotent-replayed: true`: the write had committed before an answer was lost. */
  readonly replayed: boolean;
  /** Attempts that got no answer at all (a killed or not yet listening server). */
  readonly unanswered: number;
}

export interface RunOptions {
  readonly apiKey: string;
  /** Chains sent at once. */
  readonly concurrency: number;
  /** Where the n-th attempt goes (n counts every attempt); may wait for a server to come back. */
  readonly target: (n: number) => string | Promise<string>;
  /** Called after each answer with how many writes have been answered so far. */
  readonly onAnswer?: (answered: number) => void;
  /** How long one write may go without any answer before the run fails, ms (default 60,000). */
  readonly giveUpMs?: number;
}

/** Sends one HTTP write; a network failure (no answer) rejects. */
export async function postWrite(address: string, apiKey: string, key: string, path: string, body?: unknown) {
  const response = await fetch(`${address}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'idempotency-key': key,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    replayed: response.headers.get('idempotent-replayed') === 'true',
  };
}

/**
 * Runs the chains, `concurrency` at a time, each write after the previous one of its chain was
 * answered. A write that gets no answer is sent again with the same Idempotency-Key, as a client
 * must: it either committed (the stored answer comes back) or left nothing behind.
 */
export async function runStream(chains: readonly Chain[], options: RunOptions): Promise<Answer[]> {
  const queue = [...chains];
  const answers: Answer[] = [];
  let attempts = 0;
  const send = async (write: StreamWrite): Promise<Answer> => {
    const started = Date.now();
    for (let unanswered = 0; ; unanswered++) {
      const address = await options.target(attempts++);
      try {
        const answer = await postWrite(address, options.apiKey, write.key, write.path, write.body);
        return { write, ...answer, unanswered };
      } catch (error) {
        if (Date.now() - started > (options.giveUpMs ?? 60_000)) {
          throw new Error(`${write.key} got no answer after ${unanswered + 1} attempts: ${String(error)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const worker = async () => {
    for (let chain = queue.shift(); chain; chain = queue.shift()) {
      for (const write of chain) {
        answers.push(await send(write));
        options.onAnswer?.(answers.length);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return answers;
}
