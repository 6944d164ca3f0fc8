import { tf } from '../../tf';
import { odeint } from '../../ode/odeint';
import { tfjsBackend } from '../../ode/backendTfjs';
import type { OdeOptions, SolverStats } from '../../ode/types';
import type { GradientOptions, GradientResult, ProblemData } from '../gradientTypes';
import { deadlineCheck, flattenProblem, lossAndCotangents, modelOf, nest2, nest3, solverOptions, timeGradients, unpackParams } from '../gradientCommon';
import { lossTensor } from '../lossTensor';
import { forwardField32, makeContext32 } from './context32';

/**
 * The 'backprop' gradient mode in float32: tf.valueAndGrads over the whole tfjs solve (every stage of
 * every accepted step stays on tfjs's tape until the backward pass), w.r.t. z0 and the parameter
 * tensors. dL/dt uses the closed forms, as in every mode.
 */
export function backpropGradient32(problem: ProblemData, opts: GradientOptions): GradientResult {
  const fp = flattenProblem(problem);
  const options: OdeOptions = solverOptions(problem, opts);
  const ctx = makeContext32(fp, fp.theta, fp.z0, deadlineCheck(opts.timeoutMs));
  let zhat: Float64Array[] = [];
  let stats: SolverStats = { nfe: 0, accepted: 0, rejected: 0 };
  let value: tf.Scalar | null = null;
  let grads: tf.Tensor[] = [];
  try {
    if (fp.t.length === 1) {
      // Nothing to differentiate (the loss is identically 0; tfjs refuses a gradient of an unconnected value).
      const z0 = Float64Array.from(ctx.z0.dataSync());
      return {
        loss: 0,
        zhat: nest3([z0], fp.batch, fp.dim),
        grad: { z0: nest2(new Float64Array(z0.length), fp.batch, fp.dim), params: unpackParams(fp.spec, new Float64Array(fp.theta.length)), t: [0] },
        stats: { nfeForward: 0, nfeBackward: 0, stepsForward: 0, stepsBackward: 0, rejectedForward: 0, rejectedBackward: 0, peakBytes: ctx.peakBytes },
      };
    }
    const m = ctx.params.length;
    const run = tf.valueAndGrads((...xs: tf.Tensor[]) => {
      const sol = odeint(forwardField32(ctx, xs.slice(1, 1 + m)), [xs[0]], fp.t, options, tfjsBackend);
      stats = sol.stats;
      const ys = sol.ys.map((v) => v[0]);
      zhat = ys.map((v) => Float64Array.from(v.dataSync()));
      const L = lossTensor(ys, ctx.targets, fp.loss);
      ctx.sample();
      return L;
    });
    ({ value, grads } = run([ctx.z0, ...ctx.params]));
    ctx.sample();
    const gz0 = Float64Array.from(grads[0].dataSync());
    const gth = new Float64Array(fp.theta.length);
    let o = 0;
    for (const g of grads.slice(1)) {
      gth.set(g.dataSync(), o);
      o += g.size;
    }
    // The loss is reported in float64 from the float32 states (same as the other modes).
    const { loss, cot } = lossAndCotangents(fp, zhat);
    return {
      loss,
      zhat: nest3(zhat, fp.batch, fp.dim),
      grad: {
        z0: nest2(gz0, fp.batch, fp.dim),
        params: unpackParams(fp.spec, gth),
        t: timeGradients(modelOf(fp), fp.t, zhat, cot, gz0),
      },
      stats: {
        nfeForward: stats.nfe,
        // The tape replays every recorded f evaluation once, backward.
        nfeBackward: stats.nfe,
        stepsForward: stats.accepted,
        stepsBackward: stats.accepted,
        rejectedForward: stats.rejected,
        rejectedBackward: 0,
        peakBytes: ctx.peakBytes,
      },
    };
  } finally {
    if (value) tf.dispose(value);
    tf.dispose(grads);
    ctx.dispose();
  }
}
