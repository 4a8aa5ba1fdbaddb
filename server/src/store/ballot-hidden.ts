import type { Ballot } from '@quorum/shared';

/** The ballot with its hidden flag set, spelled as the stores read it back (absent when false). */
export function withHidden(ballot: Ballot, hidden: boolean): Ballot {
  const { hidden: _old, ...rest } = ballot;
  return hidden ? { ...rest, hidden: true } : rest;
}
