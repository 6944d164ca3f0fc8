import type { ButcherTableau } from './tableau';

/** Explicit midpoint rule: second order, two stages. */
export const midpoint: ButcherTableau = {
  name: 'midpoint',
  c: [0, 1 / 2],
  a: [[], [1 / 2]],
  b: [0, 1],
  order: 2,
  fsal: false,
};
