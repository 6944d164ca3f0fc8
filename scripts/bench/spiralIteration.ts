/**
 * torchdiffeq's examples/ode_demo.py, one training iteration, reproduced:
 * - true dynamics dz/dt = (z**3) @ [[-0.1, 2], [-2, -0.1]] from [2, 0], 1000 points on [0, 25] (dopri5,
 *   float64, the solver's default rtol 1e-7 / atol 1e-9 as ode_demo's odeint call);
 * - model ODEFunc: Linear(2, 50) → tanh → Linear(50, 2) applied to y**3 (cubeInput), weights N(0, 0.1²)
 *   (seeded mulberry32 + Box–Muller), biases 0;
 * - get_batch: 20 start indices drawn from range(1000 − 10) (seeded), batch_t = t[:10], batch_y0 = true_y[s],
 *   batch_y[i] = true_y[s + i];
 * - dopri5 at rtol 1e-7 / atol 1e-9 (the file settings of tests/reference/spiral-batch.json, which is this
 *   very setting), RMSprop(lr 1e-3) with PyTorch's defaults alpha 0.99, eps 1e-8.
 * One difference: ode_demo's loss is mean |pred − y| (L1); the problem format has sse/mse, so we use mse.
 * The solver work (nfe), which dominates the time, does not depend on the loss.
 */
import { odeint } from '../../lib/ode/odeint';
import { float64Backend } from '../../lib/ode/backendFloat64';
import { spiralDynamics, ODE_DEMO_A } from '../../lib/adjoint/dynamics/spiral';
import { gaussian, gaussianMatrix, mulberry32 } from '../../lib/adjoint/random';
import { packParams, withTheta } from '../../lib/adjoint/params';
import type { DynamicsSpec, Problem } from '../../lib/adjoint/problem';

export const DATA_SIZE = 1000;
export const BATCH_TIME = 10;
export const BATCH_SIZE = 20;
export const T_END = 25;

export function linspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (n === 1 ? a : a + ((b - a) * i) / (n - 1)));
}

/** true_y: [DATA_SIZE][2] */
export function trueTrajectory(t: readonly number[] = linspace(0, T_END, DATA_SIZE)): number[][] {
  const dyn = spiralDynamics({ kind: 'spiral', A: ODE_DEMO_A.map((r) => r.slice()) });
  const sol = odeint((tt, z) => dyn.f(tt, z), Float64Array.of(2, 0), t, { method: 'dopri5', rtol: 1e-7, atol: 1e-9 }, float64Backend);
  return sol.ys.map((y) => [y[0], y[1]]);
}

export function initialModel(seed = 0): DynamicsSpec {
  const normal = gaussian(mulberry32(seed + 1));
  return {
    kind: 'mlp',
    activation: 'tanh',
    timeInput: false,
    cubeInput: true,
    layers: [
      { W: gaussianMatrix(normal, 2, 50, 0.1), b: new Array<number>(50).fill(0) },
      { W: gaussianMatrix(normal, 50, 2, 0.1), b: [0, 0] },
    ],
  };
}

export interface SpiralTrainer {
  t: number[];
  trueY: number[][];
  theta: Float64Array;
  spec: DynamicsSpec;
  /** The next batch's problem (draws 20 start indices) with the current θ. */
  nextProblem(): Problem;
  /** RMSprop step (PyTorch defaults: alpha 0.99, eps 1e-8, no momentum) with dL/dθ. */
  step(grad: ArrayLike<number>): void;
}

export function spiralTrainer(seed = 0, lr = 1e-3): SpiralTrainer {
  const t = linspace(0, T_END, DATA_SIZE);
  const trueY = trueTrajectory(t);
  const spec = initialModel(seed);
  const theta = packParams(spec);
  const sq = new Float64Array(theta.length);
  const uniform = mulberry32(seed + 2);
  const alpha = 0.99;
  const eps = 1e-8;
  const batchT = t.slice(0, BATCH_TIME);
  return {
    t,
    trueY,
    theta,
    spec,
    nextProblem() {
      const s = Array.from({ length: BATCH_SIZE }, () => Math.floor(uniform() * (DATA_SIZE - BATCH_TIME)));
      return {
        format: 'adjoint-problem/1',
        name: 'spiral-iteration',
        dynamics: withTheta(spec, theta),
        z0: s.map((i) => trueY[i].slice()),
        t: batchT,
        targets: batchT.map((_, k) => s.map((i) => trueY[i + k].slice())),
        loss: 'mse',
        solver: { method: 'dopri5', rtol: 1e-7, atol: 1e-9 },
      };
    },
    step(grad) {
      for (let p = 0; p < theta.length; p++) {
        const g = grad[p];
        sq[p] = alpha * sq[p] + (1 - alpha) * g * g;
        theta[p] -= (lr * g) / (Math.sqrt(sq[p]) + eps);
      }
    },
  };
}
