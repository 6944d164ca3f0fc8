import type { AcceptedStep, Backend, OdeSolution, SolverStats, VectorField } from './types';
import type { ButcherTableau } from './tableau';
import { rkStep } from './rkStep';
import { type ControllerParams, INITIAL_PREV_ERROR, selectInitialStep, stepFactor } from './stepSizeController';
import { type DenseStep, makeDenseOutput } from './denseOutput';
import { InvalidInputError, MaxStepsExceededError, StepSizeUnderflowError } from './errors';

/** Fully resolved settings (odeint.ts validates options and fills defaults). */
export interface IntegrateConfig {
  tableau: ButcherTableau;
  /** Fixed steps (no error control) when set. */
  fixed: { stepSize: number } | { stepsPerInterval: number } | null;
  rtol: number;
  atol: number;
  firstStep?: number;
  controller: ControllerParams;
  minStep: number;
  maxSteps: number;
  normChannels?: number;
  recordSteps: boolean;
}

/** What one attempted step hands back out of its memory scope. */
interface Attempt<V> {
  y1: V;
  /** f(t + h, y1) for FSAL tableaus (becomes the next step's first stage). */
  fLast?: V;
  /** Error ratio (≤ 1 accepts); NaN when anything went non-finite. Fixed steps: 0 or NaN. */
  err: number;
  dense?: DenseStep;
}

/** A step that would end within 1% of an output time is stretched to land on it (Hairer's rule): no slivers. */
const LANDING_SLACK = 1.01;

/**
 * The stepping loop, written once for every tableau and backend. Every output time t[i] is the
 * exact end of a step (the last step of each interval is clipped; the state there is the step's
 * result, never an interpolation), which the discrete adjoint relies on.
 * Memory: each attempt runs in backend.scope; the loop owns the current state, the carried FSAL
 * derivative and the outputs, and disposes whatever it owns on any error before rethrowing.
 */
