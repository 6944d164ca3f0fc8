// Figure 1's model: the samples z0..z3 of a true 2-D system, the neural ODE's predictions ẑ1..ẑ3
// solved from z0 with the current network θ, the loss L = Σ_i |ẑ_i − z_i|², and training θ by
// gradient descent with dL/dθ from the ADJOINT method. Pure TS (no React): every number the view
// shows is derived here, and every solve or gradient is a lib/ call.
//
// Choices a reader may ask about:
// - The true system is the cubic spiral the reference file names (dz/dt = (z∘z∘z)·A, torchdiffeq's
//   ode_demo); model.test.ts checks that it reproduces the file's samples from z0 = (2, 0) to 1e-9.
//   Dragging z0 moves the samples along with it: they are the spiral started at the new z0.
// - Seed 0 is the article's own network (the reference file's weights); seeds ≥ 1 draw new weights
//   with the same scale (normal, std 1/√fan_in for W like the reference, 0.1 for b).
// - The solver runs tighter than the file's float32 settings (rtol 1e-9, atol 1e-10): it is cheap in
//   float64 and keeps the loss shown and the loss the gradient step sees the same number.
// - A gradient step is θ ← θ − η·dL/dθ with η = LEARNING_RATE, halved until the loss falls
//   (backtracking), so a step never raises the loss; if 30 halvings do not help, θ stays put.
import { odeint, float64Backend, type OdeOptions } from '@/lib/ode';
import { mlpDynamics } from '@/lib/adjoint/dynamics/mlp';
import { spiralDynamics } from '@/lib/adjoint/dynamics/spiral';
import { packParams, withTheta } from '@/lib/adjoint/params';
import type { MlpLayer, MlpSpec } from '@/lib/adjoint/problem';
import { computeGradient } from '@/lib/adjoint/gradient';
import { mulberry32, gaussian, gaussianMatrix } from '@/lib/adjoint/random';
import { seedNetwork, seedProblem, trueSystem } from './problemSource';

export type Vec2 = readonly [number, number];

/** Observation times t0..t3 (the seed problem's). */
export const OBS_TIMES: readonly number[] = seedProblem().t.slice();
/** The seed problem's z0 = (2, 0). */
export const Z0_DEFAULT: Vec2 = [seedProblem().z0[0][0], seedProblem().z0[0][1]];
/** Each coordinate of z0 stays in [−Z0_LIMIT, Z0_LIMIT] (the plotted square is ±3). */
export const Z0_LIMIT = 2.5;
export const SEED_MAX = 9999;
/** Arrow-key step for z0; Shift takes ten of them (the shared keyboard convention, controls/keyboard.ts). */
export const KEY_STEP = 0.05;
/** Chosen on the default problem: the first step takes L from 26.3 to about 10; see model.test.ts. */
export const LEARNING_RATE = 0.003;
export const MAX_HALVINGS = 30;
export const TRAIN_STEPS = 50;
/** Points per drawn curve (uniform in t over [t0, t3], from the solver's dense output). */
export const CURVE_POINTS = 151;
export const SOLVER: OdeOptions = { method: 'dopri5', rtol: 1e-9, atol: 1e-10 };

export interface SamplesState {
  z0: Vec2;
  /** Which weights θ started from (0 = the article's network). */
  seed: number;
  /** Current network parameters, params.ts layout. Treated as immutable: steps make a new array. */
  theta: Float64Array;
  /** Gradient steps taken since the weights were drawn. */
  steps: number;
}

export interface Curve {
  t: Float64Array;
  x: Float64Array;
  y: Float64Array;
}

export interface SamplesFigure {
  times: readonly number[];
  /** z0..z3 from the true system. */
  samples: Vec2[];
  /** ẑ0..ẑ3 (ẑ0 = z0). */
  zhat: Vec2[];
  /** |ẑ_i − z_i|² per observation; index 0 is 0 (z0 never enters the loss). */
  sqErr: number[];
  loss: number;
  truth: Curve;
  pred: Curve;
  /** Function evaluations of the two solves (cost readout for the bench). */
  nfe: number;
}

