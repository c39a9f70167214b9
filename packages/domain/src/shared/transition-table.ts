/**
 * A literal transition table: for each state, the actions allowed and the state (or the states,
 * when a guard picks one) they lead to.
 */
export type TransitionTable<S extends string, A extends string> = Readonly<
  Record<S, Readonly<Partial<Record<A, S | readonly S[]>>>>
>;

/** The targets an entry names, whether it is one state or a list. */
export function targetsOf<S extends string>(entry: S | readonly S[] | undefined): readonly S[] {
  if (entry === undefined) return [];
  return typeof entry === 'string' ? [entry] : (entry as readonly S[]);
}

/**
 * The problems of a table (empty when sound): a target that is not a state of the table, or a
 * state that cannot be reached from `initial`. Tests assert it is empty for every lifecycle.
 */
export function transitionTableProblems<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  initial: S,
): string[] {
  const states = Object.keys(table) as S[];
  const problems: string[] = [];
  for (const state of states) {
    for (const [action, entry] of Object.entries(table[state]) as [A, S | readonly S[]][]) {
      for (const target of targetsOf(entry)) {
        if (!Object.hasOwn(table, target)) problems.push(`${state} --${action}--> unknown state ${target}`);
      }
    }
  }
  const reached = new Set<S>([initial]);
  const queue: S[] = [initial];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const entry of Object.values(table[state] ?? {}) as (S | readonly S[])[]) {
      for (const target of targetsOf(entry)) {
        if (!reached.has(target) && Object.hasOwn(table, target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
  }
  for (const state of states) if (!reached.has(state)) problems.push(`${state} is unreachable from ${initial}`);
  return problems;
}
