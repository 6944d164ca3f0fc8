import { tf } from '../../tf';
import { odeint } from '../../ode/odeint';
import { tfjsBackend } from '../../ode/backendTfjs';
import type { Backend, OdeOptions, VectorField } from '../../ode/types';
import { InvalidInputError } from '../../ode/errors';
import type { GradientOptions, GradientResult, ProblemData } from '../gradientTypes';
import {
  flattenProblem,
  lossAndCotangents,
  modelOf,
  nest2,
  nest3,
  solverOptions,
  timeGradients,
  unpackParams,
  deadlineCheck,
} from '../gradientCommon';
import { intervalOf } from '../adjointBacksolve';
import { type Context32, forwardField32, makeContext32 } from './context32';
import { type MlpAugmented32, mlpAugmentedField32 } from './mlpAdjoint32';

/**
 * The augmented adjoint field on the tuple [z, s, gθ₁, …, gθ_m] (tfjs, float32):
 * [f(z, t), −sᵀ∂f/∂z, −sᵀ∂f/∂θ₁, …]. One tf.valueAndGrads with dy = −s gives f and all the VJPs in one
 * forward + one backward pass over the dynamics' ops; the sign is folded into dy (one neg, not m + 1).
 */
export function augmentedField32(ctx: Context32): VectorField<tf.Tensor[]> {
  const { dyn, params } = ctx;
  const m = params.length;
  return (t, y) => {
    ctx.sample();
    const z = y[0] as tf.Tensor2D;
    const negS = tf.neg(y[1]);
    const { value, grads } = tf.valueAndGrads((...xs: tf.Tensor[]) =>
      dyn.fTensor(t, xs[0] as tf.Tensor2D, xs.slice(1, 1 + m)),
    )([z, ...params], negS as tf.Tensor2D);
    return [value, ...grads];
  };
}

/**
 * linComb for solves that are never differentiated by tfjs (the adjoint's forward and backward solves):
 * the same JS loop as lib/ode's tfjs backend (accumulated in double), but creating the result with
 * tf.tensor directly instead of through a tf.customGrad op, whose tape bookkeeping costs more than the
 * loop on these small tensors.
 */
export function tapeFreeLinComb(base: tf.Tensor[] | null, h: number, coeffs: readonly number[], ks: readonly tf.Tensor[][]): tf.Tensor[] {
  const entries = base ? base.length : ks[0].length;
  const out: tf.Tensor[] = [];
  for (let e = 0; e < entries; e++) {
    const ref = base ? base[e] : ks[0][e];
    const n = ref.size;
    const acc = new Float64Array(n);
    if (base) {
      const b = base[e].dataSync();
      for (let j = 0; j < n; j++) acc[j] = b[j];
    }
    for (let i = 0; i < coeffs.length; i++) {
      const c = coeffs[i];
      if (c === 0) continue;
      const s = h * c;
      const k = ks[i][e].dataSync();
      for (let j = 0; j < n; j++) acc[j] += s * k[j];
    }
    out.push(tf.tensor(Float32Array.from(acc), ref.shape, 'float32'));
  }
  return out;
}

/** tfjs backend for solves outside any gradient tape: tape-free linComb, lib/ode's norm. */
export const tapeFreeTfjs: Backend<tf.Tensor[]> = { ...tfjsBackend, linComb: tapeFreeLinComb };

/**
 * tfjs backend with the adjoint's mixed error norm (see adjointBacksolve.ts mixedNormBackend): the max
 * over tuple entries (z, s, each parameter tensor) of each entry's RMS error ratio; `entriesUsed` = 2
 * gives the seminorm. Reads the float32 data directly (no tfjs ops).
 */
export function mixedNormTfjs(entriesUsed?: number): Backend<tf.Tensor[]> {
  return {
    ...tfjsBackend,
    linComb: tapeFreeLinComb,
    errorNorm(err, y0, y1, rtol, atol) {
      const m = Math.min(entriesUsed ?? err.length, err.length);
      let worst = 0;
      for (let e = 0; e < m; e++) {
        const ev = err[e].dataSync();
        const a = y0[e].dataSync();
        const b = y1[e].dataSync();
        let sum = 0;
        for (let j = 0; j < ev.length; j++) {
          const aa = Math.abs(a[j]);
          const bb = Math.abs(b[j]);
          const r = ev[j] / (atol + rtol * (aa > bb ? aa : bb));
          sum += r * r;
        }
        const v = ev.length === 0 ? 0 : Math.sqrt(sum / ev.length);
        if (!(v <= worst)) worst = v;
      }
      for (const y of y1) {
        const d = y.dataSync();
        for (let j = 0; j < d.length; j++) if (!Number.isFinite(d[j])) return NaN;
      }
      return worst;
    },
  };
}

