import type { Backend, VectorField } from './types';
import type { ButcherTableau } from './tableau';

/** One explicit Runge–Kutta step, the only place where a tableau meets a vector field. */
export interface RkStepResult<V> {
  /** The solution at the step end. */
  y1: V;
  /** Stage derivatives k_i = f(t_i, Y_i), i < nStages (k_0 may be the caller's k1). */
  ks: V[];
  /** Stage inputs Y_i (Y_0 = y), only when asked for (the discrete adjoint needs them). */
  inputs?: V[];
}

/**
 * Stage time of stage i. A stage at c = 1 is evaluated at the exact step end `tEnd` (which, for a step
 * that lands on an output time, is that time and not t + h rounded), so a FSAL derivative carried to
 * the next step is f at exactly that step's start.
 */
export function stageTime(tab: ButcherTableau, i: number, t: number, h: number, tEnd: number): number {
  const c = tab.c[i];
  return c === 1 ? tEnd : t + c * h;
}

/**
 * Runs stages 0..nStages-1 and forms y1. `k1` (= f(t, y)) is reused when given (FSAL).
 * With nStages < stages, the dropped stages must have zero b weight and feed no kept stage
 * (dopri5's last stage only serves the error estimate and FSAL).
 */
export function rkStep<V>(
  f: VectorField<V>,
  tab: ButcherTableau,
  backend: Backend<V>,
  t: number,
  tEnd: number,
  y: V,
  h: number,
  k1: V | undefined,
  nStages: number = tab.b.length,
  keepInputs = false,
): RkStepResult<V> {
  const ks: V[] = [k1 ?? f(t, y)];
  const inputs: V[] | undefined = keepInputs ? [y] : undefined;
  let last: V = y;
  for (let i = 1; i < nStages; i++) {
    const Yi = backend.linComb(y, h, tab.a[i], ks);
    if (inputs) inputs.push(Yi);
    ks.push(f(stageTime(tab, i, t, h, tEnd), Yi));
    last = Yi;
  }
  // FSAL: the last stage's input already is y + h Σ b_i k_i.
  const full = nStages === tab.b.length;
  const y1 = tab.fsal && full ? last : backend.linComb(y, h, full ? tab.b : tab.b.slice(0, nStages), ks);
  return { y1, ks, inputs };
}
