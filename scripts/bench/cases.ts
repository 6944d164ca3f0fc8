/**
 * The bench cases. Each emits one JSON line per measurement (see harness.emit):
 * {"case","mode","precision","median_ms","runs","nfe_forward","nfe_backward", ...}.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tf } from '../../lib/tf';
import '../../lib/adjoint/float32';
import { computeGradient } from '../../lib/adjoint/gradient';
import { parseProblem, type Problem } from '../../lib/adjoint/problem';
import { packParams } from '../../lib/adjoint/params';
import { countedPeakBytes, outputBytes as outputBytesOf } from '../../lib/adjoint/memoryEstimate';
import type { GradientMode, GradientOptions, GradientResult, Precision } from '../../lib/adjoint/gradientTypes';
import { emit, measure, median, round } from './harness';
import { initialModel, linspace, spiralTrainer, trueTrajectory } from './spiralIteration';

const MODES: GradientMode[] = ['adjoint', 'backprop', 'fd'];
const PRECISIONS: Precision[] = ['float64', 'float32'];

function nfeFields(results: readonly GradientResult[]): Record<string, number> {
  const pick = (f: (r: GradientResult) => number): number => median(results.map(f));
  return {
    nfe_forward: pick((r) => r.stats.nfeForward),
    nfe_backward: pick((r) => r.stats.nfeBackward),
    steps_forward: pick((r) => r.stats.stepsForward),
    steps_backward: pick((r) => r.stats.stepsBackward),
  };
}

export function seedFourSamples(): void {
  const file = path.join(__dirname, '../../tests/reference/seed-four-samples.json');
  const problem = parseProblem(JSON.parse(readFileSync(file, 'utf8')));
  for (const precision of PRECISIONS) {
    for (const mode of MODES) {
      const slow = mode === 'fd';
      const m = measure(() => computeGradient(problem, { mode, precision }), {
        warmup: slow ? 1 : 5,
        minRuns: slow ? 3 : 20,
        minMs: slow ? 0 : 1000,
      });
      emit({ case: 'seed-four-samples', mode, precision, median_ms: m.median_ms, median_cpu_ms: m.median_cpu_ms, runs: m.runs, ...nfeFields(m.results) });
    }
  }
}

/** One ode_demo training iteration (batch, gradient, RMSprop step) per run. */
export function spiralIteration(): void {
  const variants: { mode: GradientMode; precision: Precision; seminorm?: boolean }[] = [];
  for (const precision of PRECISIONS) {
    variants.push({ mode: 'adjoint', precision }, { mode: 'adjoint', precision, seminorm: true }, { mode: 'backprop', precision });
  }
  for (const v of variants) {
    // A fresh trainer per variant: every variant sees the same batches and the same θ trajectory.
    const trainer = spiralTrainer(0);
    const m = measure(
      () => {
        const problem = trainer.nextProblem();
        const r = computeGradient(problem, { mode: v.mode, precision: v.precision, seminorm: v.seminorm });
        trainer.step(packParams(problem.dynamics, r.grad.params));
        return r;
      },
      { warmup: 5, minRuns: 30, minMs: 2000 },
    );
    emit({
      case: 'spiral-iteration',
      mode: v.seminorm ? 'adjoint-seminorm' : v.mode,
      precision: v.precision,
      median_ms: m.median_ms,
      median_cpu_ms: m.median_cpu_ms,
      runs: m.runs,
      ...nfeFields(m.results),
    });
  }
}

/**
 * Memory as the number of observation times grows (t = linspace(0, 25, points + 1), batch 20, the
 * ode_demo model at initialisation). peak_bytes:
 * - float32: the largest tf.memory().numBytes seen during the call (sampled at every f evaluation and
 *   after the backward pass), minus the bytes alive before it;
 * - float64: the bytes of the arrays the algorithm keeps, counted from its sizes: the stored outputs
 *   ẑ_0..ẑ_N, plus for backprop the tape of lib/ode/discreteAdjoint (6 stage inputs per accepted step) and
 *   the recorded steps, plus for the adjoint the working set of one backward step (the augmented state,
 *   its 7 stages and error estimate).
 * output_bytes is ẑ alone (what any method must return): the adjoint's peak minus it stays flat.
 */
