import type { Backend, VectorField } from './types';

/**
 * PI step-size control (Gustafsson / Söderlind) in diffrax's parametrisation, with Hairer's
 * DOPRI5 values as defaults:
 *   accepted step:  factor = safety · err^(−(pcoeff+icoeff)/k) · errPrev^(pcoeff/k)
 *   rejected step:  factor = safety · err^(−1/k)           (pure I-control, as in Hairer's code)
 * where k = errorOrder + 1 (5 for dopri5), err is the RMS error ratio of this step (≤ 1 accepts),
 * errPrev that of the last accepted step (starts at 1e-4, as Hairer's `facold`).
 * The factor is clamped to [minFactor, maxFactor]; right after a rejection it may not exceed 1
 * (a step that just failed is not grown again at once). A non-finite error (NaN/Inf in the trial
 * state) rejects the step and shrinks it by minFactor.
 *
 * Defaults: safety 0.9, minFactor 0.2, maxFactor 10, pcoeff 0.2, icoeff 0.65
 *  → exponents 0.17 (current error) and 0.04 (previous error), Hairer & Wanner, Solving ODEs I, §II.4.
 */
export interface ControllerParams {
  safety: number;
  minFactor: number;
  maxFactor: number;
  pcoeff: number;
  icoeff: number;
  /** Order of the embedded estimate (4 for dopri5). */
  errorOrder: number;
}

export const CONTROLLER_DEFAULTS = {
  safety: 0.9,
  minFactor: 0.2,
  maxFactor: 10,
  pcoeff: 0.2,
  icoeff: 0.65,
} as const;

/** errPrev starts here: Hairer's facold = 1e-4 (a mild brake on the first growth). */
export const INITIAL_PREV_ERROR = 1e-4;

/** Multiplicative change of |h| after a step with error ratio `err` (accepted iff err ≤ 1). */
export function stepFactor(
  p: ControllerParams,
  err: number,
  errPrev: number,
  lastRejected: boolean,
): number {
  const k = p.errorOrder + 1;
  if (!(err <= 1)) {
    // Rejected (NaN lands here too).
    if (!Number.isFinite(err)) return p.minFactor;
    return Math.max(p.minFactor, p.safety * Math.pow(err, -1 / k));
  }
  let factor =
    err === 0
      ? p.maxFactor
      : p.safety * Math.pow(err, -(p.pcoeff + p.icoeff) / k) * Math.pow(errPrev, p.pcoeff / k);
  factor = Math.min(p.maxFactor, Math.max(p.minFactor, factor));
  if (lastRejected) factor = Math.min(1, factor);
  return factor;
}

/**
 * Hairer's automatic first step (Solving ODEs I, §II.4; torchdiffeq `_select_initial_step`):
 * make an explicit Euler step of a size guessed from |y0| / |f0|, look at how much f changes,
 * and pick h so that the local error of an order-`errorOrder` method would be about 0.01.
 * Costs one evaluation of f. Returns |h| (at most `span`).
 */
export function selectInitialStep<V>(
  f: VectorField<V>,
  t0: number,
  y0: V,
  f0: V,
  direction: 1 | -1,
  errorOrder: number,
  rtol: number,
  atol: number,
  span: number,
  backend: Backend<V>,
  channels?: number,
): number {
  return backend.scope(() => {
    const d0 = backend.errorNorm(y0, y0, y0, rtol, atol, channels);
    const d1 = backend.errorNorm(f0, y0, y0, rtol, atol, channels);
    let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
    h0 = Math.min(h0, span);
    const y1 = backend.linComb(y0, direction * h0, [1], [f0]);
    const f1 = f(t0 + direction * h0, y1);
    const d2 = backend.errorNorm(backend.linComb(f1, -1, [1], [f0]), y0, y0, rtol, atol, channels) / h0;
    const h1 =
      d1 <= 1e-15 && d2 <= 1e-15
        ? Math.max(1e-6, h0 * 1e-3)
        : Math.pow(0.01 / Math.max(d1, d2), 1 / (errorOrder + 1));
    const h = Math.min(100 * h0, h1, span);
    // A non-finite trial (f undefined a little ahead) falls back to the cautious guess;
    // the stepping loop then rejects and reports properly.
    return Number.isFinite(h) && h > 0 ? h : h0;
  });
}
