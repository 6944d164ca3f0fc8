// The URL-state fields the three sensitivity widgets (sensitivity, jacobian, integral) share, as zod
// shapes that accept both typed values and query strings (components/embed/queryParams.ts):
//   ?preset=linear&tau=1.5&obs=0,1,2,3&param=4
// `obs` stays a string in the state (embed URLs carry primitives only); parseObs turns it into times.
// An empty `obs` means "the preset's own times". Each widget spreads `sharedStateShape` into its own
// z.object and adds its private fields.
import { z } from 'zod';
import { qEnum, qInt, qNumber } from '@/components/embed/queryParams';
import { MAX_OBS, MIN_OBS, SENSITIVITY_PRESET_IDS } from './presets';

const OBS_PATTERN = /^\s*-?\d+(\.\d+)?(\s*,\s*-?\d+(\.\d+)?)*\s*$/;

export const obsField = z
  .string()
  .refine((s) => s.trim() === '' || OBS_PATTERN.test(s), { message: 'expected comma-separated times, e.g. 0,1,2,3' })
  .refine((s) => s.trim() === '' || (s.split(',').length >= MIN_OBS && s.split(',').length <= MAX_OBS), {
    message: `expected ${MIN_OBS} to ${MAX_OBS} times`,
  })
  .default('');

export const sharedStateShape = {
  preset: qEnum(SENSITIVITY_PRESET_IDS, 'spiral'),
  /** Clamped into [t_0, t_N] by the widgets. */
  tau: qNumber(0, { min: -1e6, max: 1e6 }),
  obs: obsField,
  /** Selected parameter index (into θ's flat layout, lib/adjoint/params.ts). */
  param: qInt(0, { min: 0, max: 100_000 }),
};

export const sharedStateSchema = z.object(sharedStateShape);
export type SharedUrlState = z.infer<typeof sharedStateSchema>;

/** "0, 1,2.5" → [0, 1, 2.5]; '' → null (use the preset's times). */
export function parseObs(s: string): number[] | null {
  if (s.trim() === '') return null;
  const v = s.split(',').map((x) => Number(x.trim()));
  return v.every(Number.isFinite) ? v : null;
}

/** Times → the URL form, rounded so links stay short ("0,1,2.35"). */
export function formatObs(obs: readonly number[]): string {
  return obs.map((v) => String(Math.round(v * 1000) / 1000)).join(',');
}
