import { tf } from '../../tf';
import { odeint } from '../../ode/odeint';
import { tfjsBackend } from '../../ode/backendTfjs';
import type { OdeOptions } from '../../ode/types';
import type { GradientOptions, GradientResult, ProblemData } from '../gradientTypes';
import { deadlineCheck, flattenProblem, lossAndCotangents, nest2, nest3, solverOptions, unpackParams } from '../gradientCommon';
import { centralDifferences, FD_STEP } from '../finiteDifferences';
import { forwardField32, makeContext32 } from './context32';

/** The 'fd' gradient mode in float32: central differences of the tfjs forward solve's loss (step: finiteDifferences.ts). */
export function finiteDifferences32(problem: ProblemData, opts: GradientOptions): GradientResult {
  const fp = flattenProblem(problem);
  const options: OdeOptions = solverOptions(problem, opts);
  let nfe = 0;
  let steps = 0;
  let rejected = 0;
  const check = deadlineCheck(opts.timeoutMs);
  const solve = (z0: Float64Array, theta: Float64Array, t: number[]): Float64Array[] => {
    const ctx = makeContext32(fp, theta, z0, check);
    try {
      const sol = odeint(forwardField32(ctx), [ctx.z0], t, options, tfjsBackend);
      nfe += sol.stats.nfe;
      steps += sol.stats.accepted;
      rejected += sol.stats.rejected;
      const ys = sol.ys.map((v) => Float64Array.from(v[0].dataSync()));
      for (const v of sol.ys) tf.dispose(v);
      return ys;
    } finally {
      ctx.dispose();
    }
  };
  const zhat = solve(fp.z0, fp.theta, fp.t);
  const nominal = { nfe, steps, rejected };
  const { loss } = lossAndCotangents(fp, zhat);
  // The float32 loss summed in float64 from float32 states: finer than a float32 reduction.
  const g = centralDifferences(fp, opts.fdStep ?? FD_STEP.float32, (z0, th, t) => lossAndCotangents(fp, solve(z0, th, t)).loss,
    opts.fdCoordinates,
  );
  return {
    loss,
    zhat: nest3(zhat, fp.batch, fp.dim),
    grad: { z0: nest2(g.z0, fp.batch, fp.dim), params: unpackParams(fp.spec, g.theta), t: Array.from(g.t) },
    stats: {
      nfeForward: nominal.nfe,
      nfeBackward: nfe - nominal.nfe,
      stepsForward: nominal.steps,
      stepsBackward: steps - nominal.steps,
      rejectedForward: nominal.rejected,
      rejectedBackward: rejected - nominal.rejected,
      solves: g.solves + 1,
    },
  };
}