export function integrate<V>(
  f: VectorField<V>,
  z0: V,
  ts: readonly number[],
  cfg: IntegrateConfig,
  backend: Backend<V>,
): OdeSolution<V> {
  const tab = cfg.tableau;
  const stats: SolverStats = { nfe: 0, accepted: 0, rejected: 0 };
  const steps: AcceptedStep[] | undefined = cfg.recordSteps ? [] : undefined;
  const denseSteps: DenseStep[] | undefined = cfg.recordSteps && tab.dense ? [] : undefined;
  const expectedShape = backend.describe(z0);
  let shapeChecked = false;

  const evalF: VectorField<V> = (t, z) => {
    stats.nfe++;
    const out = f(t, z);
    if (!shapeChecked) {
      const got = backend.describe(out);
      if (got !== expectedShape) {
        throw new InvalidInputError(
          `f(t, z) returned shape ${got} but z0 has shape ${expectedShape} (at t = ${t}). ` +
            'The vector field must return a value shaped like the state.',
          t,
        );
      }
      shapeChecked = true;
    }
    return out;
  };

  const ys: V[] = [backend.clone(z0)];
  const finish = (): OdeSolution<V> => {
    const sol: OdeSolution<V> = { ys, stats };
    if (steps) sol.steps = steps;
    if (denseSteps && denseSteps.length > 0) sol.dense = makeDenseOutput(tab, denseSteps);
    return sol;
  };
  if (ts.length === 1) return finish();

  const direction: 1 | -1 = ts[1] > ts[0] ? 1 : -1;
  let t = ts[0];
  let y = ys[0];
  let fCur: V | undefined; // FSAL derivative at (t, y), owned by the loop
  const release = (v: V | undefined): void => {
    if (v !== undefined && !ys.includes(v)) backend.dispose(v);
  };

  // One attempted step in its own scope; returns only what the loop may keep.
  const attempt = (h: number, tEnd: number, withError: boolean): Attempt<V> =>
    backend.scope(() => {
      const { y1, ks } = rkStep(evalF, tab, backend, t, tEnd, y, h, tab.fsal ? fCur : undefined);
      let err: number;
      if (withError && tab.bErr) {
        err = backend.errorNorm(backend.linComb(null, h, tab.bErr, ks), y, y1, cfg.rtol, cfg.atol, cfg.normChannels);
      } else {
        err = backend.allFinite(y1) ? 0 : NaN;
      }
      const out: Attempt<V> = { y1, err };
      if (tab.fsal) out.fLast = ks[ks.length - 1];
      if (denseSteps && err <= 1) {
        out.dense = { t, h, y0: backend.toFloat64(y), ks: ks.map((k) => backend.toFloat64(k)) };
      }
      return out;
    });

  const accept = (a: Attempt<V>, h: number, tEnd: number, interval: number): void => {
    stats.accepted++;
    if (steps) steps.push({ t, h, interval });
    if (denseSteps && a.dense) denseSteps.push(a.dense);
    release(y);
    y = a.y1;
    if (tab.fsal) {
      release(fCur);
      fCur = a.fLast;
    }
    t = tEnd;
  };

  try {
    if (tab.fsal) {
      fCur = backend.scope(() => evalF(t, y));
      if (!backend.allFinite(fCur)) throw new StepSizeUnderflowError('non-finite', t, 0);
    }
    if (cfg.fixed) {
      runFixed();
    } else {
      runAdaptive();
    }
    release(fCur);
    fCur = undefined;
    return finish();
  } catch (e) {
    release(fCur);
    release(y);
    for (const v of ys) backend.dispose(v);
    ys.length = 0;
    throw e;
  }

  function runFixed(): void {
    const fixed = cfg.fixed!;
    // Step counts per interval are known up front: refuse at once instead of grinding to maxSteps.
    const counts: number[] = [];
    let total = 0;
    for (let i = 1; i < ts.length; i++) {
      const len = Math.abs(ts[i] - ts[i - 1]);
      // The (1 − 1e-12) keeps 0.5 / 0.1 = 5.000000000000001 from asking for a 6th sliver step.
      const n = 'stepSize' in fixed ? Math.max(1, Math.ceil((len / fixed.stepSize) * (1 - 1e-12))) : fixed.stepsPerInterval;
      if (total + n > cfg.maxSteps) {
        const hh = 'stepSize' in fixed ? fixed.stepSize : len / n;
        const where = ts[i - 1] + direction * hh * (cfg.maxSteps - total);
        throw new MaxStepsExceededError(
          cfg.maxSteps,
          where,
          ` (fixed steps: the whole call needs at least ${total + n} steps)`,
        );
      }
      counts.push(n);
      total += n;
    }
    for (let i = 1; i < ts.length; i++) {
      const ta = ts[i - 1];
      const tb = ts[i];
      const n = counts[i - 1];
      for (let k = 0; k < n; k++) {
        // Step ends are computed from the interval start (no drift from summing h).
        const tEnd =
          k === n - 1
            ? tb
            : 'stepSize' in fixed
              ? ta + direction * fixed.stepSize * (k + 1)
              : ta + ((tb - ta) * (k + 1)) / n;
        const h = tEnd - t;
        const a = attempt(h, tEnd, false);
        if (!(a.err <= 1)) {
          backend.dispose(a.y1);
          if (a.fLast) backend.dispose(a.fLast);
          throw new StepSizeUnderflowError('non-finite', t, h);
        }
        accept(a, h, tEnd, i);
      }
      ys.push(y);
    }
  }

  function runAdaptive(): void {
    const span = Math.abs(ts[ts.length - 1] - ts[0]);
    const p = cfg.controller;
    let hAbs =
      cfg.firstStep ??
      selectInitialStep(evalF, t, y, fCur!, direction, p.errorOrder, cfg.rtol, cfg.atol, span, backend, cfg.normChannels);
    let errPrev = INITIAL_PREV_ERROR;
    let lastRejected = false;
    let lastNonFinite = false;
    let attempts = 0;
    for (let i = 1; i < ts.length; i++) {
      const target = ts[i];
      while (t !== target) {
        if (attempts >= cfg.maxSteps) throw new MaxStepsExceededError(cfg.maxSteps, t);
        if (!(hAbs >= cfg.minStep)) {
          throw new StepSizeUnderflowError(lastNonFinite ? 'non-finite' : 'too-small', t, direction * hAbs);
        }
        let h = direction * hAbs;
        let landing = false;
        if (direction * (t + LANDING_SLACK * h - target) >= 0) {
          h = target - t;
          landing = true;
        }
        const tEnd = landing ? target : t + h;
        attempts++;
        const a = attempt(h, tEnd, true);
        const factor = stepFactor(p, a.err, errPrev, lastRejected);
        if (a.err <= 1) {
          accept(a, h, tEnd, i);
          errPrev = Math.max(a.err, INITIAL_PREV_ERROR);
          // A step clipped to land on t[i] says little about the step size: keep the larger proposal.
          hAbs = landing && factor >= 1 ? Math.max(Math.abs(h) * factor, hAbs) : Math.abs(h) * factor;
          lastRejected = false;
          lastNonFinite = false;
        } else {
          stats.rejected++;
          backend.dispose(a.y1);
          if (a.fLast) backend.dispose(a.fLast);
          hAbs = Math.abs(h) * factor;
          lastRejected = true;
          lastNonFinite = !Number.isFinite(a.err);
        }
      }
      ys.push(y);
    }
  }
}