export function memoryHorizon(pointsList: readonly number[] = [1, 10, 100, 1000]): void {
  const trueY = trueTrajectory(linspace(0, 25, 1000));
  const spec = initialModel(0);
  const z0 = Array.from({ length: 20 }, (_, i) => trueY[i * 37].slice());
  for (const points of pointsList) {
    const t = linspace(0, 25, points + 1);
    const problem: Problem = {
      format: 'adjoint-problem/1',
      name: 'memory-horizon',
      dynamics: spec,
      z0,
      t,
      targets: t.map(() => z0.map((r) => r.map((v) => 0.5 * v))),
      loss: 'mse',
      // Looser than the file settings: over the whole span [0, 25] float32 cannot hold the backward
      // solve to atol 1e-9 (the step size collapses into maxSteps); the same settings for both precisions.
      solver: { method: 'dopri5', rtol: 1e-5, atol: 1e-7 },
    };
    const P = packParams(spec).length;
    for (const precision of PRECISIONS) {
      for (const mode of ['adjoint', 'backprop'] as GradientMode[]) {
        const opts: GradientOptions = { mode, precision };
        const base = tf.memory().numBytes;
        let m: ReturnType<typeof measure<GradientResult>>;
        try {
          m = measure(() => computeGradient(problem, opts), { warmup: 1, minRuns: 3, minMs: 0, maxRuns: 3 });
        } catch (e) {
          emit({ case: 'memory-horizon', mode, precision, points, error: e instanceof Error ? e.message : String(e) });
          continue;
        }
        const r = m.results[m.results.length - 1];
        const wordBytes = precision === 'float64' ? 8 : 4;
        const shape = { batch: 20, dim: 2, P, points: points + 1, stepsForward: r.stats.stepsForward };
        const outputBytes = outputBytesOf(shape, wordBytes);
        // float64: the counted arrays of lib/adjoint/memoryEstimate.ts (shared with the gradient-check figure).
        const peak = precision === 'float32' ? (r.stats.peakBytes ?? base) - base : countedPeakBytes(mode, shape);
        emit({
          case: 'memory-horizon',
          mode,
          precision,
          points,
          median_ms: m.median_ms,
          median_cpu_ms: m.median_cpu_ms,
          runs: m.runs,
          ...nfeFields(m.results),
          peak_bytes: peak,
          output_bytes: outputBytes,
          peak_minus_output_bytes: peak - outputBytes,
          bytes_method: precision === 'float32' ? 'tf.memory().numBytes peak' : 'counted arrays',
        });
      }
    }
  }
}

/** What the seminorm saves where intervals are long enough for the step count to matter (reference problems). */
export function seminorm(): void {
  for (const name of ['deep-long', 'time-dependent', 'seed-four-samples']) {
    const file = path.join(__dirname, '../../tests/reference', `${name}.json`);
    const problem = parseProblem(JSON.parse(readFileSync(file, 'utf8')));
    for (const precision of PRECISIONS) {
      for (const semi of [false, true]) {
        const m = measure(() => computeGradient(problem, { mode: 'adjoint', precision, seminorm: semi }), { warmup: 2, minRuns: 5, minMs: 1000 });
        emit({
          case: 'seminorm',
          problem: name,
          mode: semi ? 'adjoint-seminorm' : 'adjoint',
          precision,
          median_ms: m.median_ms,
          median_cpu_ms: m.median_cpu_ms,
          runs: m.runs,
          ...nfeFields(m.results),
        });
      }
    }
  }
}

export const CASES: Record<string, () => void> = {
  seminorm,
  'seed-four-samples': seedFourSamples,
  'spiral-iteration': spiralIteration,
  'memory-horizon': () => memoryHorizon(),
};

export { round };
