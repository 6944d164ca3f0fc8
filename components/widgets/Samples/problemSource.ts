// Where Figure 1's problem comes from: the article's own seed problem (lib/adjoint's preset
// seedFourSamples = tests/reference/seed-four-samples.json: a 2-16-2 tanh MLP started at z0 = (2, 0),
// observed at t = 0, 1, 2, 3). The reference file states that its targets were sampled from
// torchdiffeq's cubic spiral dz/dt = (z∘z∘z)·A with ode_demo's A (lib/adjoint's TRUE_SPIRAL);
// model.test.ts checks that this spiral reproduces them, so the "true trajectory" drawn in the
// figure is that spiral, not an interpolation through the samples.
import { seedFourSamples, TRUE_SPIRAL } from '@/lib/adjoint/presets';
import type { MlpSpec, Problem, SpiralSpec } from '@/lib/adjoint/problem';

let cached: Problem | null = null;

/** The seed problem (parsed once; treat as read-only). */
export function seedProblem(): Problem {
  if (!cached) cached = seedFourSamples();
  return cached;
}

/** The seed problem's network (its dynamics), typed as the MLP it is. */
export function seedNetwork(): MlpSpec {
  const d = seedProblem().dynamics;
  if (d.kind !== 'mlp') throw new Error(`seed problem: expected an mlp, got ${d.kind}`);
  return d;
}

/** The true dynamics the samples came from: the cubic spiral with ode_demo's A. */
export function trueSystem(): SpiralSpec {
  if (TRUE_SPIRAL.kind !== 'spiral') throw new Error(`true system: expected the spiral, got ${TRUE_SPIRAL.kind}`);
  return TRUE_SPIRAL;
}