/** The 'adjoint' gradient mode in float32 (tfjs), same algorithm as adjointBacksolve.ts. */
export function adjointGradient32(problem: ProblemData, opts: GradientOptions): GradientResult {
  const fp = flattenProblem(problem);
  const options: OdeOptions = solverOptions(problem, opts);
  const ctx = makeContext32(fp, fp.theta, fp.z0, deadlineCheck(opts.timeoutMs));
  const N = fp.t.length - 1;
  const n = fp.batch * fp.dim;
  const shape: [number, number] = [fp.batch, fp.dim];
  let zs: tf.Tensor[][] = [];
  let y: tf.Tensor[] = [];
  let mlp: MlpAugmented32 | null = null;
  const starts: tf.Tensor[][] = [];
  try {
    const fwd = odeint(forwardField32(ctx), [ctx.z0], fp.t, options, tapeFreeTfjs);
    zs = fwd.ys;
    const zhat = zs.map((v) => Float64Array.from(v[0].dataSync()));
    const { loss, cot } = lossAndCotangents(fp, zhat);
    // The MLP (the models of the article and the bench) has a hand-written, tape-free VJP (~3x fewer ops).
    mlp = fp.spec.kind === 'mlp' ? mlpAugmentedField32(fp.spec, ctx.params, fp.batch, () => ctx.sample()) : null;
    const aug = mlp ? mlp.field : augmentedField32(ctx);
    const backOpts: OdeOptions = { ...options, recordSteps: opts.adjointGrid !== undefined };
    const backend = mixedNormTfjs(opts.seminorm ? 2 : undefined);
    const cotT = (i: number): tf.Tensor => tf.tensor2d(Float32Array.from(cot[i]), shape, 'float32');
    // y = [ẑ_N, ∂L/∂ẑ_N, 0…]
    y = [tf.clone(zs[N][0]), cotT(N), ...(mlp ? mlp.zeros() : ctx.params.map((p) => tf.zerosLike(p)))];
    let nfe = 0;
    let accepted = 0;
    let rejected = 0;
    const dense: ((tau: number) => Float64Array)[] = [];
    for (let k = N; k >= 1; k--) {
      // Methods without dense output (fixed-step rk4, …) re-solve from the interval's start for the grid.
      if (opts.adjointGrid && opts.adjointGrid.length > 0) starts[k] = y.map((v) => tf.clone(v));
      const sol = odeint(aug, y, [fp.t[k], fp.t[k - 1]], backOpts, backend);
      nfe += sol.stats.nfe;
      accepted += sol.stats.accepted;
      rejected += sol.stats.rejected;
      if (sol.dense) dense[k] = sol.dense;
      tf.dispose(sol.ys[0]);
      const end = sol.ys[1];
      tf.dispose(y);
      // Jump at t_{k-1}: z restarts from the forward value, s gains ∂L/∂ẑ_{k-1}.
      const c = cotT(k - 1);
      y = [tf.clone(zs[k - 1][0]), tf.add(end[1], c), ...end.slice(2)];
      tf.dispose([end[0], end[1], c]);
    }
    const gz0 = Float64Array.from(y[1].dataSync());
    const gth = new Float64Array(fp.theta.length);
    let o = 0;
    for (const g of y.slice(2)) {
      gth.set(g.dataSync(), o);
      o += g.size;
    }
    const model = modelOf(fp);
    const result: GradientResult = {
      loss,
      zhat: nest3(zhat, fp.batch, fp.dim),
      grad: {
        z0: nest2(gz0, fp.batch, fp.dim),
        params: unpackParams(fp.spec, gth),
        t: timeGradients(model, fp.t, zhat, cot, gz0),
      },
      stats: {
        nfeForward: fwd.stats.nfe,
        nfeBackward: nfe,
        stepsForward: fwd.stats.accepted,
        stepsBackward: accepted,
        rejectedForward: fwd.stats.rejected,
        rejectedBackward: rejected,
        peakBytes: ctx.peakBytes,
      },
    };
    if (opts.adjointGrid) {
      const s = opts.adjointGrid.map((tau) => {
        const k = intervalOf(fp.t, tau);
        if (k < 1) throw new InvalidInputError(`adjointGrid time ${tau} lies outside the observation times.`, tau);
        if (dense[k]) return nest2(dense[k](tau).subarray(n, 2 * n), fp.batch, fp.dim);
        if (tau === fp.t[k]) return nest2(starts[k][1].dataSync(), fp.batch, fp.dim);
        const sol = odeint(aug, starts[k], [fp.t[k], tau], { ...backOpts, recordSteps: false }, backend);
        const sTau = Float64Array.from(sol.ys[1][1].dataSync());
        for (const v of sol.ys) tf.dispose(v);
        return nest2(sTau, fp.batch, fp.dim);
      });
      result.adjoint = { t: opts.adjointGrid.slice(), s };
    }
    return result;
  } finally {
    for (const v of zs) tf.dispose(v);
    tf.dispose(y);
    for (const v of starts) if (v) tf.dispose(v);
    mlp?.dispose();
    ctx.dispose();
  }
}
