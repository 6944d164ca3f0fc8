// The problems the sensitivity widgets switch between, and how a reader's observation times turn a
// preset into a concrete problem. The base problems come from lib/adjoint/presets.ts (presetSource.ts);
// this file adds what the widgets need around them: labels, the draggable time range, and targets at
// times the preset did not list — the true system's states where lib/adjoint has them (spiral,
// oscillator), else piecewise-linear through the preset's own targets (linear, seed).
import type { Problem } from '@/lib/adjoint/problem';
import { basePresetProblem, trueTargets } from './presetSource';

export const SENSITIVITY_PRESET_IDS = ['spiral', 'linear', 'oscillator', 'seed'] as const;
export type SensitivityPresetId = (typeof SENSITIVITY_PRESET_IDS)[number];

export const MIN_OBS = 2;
export const MAX_OBS = 8;

export interface SensitivityPreset {
  id: SensitivityPresetId;
  label: string;
  /** Observation times may be dragged within [tMin, tMax], at least minGap apart. */
  tMin: number;
  tMax: number;
  minGap: number;
  /** Whether an exact solution (matrix exponential) is drawn for comparison. */
  exact: boolean;
}

export const SENSITIVITY_PRESETS: Readonly<Record<SensitivityPresetId, SensitivityPreset>> = {
  spiral: { id: 'spiral', label: '2-D spiral, small MLP', tMin: 0, tMax: 5, minGap: 0.1, exact: false },
  linear: { id: 'linear', label: 'Linear system (exact solution)', tMin: 0, tMax: 3, minGap: 0.1, exact: true },
  oscillator: { id: 'oscillator', label: 'Damped oscillator', tMin: 0, tMax: 6, minGap: 0.1, exact: true },
  seed: { id: 'seed', label: 'Four samples (reference problem)', tMin: 0, tMax: 4, minGap: 0.1, exact: false },
};

export function isPresetId(id: string): id is SensitivityPresetId {
  return (SENSITIVITY_PRESET_IDS as readonly string[]).includes(id);
}

/** The preset's own observation times t_0..t_N. */
export function defaultObs(id: SensitivityPresetId): number[] {
  return basePresetProblem(id).t.slice();
}

/** Sorted, clamped into the preset's range, at least minGap apart, 2..8 of them; null if impossible. */
export function normalizeObs(id: SensitivityPresetId, obs: readonly number[]): number[] | null {
  const p = SENSITIVITY_PRESETS[id];
  const sorted = obs.filter(Number.isFinite).map((v) => Math.min(p.tMax, Math.max(p.tMin, v))).sort((a, b) => a - b);
  if (sorted.length < MIN_OBS || sorted.length > MAX_OBS) return null;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] - sorted[i - 1] < p.minGap - 1e-12) return null;
  return sorted;
}

/** Linear interpolation of the preset's targets (knot 0 is z0 at t_0), held constant outside. */
function targetAt(base: Problem, tau: number): number[][] {
  const knots = base.t;
  const values = [base.z0, ...base.targets.slice(1)];
  if (tau <= knots[0]) return values[0].map((r) => r.slice());
  const last = knots.length - 1;
  if (tau >= knots[last]) return values[last].map((r) => r.slice());
  let k = 1;
  while (knots[k] < tau) k++;
  const w = (tau - knots[k - 1]) / (knots[k] - knots[k - 1]);
  return values[k].map((row, b) => row.map((v, d) => values[k - 1][b][d] * (1 - w) + v * w));
}

/** The preset with the reader's observation times (which must be normalised). */
export function problemFor(id: SensitivityPresetId, obs: readonly number[]): Problem {
  const base = basePresetProblem(id);
  const same = obs.length === base.t.length && obs.every((v, i) => v === base.t[i]);
  if (same) return base;
  const { expected: _unused, ...rest } = base;
  void _unused; // the reference answers no longer apply once the times move
  const targets = trueTargets(id, base.z0, obs) ?? obs.map((tau) => targetAt(base, tau));
  return { ...rest, t: obs.slice(), targets };
}
