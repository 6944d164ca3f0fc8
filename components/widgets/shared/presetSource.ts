// Where the widgets' base problems come from: lib/adjoint/presets.ts (the ONE source of presets), and
// how each preset gets targets at observation times the reader moved: from the preset's own "truth"
// where lib/adjoint has one (the true spiral; the true oscillator's exact motion), else null (the
// caller interpolates the preset's targets).
import {
  DAMPED_TRUE,
  dampedOscillator,
  linear2d,
  seedFourSamples,
  spiralMlp,
  trueSpiralStates,
} from '@/lib/adjoint/presets';
import { exactStates } from '@/lib/adjoint/exact';
import type { Problem } from '@/lib/adjoint/problem';
import type { SensitivityPresetId } from './presets';

const BUILD: Record<SensitivityPresetId, () => Problem> = {
  spiral: spiralMlp,
  linear: linear2d,
  oscillator: dampedOscillator,
  seed: seedFourSamples,
};

const cache = new Map<SensitivityPresetId, Problem>();

/** The preset as lib/adjoint builds it (cached: presets are rebuilt deterministically anyway). */
export function basePresetProblem(id: SensitivityPresetId): Problem {
  let p = cache.get(id);
  if (!p) {
    p = BUILD[id]();
    cache.set(id, p);
  }
  return p;
}

/** Targets [time][batch][D] at `obs` from the preset's true system, or null when it has none. */
export function trueTargets(id: SensitivityPresetId, z0: number[][], obs: readonly number[]): number[][][] | null {
  if (id === 'spiral') {
    // The truth starts at z0 at t_0 = obs[0]; trueSpiralStates integrates from its first time.
    return trueSpiralStates(z0, obs);
  }
  if (id === 'oscillator') return exactStates({ kind: 'dampedOscillator', ...DAMPED_TRUE }, z0, obs[0], obs);
  return null;
}
