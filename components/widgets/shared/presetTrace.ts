// The trace of a preset at the reader's observation times: the one entry point the three sensitivity
// widgets call (memoised, so the second widget asking for the same problem gets the same object).
import { problemFor, type SensitivityPresetId } from './presets';
import { DEFAULT_MAX_STEPS, memoTrace } from './sensitivityTrace';
import type { SensitivityTrace } from './traceTypes';

export function traceKey(presetId: SensitivityPresetId, obs: readonly number[], budget: number = DEFAULT_MAX_STEPS): string {
  return `${presetId}|${obs.join(',')}|${budget}`;
}

/** Throws lib/ode's typed errors (MaxStepsExceededError, StepSizeUnderflowError, ...) unchanged. */
export function traceFor(presetId: SensitivityPresetId, obs: readonly number[], budget: number = DEFAULT_MAX_STEPS): SensitivityTrace {
  return memoTrace(traceKey(presetId, obs, budget), () => problemFor(presetId, obs), { maxSteps: budget });
}
