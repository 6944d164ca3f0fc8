// Where Figure 1's problem comes from: the article's own seed problem (tests/reference/
// seed-four-samples.json: a 2-16-2 tanh MLP started at z0 = (2, 0), observed at t = 0, 1, 2, 3).
// The reference file states that its targets were sampled from torchdiffeq's cubic spiral
// dz/dt = (z∘z∘z)·A with ode_demo's A; model.test.ts checks that our spiral reproduces them, so the
// "true trajectory" drawn in the figure is that spiral, not an interpolation through the samples.
// STOPGAP: parses the reference file directly until lib/adjoint/presets.ts (seedFourSamples) lands.
import { parseProblem, type MlpSpec, type Problem } from '@/lib/adjoint/problem';
import { ODE_DEMO_A } from '@/lib/adjoint/dynamics/spiral';
import seedJson from '@/tests/reference/seed-four-samples.json';

let cached: Problem | null = null;

/** The seed problem, validated by lib/adjoint's schema (parsed once). */
export function seedProblem(): Problem {
  if (!cached) cached = parseProblem(seedJson);
  return cached;
}

/** The seed problem's network (its dynamics), typed as the MLP it is. */
export function seedNetwork(): MlpSpec {
  const d = seedProblem().dynamics;
  if (d.kind !== 'mlp') throw new Error(`seed problem: expected an mlp, got ${d.kind}`);
  return d;
}

/** The true dynamics the samples came from: the cubic spiral with ode_demo's A. */
export const TRUE_A: readonly (readonly number[])[] = ODE_DEMO_A;
