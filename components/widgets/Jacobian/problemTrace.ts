// The problem, its trace and its float64 dynamics for a (preset, observation times) pair, as the
// Jacobian and integral widgets read them. The trace is the shared store's (memoTrace) under the SAME
// key the sensitivity stepper uses at its default step budget (Sensitivity/model.ts traceKey), so the
// three figures in the article share one computation. The dynamics object is lib/adjoint's, built once
// per problem: every Jacobian or VJP the widgets show is one call on it.
import { makeDynamics, type Dynamics } from '@/lib/adjoint/dynamics';
import { paramBlocks, paramLabels, type ParamBlock, type ParamLabel } from '@/lib/adjoint/params';
import type { Problem } from '@/lib/adjoint/problem';
import { problemFor, type SensitivityPresetId } from '@/components/widgets/shared/presets';
import { DEFAULT_MAX_STEPS, memoTrace } from '@/components/widgets/shared/sensitivityTrace';
import type { SensitivityTrace } from '@/components/widgets/shared/traceTypes';

/** Same format as the stepper's traceKey(presetId, obs, budget) with its default budget. */
export function problemKey(presetId: SensitivityPresetId, obs: readonly number[]): string {
  return `${presetId}|${obs.join(',')}|${DEFAULT_MAX_STEPS}`;
}

export interface ProblemTrace {
  key: string;
  presetId: SensitivityPresetId;
  problem: Problem;
  trace: SensitivityTrace;
  dyn: Dynamics;
  blocks: ParamBlock[];
  labels: ParamLabel[];
}

// Per-key extras (problem, dynamics, labels); the trace itself is memoised by the shared store.
const extras = new Map<string, Omit<ProblemTrace, 'trace'>>();
const EXTRAS_SIZE = 12;

/**
 * Everything both widgets need about one problem. Throws lib/ode's typed errors (from the trace) and
 * RangeError for impossible times unchanged, so the view can show them in its ErrorBanner.
 */
export function problemTrace(presetId: SensitivityPresetId, obs: readonly number[]): ProblemTrace {
  const key = problemKey(presetId, obs);
  let ex = extras.get(key);
  if (!ex) {
    const problem = problemFor(presetId, obs);
    ex = {
      key,
      presetId,
      problem,
      dyn: makeDynamics(problem.dynamics),
      blocks: paramBlocks(problem.dynamics),
      labels: paramLabels(problem.dynamics),
    };
    extras.set(key, ex);
    if (extras.size > EXTRAS_SIZE) extras.delete(extras.keys().next().value as string);
  }
  const problem = ex.problem;
  const trace = memoTrace(key, () => problem, { maxSteps: DEFAULT_MAX_STEPS });
  return { ...ex, trace };
}
