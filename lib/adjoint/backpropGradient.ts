import { odeint } from '../ode/odeint';
import { float64Backend } from '../ode/backendFloat64';
import { discreteAdjoint } from '../ode/discreteAdjoint';
import type { GradientOptions, GradientResult, ProblemData } from './gradientTypes';
import {
  flattenProblem,
  lossAndCotangents,
  modelOf,
  nest2,
  nest3,
  solverOptions,
  timeGradients,
  unpackParams,
} from './gradientCommon';

/**
 * The 'backprop' gradient mode in float64 (discretise-then-optimise): the forward solve records its
 * accepted steps, then lib/ode/discreteAdjoint pulls ∂L/∂ẑ_i back through exactly those RK steps
 * (stages recomputed and kept on a tape) with the dynamics' fused VJP. The result is the exact
 * gradient of the discrete solver's output, which converges to the adjoint's as tolerances shrink.
 * The step sizes are held fixed (what backprop through an adaptive solver does), and dL/dt uses the
 * closed forms (gradientCommon.timeGradients).
 */
export function backpropGradient64(problem: ProblemData, opts: GradientOptions): GradientResult {
  const fp = flattenProblem(problem);
  const model = modelOf(fp, fp.theta, opts.timeoutMs);
  const options = solverOptions(problem, opts);
  const fwd = odeint(model.f, fp.z0, fp.t, { ...options, recordSteps: true }, float64Backend);
  const { loss, cot } = lossAndCotangents(fp, fwd.ys);
  const steps = fwd.steps ?? [];
  const back = discreteAdjoint({
    f: model.f,
    vjp: (t, z, a) => model.fVjp(t, z, a),
    z0: fp.z0,
    t: fp.t,
    steps,
    method: options.method ?? 'dopri5',
    cotangents: cot,
    nTheta: model.nTheta,
  });
  return {
    loss,
    zhat: nest3(fwd.ys, fp.batch, fp.dim),
    grad: {
      z0: nest2(back.z0, fp.batch, fp.dim),
      params: unpackParams(fp.spec, back.theta),
      t: timeGradients(model, fp.t, fwd.ys, cot, back.z0),
    },
    stats: {
      nfeForward: fwd.stats.nfe,
      // The backward sweep re-evaluates f at every kept stage (the tape) and makes one VJP per stage.
      nfeBackward: back.nfe + back.nvjp,
      stepsForward: fwd.stats.accepted,
      stepsBackward: steps.length,
      rejectedForward: fwd.stats.rejected,
      rejectedBackward: 0,
    },
  };
}
