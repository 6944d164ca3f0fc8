/**
 * The problems the widgets use, as validated `Problem` objects. Each builder returns a fresh problem
 * (widgets may edit theirs; `presetProblem(id)` caches and hands out deep copies), built deterministically: the reference files as they are, and seeded
 * weights (mulberry32) plus targets from the true dynamics for the others. None carries `expected`
 * except the two that come from tests/reference.
 */
import seedJson from '../../tests/reference/seed-four-samples.json';
import linearJson from '../../tests/reference/linear-2d.json';
import { odeint } from '../ode/odeint';
import { float64Backend } from '../ode/backendFloat64';
import { parseProblem, nestBatch, flattenBatch, type Problem, type SpiralSpec } from './problem';
import { spiralDynamics, ODE_DEMO_A } from './dynamics/spiral';
import { exactStates } from './exact';
import { gaussian, gaussianMatrix, mulberry32 } from './random';

export const PRESET_IDS = ['seedFourSamples', 'spiralMlp', 'linear2d', 'dampedOscillator'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const SOLVER = { method: 'dopri5', rtol: 1e-7, atol: 1e-9 } as const;

/** The article's own example (tests/reference/seed-four-samples.json): 2-16-2 tanh MLP, t = 0,1,2,3. */
export function seedFourSamples(): Problem {
  return parseProblem(seedJson);
}

/** tests/reference/linear-2d.json: dz/dt = A z, damped rotation; exact solution via `exactStates`. */
export function linear2d(): Problem {
  return parseProblem(linearJson);
}

/** The true spiral of torchdiffeq's ode_demo (dz/dt = (z∘z∘z)·A), used for spiralMlp's targets. */
export const TRUE_SPIRAL: SpiralSpec = { kind: 'spiral', A: ODE_DEMO_A.map((r) => r.slice()) };

/** States of the true spiral at `t` from z0 [batch][D] (float64 dopri5, rtol = atol = 1e-12). */
export function trueSpiralStates(z0: readonly (readonly number[])[], t: readonly number[]): number[][][] {
  const dyn = spiralDynamics(TRUE_SPIRAL);
  const sol = odeint((tt, z) => dyn.f(tt, z), flattenBatch(z0), t, { rtol: 1e-12, atol: 1e-12 }, float64Backend);
  return sol.ys.map((y) => nestBatch(y, 2));
}

export const SPIRAL_MLP_SEED = 2020;

/**
 * The article's 2-D spiral learned by a small MLP: from z0 = (2, 0), four observations at t = 1..4 of
 * the true spiral; the model is torchdiffeq ode_demo's ODEFunc at a smaller width (cubeInput, 2-16-2
 * tanh, weights N(0, 0.1²) and zero biases as ode_demo initialises them), seeded.
 */
export function spiralMlp(): Problem {
  const normal = gaussian(mulberry32(SPIRAL_MLP_SEED));
  const hidden = 16;
  const z0 = [[2, 0]];
  const t = [0, 1, 2, 3, 4];
  return parseProblem({
    format: 'adjoint-problem/1',
    name: 'spiral-mlp',
    description: 'A seeded 2-16-2 tanh MLP on cubed inputs (torchdiffeq ode_demo’s model, narrower) started at (2, 0), compared at t = 1..4 with the true cubic spiral dz/dt = (z**3) A; sum-of-squares loss.',
    dynamics: {
      kind: 'mlp',
      activation: 'tanh',
      timeInput: false,
      cubeInput: true,
      layers: [
        { W: gaussianMatrix(normal, 2, hidden, 0.1), b: new Array<number>(hidden).fill(0) },
        { W: gaussianMatrix(normal, hidden, 2, 0.1), b: [0, 0] },
      ],
    },
    z0,
    t,
    targets: trueSpiralStates(z0, t),
    loss: 'sse',
    solver: SOLVER,
  });
}

/** The oscillator that generates dampedOscillator's targets. */
export const DAMPED_TRUE = { omega: 2, zeta: 0.1 } as const;

/**
 * Learning an oscillator's two physical parameters: x'' + 2ζωx' + ω²x = 0 from rest at x = 1, the
 * model at ω = 1.6, ζ = 0.25, targets the exact states of ω = 2, ζ = 0.1 at t = 1.5, 3, 4.5.
 */
export function dampedOscillator(): Problem {
  const z0 = [[1, 0]];
  const t = [0, 1.5, 3, 4.5];
  const targets = exactStates({ kind: 'dampedOscillator', ...DAMPED_TRUE }, z0, t[0], t);
  return parseProblem({
    format: 'adjoint-problem/1',
    name: 'damped-oscillator',
    description: 'x″ + 2ζωx′ + ω²x = 0 from rest at x = 1 with ω = 1.6, ζ = 0.25, compared with the exact motion for ω = 2, ζ = 0.1 at t = 1.5, 3, 4.5; sum-of-squares loss.',
    dynamics: { kind: 'dampedOscillator', omega: 1.6, zeta: 0.25 },
    z0,
    t,
    targets,
    loss: 'sse',
    solver: SOLVER,
  });
}

const BUILDERS: Record<PresetId, () => Problem> = { seedFourSamples, spiralMlp, linear2d, dampedOscillator };
const built = new Map<PresetId, Problem>();

/** A preset by id: built once (spiralMlp integrates its targets), then a fresh deep copy per call. */
export function presetProblem(id: PresetId): Problem {
  let p = built.get(id);
  if (!p) {
    p = BUILDERS[id]();
    built.set(id, p);
  }
  return structuredClone(p);
}
