import type { Instant } from '@xinyu/domain';
import { complainAboutReview } from '../app/reviews/complain-about-review.js';
import { deleteReview } from '../app/reviews/delete-review.js';
import { explainReview } from '../app/reviews/explain-review.js';
import { followUpReview } from '../app/reviews/follow-up-review.js';
import { modifyReview } from '../app/reviews/modify-review.js';
import { rateReview } from '../app/reviews/rate-review.js';
import { ruleOnComplaint } from '../app/reviews/rule-on-complaint.js';
import { act, DAY, HOUR, later, MINUTE, type OrderRun, soon } from './order-run.js';
import type { Random } from './random.js';
import {
  complaintText,
  explanationText,
  followupText,
  type Rating,
  reviewText,
  sellerReviewText,
} from './review-texts.js';

type Star = 1 | 2 | 3 | 4 | 5;

/**
 * Reviews once the order succeeded: most buyers rate within the 15-day window (F1) with shop
 * ratings (E1), some sellers rate their buyers; the silent party's default review (F2) comes from
 * the window's timer. Negative reviews draw explanations (F5), changes to good or deletions (F6),
 * complaints (F7); some buyers follow up weeks later (F4).
 */
export function startReviews(run: OrderRun, successAt: Instant): void {
  if (run.reviewing) return;
  run.reviewing = true;
  const { rng, plan, sim } = run;
  if (rng.chance(run.troubled ? 0.9 : 0.76)) {
    const delay = rng.chance(0.4) ? soon(rng, 10 * MINUTE, DAY) : soon(rng, DAY, 14 * DAY);
    const rating = buyerMood(run);
    sim.at(successAt + delay, () => buyerRates(run, rating, successAt));
  }
  if (rng.chance(0.2 + 0.45 * plan.shop.care)) {
    sim.at(successAt + soon(rng, HOUR, 14 * DAY), () => sellerRates(run));
  }
}

function buyerMood(run: OrderRun): Rating {
  const { rng } = run;
  const satisfied = run.plan.shop.quality - (run.late ? 0.2 : 0) - (run.troubled ? 0.5 : 0);
  if (rng.chance(Math.max(0.05, satisfied))) return 'good';
  return rng.chance(0.45) ? 'neutral' : 'bad';
}

function star(rng: Random, weights: Readonly<Record<'1' | '2' | '3' | '4' | '5', number>>): Star {
  return Number(rng.weighted(weights)) as Star;
}

/** E1: shop ratings that follow the review; a late shipment costs logistics a star or two. */
function shopRatings(rng: Random, rating: Rating, late: boolean) {
  const weights =
    rating === 'good'
      ? { 5: 85, 4: 13, 3: 2, 2: 0, 1: 0 }
      : rating === 'neutral'
        ? { 5: 5, 4: 30, 3: 45, 2: 15, 1: 5 }
        : { 5: 2, 4: 5, 3: 18, 2: 30, 1: 45 };
  const logistics = star(rng, weights);
  return {
    description: star(rng, weights),
    service: star(rng, weights),
    logistics: late ? (Math.max(1, logistics - rng.int(1, 2)) as Star) : logistics,
  };
}

async function buyerRates(run: OrderRun, rating: Rating, successAt: Instant): Promise<void> {
  const { rng, plan } = run;
  const withText = rating !== 'good' || rng.chance(0.7);
  const withDsr = rng.chance(0.93);
  const anonymous = rng.chance(0.12);
  let first = true;
  for (const line of plan.lines) {
    if (run.refundedLines.has(line.line)) continue;
    const text = withText ? reviewText(rng, plan.shop.kind.key, rating, run.late) : undefined;
    const rated = await act(run, (uow) =>
      rateReview(uow, plan.id, line.line, {
        by: 'buyer',
        rating,
        ...(text ? { text } : {}),
        anonymous,
        ...(withDsr ? { dsr: shopRatings(rng, rating, run.late) } : {}),
      }),
    );
    if (rated && first) reactToReview(run, line.line, rating, successAt);
    first = false;
  }
}

/** What follows a buyer's review of the order's first line. */
function reactToReview(run: OrderRun, line: string, rating: Rating, successAt: Instant): void {
  const { rng, plan, sim } = run;
  const care = plan.shop.care;
  const id = plan.id;
  const explainChance = rating === 'good' ? 0.04 * care : 0.25 + 0.65 * care;
  if (rng.chance(explainChance)) {
    const text = explanationText(rng, 'review', rating, run.late);
    later(run, soon(rng, HOUR, 3 * DAY), (r) =>
      act(r, (uow) => explainReview(uow, id, line, { by: 'seller', on: 'review', text })),
    );
  }
  let settled: Rating | 'deleted' = rating;
  if (rating !== 'good') {
    if (rng.chance(0.1)) {
      const reason = complaintText(rng);
      const upheld = rng.chance(0.45);
      later(run, soon(rng, 2 * HOUR, 5 * DAY), async (r) => {
        if (!(await act(r, (uow) => complainAboutReview(uow, id, line, { by: 'seller', reason })))) return;
        later(r, soon(rng, DAY, 6 * DAY), (s) => act(s, (uow) => ruleOnComplaint(uow, id, line, upheld)));
      });
    }
    // F6: after the seller sorted things out, some buyers change to good, a few delete (never on Tmall).
    const change = plan.shop.market === 'tmall' ? 'keep' : rng.weighted({ modify: 22, delete: 5, keep: 73 });
    if (change === 'modify') {
      settled = 'good';
      later(run, soon(rng, DAY, 20 * DAY), (r) => act(r, (uow) => modifyReview(uow, id, line, 'buyer', 'good')));
    } else if (change === 'delete') {
      settled = 'deleted';
      later(run, soon(rng, DAY, 25 * DAY), (r) => act(r, (uow) => deleteReview(uow, id, line, 'buyer')));
    }
  }
  // F4: a follow-up needs the buyer's review, so never after a deletion.
  if (settled !== 'deleted' && rng.chance(0.12)) {
    const text = followupText(rng, settled === 'good');
    sim.at(successAt + rng.between(16 * DAY, 120 * DAY), async () => {
      if (!(await act(run, (uow) => followUpReview(uow, id, line, text)))) return;
      if (settled !== 'good' && rng.chance(0.3 + 0.5 * care)) {
        const answer = explanationText(rng, 'followup', settled);
        later(run, soon(rng, HOUR, 5 * DAY), (r) =>
          act(r, (uow) => explainReview(uow, id, line, { by: 'seller', on: 'followup', text: answer })),
        );
      }
    });
  }
}

async function sellerRates(run: OrderRun): Promise<void> {
  const { rng, plan } = run;
  const rating = run.troubled
    ? rng.weighted({ good: 90, neutral: 7, bad: 3 })
    : rng.weighted({ good: 985, neutral: 10, bad: 5 });
  const text = rng.chance(0.3) ? sellerReviewText(rng, rating) : undefined;
  for (const line of plan.lines) {
    if (run.refundedLines.has(line.line)) continue;
    await act(run, (uow) => rateReview(uow, plan.id, line.line, { by: 'seller', rating, ...(text ? { text } : {}) }));
  }
}
