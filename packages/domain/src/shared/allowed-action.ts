import type { Instant } from './time.js';

/**
 * One command a caller may send now, and until when (`null`: no deadline of its own). Views carry
 * these so that a client shows exactly the buttons the rules allow and never decides by itself.
 */
export interface AllowedAction<A extends string = string> {
  readonly action: A;
  readonly until: Instant | null;
}