export interface StepResult {
  state: SamplesState;
  lossBefore: number;
  lossAfter: number;
  /** η actually used (LEARNING_RATE / 2^halvings), 0 if no step was taken. */
  stepSize: number;
  halvings: number;
  gradNorm: number;
  /** False when no halving lowered the loss (θ unchanged). */
  moved: boolean;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Clamps into the allowed square and rounds to 1e-6, so keyboard steps do not accumulate noise. */
export function clampZ0(z: readonly [number, number]): Vec2 {
  const c = (v: number): number => (Number.isFinite(v) ? round6(Math.min(Z0_LIMIT, Math.max(-Z0_LIMIT, v))) : 0);
  return [c(z[0]), c(z[1])];
}

/** The network's spec (structure, activation) with θ's numbers. */
export function networkSpec(theta: Float64Array): MlpSpec {
  return withTheta(seedNetwork(), theta) as MlpSpec;
}

/** θ for a seed: 0 is the reference file's network, ≥ 1 a seeded draw of the same shapes and scale. */
export function weightsForSeed(seed: number): Float64Array {
  const base = seedNetwork();
  if (seed === 0) return packParams(base);
  const normal = gaussian(mulberry32(seed));
  const layers: MlpLayer[] = base.layers.map((l) => {
    const fanIn = l.W.length;
    const W = gaussianMatrix(normal, fanIn, l.b.length, 1 / Math.sqrt(fanIn));
    const b = gaussianMatrix(normal, 1, l.b.length, 0.1)[0];
    return { W, b };
  });
  return packParams(base, { layers });
}

export function initialState(options: { z0?: Vec2; seed?: number } = {}): SamplesState {
  const seed = options.seed ?? 0;
  return { z0: clampZ0(options.z0 ?? Z0_DEFAULT), seed, theta: weightsForSeed(seed), steps: 0 };
}

export function setZ0(state: SamplesState, z0: readonly [number, number]): SamplesState {
  const next = clampZ0(z0);
  return next[0] === state.z0[0] && next[1] === state.z0[1] ? state : { ...state, z0: next };
}

export function moveZ0(state: SamplesState, dx: number, dy: number): SamplesState {
  return setZ0(state, [state.z0[0] + dx, state.z0[1] + dy]);
}

/** New weights from `seed` (wrapped into 0..SEED_MAX); the step counter restarts. */
export function redraw(state: SamplesState, seed: number): SamplesState {
  const s = ((Math.trunc(seed) % (SEED_MAX + 1)) + SEED_MAX + 1) % (SEED_MAX + 1);
  return { ...state, seed: s, theta: weightsForSeed(s), steps: 0 };
}

function toVec(a: ArrayLike<number>): Vec2 {
  return [a[0], a[1]];
}

/** Solves from z0 over [t0, t3]: the states at the observation times and a dense curve. */
function solveCurve(f: (t: number, z: Float64Array) => Float64Array, z0: Vec2): { at: Vec2[]; curve: Curve; nfe: number } {
  const sol = odeint(f, Float64Array.from(z0), OBS_TIMES, { ...SOLVER, recordSteps: true }, float64Backend);
  const t0 = OBS_TIMES[0];
  const t1 = OBS_TIMES[OBS_TIMES.length - 1];
  const curve: Curve = { t: new Float64Array(CURVE_POINTS), x: new Float64Array(CURVE_POINTS), y: new Float64Array(CURVE_POINTS) };
  for (let k = 0; k < CURVE_POINTS; k++) {
    const t = k === CURVE_POINTS - 1 ? t1 : t0 + ((t1 - t0) * k) / (CURVE_POINTS - 1);
    // The ends are the solver's own values (dense output agrees there to round-off anyway).
    const z = k === 0 ? sol.ys[0] : k === CURVE_POINTS - 1 ? sol.ys[sol.ys.length - 1] : sol.dense ? sol.dense(t) : null;
    if (!z) throw new Error('solver returned no dense output (dopri5 with recordSteps expected)');
    curve.t[k] = t;
    curve.x[k] = z[0];
    curve.y[k] = z[1];
  }
  return { at: sol.ys.map(toVec), curve, nfe: sol.stats.nfe };
}

/** z0..z3 of the true system started at z0, and its trajectory. */
export function trueSamples(z0: Vec2): { samples: Vec2[]; curve: Curve; nfe: number } {
  const dyn = spiralDynamics(trueSystem());
  const { at, curve, nfe } = solveCurve(dyn.f, z0);
  return { samples: at, curve, nfe };
}

/** ẑ0..ẑ3 of the network θ started at z0 (no curve: what the loss needs, and no more). */
export function predictions(theta: Float64Array, z0: Vec2): Vec2[] {
  const dyn = mlpDynamics(seedNetwork(), theta);
  const sol = odeint(dyn.f, Float64Array.from(z0), OBS_TIMES, SOLVER, float64Backend);
  return sol.ys.map(toVec);
}

/** Squared error per observation (index 0 is 0) and their sum, the sse loss of the reference format. */
export function squaredErrors(zhat: readonly Vec2[], samples: readonly Vec2[]): { sqErr: number[]; loss: number } {
  const sqErr = zhat.map((z, i) => (i === 0 ? 0 : (z[0] - samples[i][0]) ** 2 + (z[1] - samples[i][1]) ** 2));
  return { sqErr, loss: sqErr.reduce((a, b) => a + b, 0) };
}

export function lossAt(theta: Float64Array, z0: Vec2, samples: readonly Vec2[]): number {
  return squaredErrors(predictions(theta, z0), samples).loss;
}

/** Everything the figure draws for a state. Throws lib/ode's typed errors if a solve fails. */
export function computeFigure(state: SamplesState): SamplesFigure {
  const truth = trueSamples(state.z0);
  const dyn = mlpDynamics(seedNetwork(), state.theta);
  const pred = solveCurve(dyn.f, state.z0);
  const { sqErr, loss } = squaredErrors(pred.at, truth.samples);
  return {
    times: OBS_TIMES,
    samples: truth.samples,
    zhat: pred.at,
    sqErr,
    loss,
    truth: truth.curve,
    pred: pred.curve,
    nfe: truth.nfe + pred.nfe,
  };
}

/** dL/dθ by the continuous adjoint (float64), and the loss it saw. */
export function adjointGradient(theta: Float64Array, z0: Vec2, samples: readonly Vec2[]): { loss: number; grad: Float64Array } {
  const spec = networkSpec(theta);
  const r = computeGradient(
    {
      dynamics: spec,
      z0: [[z0[0], z0[1]]],
      t: OBS_TIMES.slice(),
      targets: samples.map((s) => [[s[0], s[1]]]),
      loss: 'sse',
      solver: SOLVER,
    },
    { mode: 'adjoint', precision: 'float64' },
  );
  return { loss: r.loss, grad: packParams(spec, r.grad.params) };
}

/**
 * One gradient step with backtracking. `samples` may be passed when the caller already has them
 * (they depend on z0 only). Solver errors at a trial θ count as "the loss rose" and halve the step.
 */
export function gradientStep(state: SamplesState, samples: readonly Vec2[] = trueSamples(state.z0).samples): StepResult {
  const lossBefore = lossAt(state.theta, state.z0, samples);
  const { grad } = adjointGradient(state.theta, state.z0, samples);
  let gradNorm = 0;
  for (const g of grad) gradNorm += g * g;
  gradNorm = Math.sqrt(gradNorm);
  let eta = LEARNING_RATE;
  for (let h = 0; h <= MAX_HALVINGS; h++, eta /= 2) {
    const trial = state.theta.map((v, i) => v - eta * grad[i]);
    let trialLoss: number;
    try {
      trialLoss = lossAt(trial, state.z0, samples);
    } catch {
      continue;
    }
    if (trialLoss < lossBefore) {
      return {
        state: { ...state, theta: trial, steps: state.steps + 1 },
        lossBefore,
        lossAfter: trialLoss,
        stepSize: eta,
        halvings: h,
        gradNorm,
        moved: true,
      };
    }
  }
  return { state, lossBefore, lossAfter: lossBefore, stepSize: 0, halvings: MAX_HALVINGS, gradNorm, moved: false };
}

/** n gradient steps at once (reduced motion, tests); stops early if a step cannot lower the loss. */
export function trainSteps(state: SamplesState, n: number): { state: SamplesState; losses: number[] } {
  const samples = trueSamples(state.z0).samples;
  let s = state;
  const losses: number[] = [];
  for (let k = 0; k < n; k++) {
    const r = gradientStep(s, samples);
    if (k === 0) losses.push(r.lossBefore);
    losses.push(r.lossAfter);
    s = r.state;
    if (!r.moved) break;
  }
  return { state: s, losses };
}
