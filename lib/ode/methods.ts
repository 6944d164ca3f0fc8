import type { MethodName } from './types';
import type { ButcherTableau } from './tableau';
import { euler } from './euler';
import { midpoint } from './midpoint';
import { rk4 } from './rk4';
import { dormandPrince } from './dormandPrince';

/** The method names accepted by odeint and the tableau each one runs. */
export const TABLEAUS: Readonly<Record<MethodName, ButcherTableau>> = {
  euler,
  midpoint,
  rk4,
  dopri5: dormandPrince,
};

/** Methods with an embedded error estimate can adapt their step; the others need stepSize/stepsPerInterval. */
export function isAdaptive(tab: ButcherTableau): boolean {
  return tab.bErr !== undefined;
}
