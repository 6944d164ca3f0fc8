// Where the widgets' base problems come from: the ONE place to point at lib/adjoint/presets.ts.
// STOPGAP (until lib/adjoint/presets.ts lands): the seed and linear problems are the reference files
// themselves (parsed by lib/adjoint's schema), the oscillator is a small problem in the schema's own
// format, and "spiral" stands in with the seed's 2-16-2 tanh MLP (the article's spiral setting).
import { parseProblem, type Problem } from '@/lib/adjoint/problem';
import seedJson from '@/tests/reference/seed-four-samples.json';
import linearJson from '@/tests/reference/linear-2d.json';
import type { SensitivityPresetId } from './presets';

const oscillatorJson = {
  format: 'adjoint-problem/1',
  name: 'damped-oscillator',
  description: 'x″ + 2ζωx′ + ω²x = 0 from rest at x = 1, four observations',
  dynamics: { kind: 'dampedOscillator', omega: 2, zeta: 0.1 },
  z0: [[1, 0]],
  t: [0, 1.5, 3, 4.5],
  targets: [[[1, 0]], [[-0.8, 0.4]], [[0.6, -0.5]], [[-0.3, 0.5]]],
  loss: 'sse',
  solver: { method: 'dopri5', rtol: 1e-7, atol: 1e-9 },
};

const cache = new Map<SensitivityPresetId, Problem>();

export function basePresetProblem(id: SensitivityPresetId): Problem {
  let p = cache.get(id);
  if (!p) {
    const json: unknown = id === 'linear' ? linearJson : id === 'oscillator' ? oscillatorJson : seedJson;
    p = parseProblem(json);
    cache.set(id, p);
  }
  return p;
}
