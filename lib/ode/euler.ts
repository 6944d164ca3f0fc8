import type { ButcherTableau } from './tableau';

/** Forward Euler: first order, one stage. */
export const euler: ButcherTableau = {
  name: 'euler',
  c: [0],
  a: [[]],
  b: [1],
  order: 1,
  fsal: false,
};
