'use client';
// The shared problem trace for the current (preset, times), keeping the last good one when a solve
// fails: the view shows the error in its ErrorBanner while the figure stays on the last valid state.
import { useMemo } from 'react';
import { useLastGood } from '@/components/widgets/shared/useLastGood';
import type { SensitivityPresetId } from '@/components/widgets/shared/presets';
import { problemTrace, type ProblemTrace } from './problemTrace';

export interface ProblemTraceState {
  pt: ProblemTrace | null;
  error: unknown;
}

export function useProblemTrace(presetId: SensitivityPresetId, obs: readonly number[]): ProblemTraceState {
  const obsKey = obs.join(',');
  const result = useMemo<ProblemTraceState>(() => {
    try {
      return { pt: problemTrace(presetId, obsKey.split(',').map(Number)), error: null };
    } catch (err) {
      return { pt: null, error: err };
    }
  }, [presetId, obsKey]);
  return { pt: useLastGood(result.pt), error: result.error };
}
