import { describe, expect, it } from 'vitest';
import { ORDER_TRANSITIONS } from '../order/order-machine.js';
import { REFUND_TRANSITIONS } from '../refund/refund-machine.js';
import { type TransitionTable, targetsOf, transitionTableProblems } from './transition-table.js';

describe('transitionTableProblems', () => {
  it('the order table is sound', () => expect(transitionTableProblems(ORDER_TRANSITIONS, 'placed')).toEqual([]));
  it('the refund table is sound', () => expect(transitionTableProblems(REFUND_TRANSITIONS, 'requested')).toEqual([]));

  it('reports an unknown target and an unreachable state', () => {
    const broken = { a: { go: ['b', 'z'] }, b: {}, c: { back: 'a' } } as unknown as TransitionTable<
      'a' | 'b' | 'c',
      'go' | 'back'
    >;
    expect(transitionTableProblems(broken, 'a')).toEqual(['a --go--> unknown state z', 'c is unreachable from a']);
  });

  it('reads one target or a list', () => {
    expect(targetsOf('a')).toEqual(['a']);
    expect(targetsOf(['a', 'b'] as const)).toEqual(['a', 'b']);
    expect(targetsOf(undefined)).toEqual([]);
  });
});
