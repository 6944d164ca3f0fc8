import type { ButcherTableau } from './tableau';

/** The classical fourth-order Runge–Kutta method. */
export const rk4: ButcherTableau = {
  name: 'rk4',
  c: [0, 1 / 2, 1 / 2, 1],
  a: [[], [1 / 2], [0, 1 / 2], [0, 0, 1]],
  b: [1 / 6, 1 / 3, 1 / 3, 1 / 6],
  order: 4,
  fsal: false,
};
