// The runner on the article's problems through lib/adjoint (float32 = tfjs cpu in Node):
// six runs in order, fd chunks equal to one whole fd call, tensors back to baseline, cancellation
// discards, a timeout rejects with lib's typed error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tf } from '@/lib/tf';
import { computeGradient } from '@/lib/adjoint/gradient';
import { packParams } from '@/lib/adjoint/params';
import { defaultObs, problemFor } from '@/components/widgets/shared/presets';
import { ALL_RUNS, ChecksCancelledError, runChecks } from './runChecks';
import type { RunKey } from './model';

const seed = problemFor('seed', defaultObs('seed'));
const immediate = () => Promise.resolve();

describe('runChecks', () => {
  let baseline = 0;
  beforeEach(() => {
    baseline = tf.memory().numTensors;
  });
  afterEach(() => {
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('runs the six computations in order (float64 first) with nfe, time and memory > 0', async () => {
    const order: RunKey[] = [];
    const runs = await runChecks(seed, ALL_RUNS, { onResult: (r) => order.push(`${r.mode}-${r.precision}`), pause: immediate });
    expect(order).toEqual(['adjoint-float64', 'backprop-float64', 'fd-float64', 'adjoint-float32', 'backprop-float32', 'fd-float32']);
    for (const key of ALL_RUNS) {
      const r = runs[key]!;
      expect(r.nfeForward, key).toBeGreaterThan(0);
      expect(r.nfeBackward, key).toBeGreaterThan(0);
      expect(r.ms, key).toBeGreaterThan(0);
      expect(r.memoryBytes, key).toBeGreaterThan(0);
      expect(r.theta.every(Number.isFinite), key).toBe(true);
      expect(r.memoryMethod, key).toBe(key.endsWith('float32') && !key.startsWith('fd') ? 'measured' : 'counted');
    }
    expect(runs['fd-float64']!.solves).toBe(2 * (2 + 82 + 4) + 1);
    expect(runs['fd-float32']!.solves).toBe(2 * (2 + 82 + 4) + 1);
    // tfjs's measured peak: backprop keeps its tape of tensors, the adjoint one step's working set.
    // (The float64 counts are the other way round on this small problem: one augmented step holds
    // 10 copies of the 82 parameters, while 13 forward steps of a 1×2 state make a short tape.)
    expect(runs['backprop-float32']!.memoryBytes).toBeGreaterThan(runs['adjoint-float32']!.memoryBytes);
  }, 60_000);

  it('fd in chunks gives exactly what one whole fd call gives (float64), nominal solve counted once', async () => {
    const runs = await runChecks(seed, ['fd-float64'], { pause: immediate, chunkMs: 1 });
    const whole = computeGradient(seed, { mode: 'fd', precision: 'float64' });
    expect(runs['fd-float64']!.theta).toEqual(Array.from(packParams(seed.dynamics, whole.grad.params)));
    expect(runs['fd-float64']!.z0).toEqual(whole.grad.z0.flat());
    expect(runs['fd-float64']!.t).toEqual(whole.grad.t);
    expect(runs['fd-float64']!.nfeBackward).toBe(whole.stats.nfeBackward);
    expect(runs['fd-float64']!.solves).toBe(whole.stats.solves);
  });

  it('an abort discards the rest: no result after the abort, rejects with ChecksCancelledError', async () => {
    const ctrl = new AbortController();
    const seen: string[] = [];
    const p = runChecks(seed, ALL_RUNS, {
      signal: ctrl.signal,
      pause: immediate,
      onResult: (r) => {
        seen.push(r.mode);
        ctrl.abort();
      },
    });
    await expect(p).rejects.toBeInstanceOf(ChecksCancelledError);
    expect(seen).toEqual(['adjoint']);
  });

  it('a run over its time budget rejects with GradientTimeoutError (float32 too), leaving no tensors', async () => {
    for (const key of ['adjoint-float64', 'backprop-float32'] as RunKey[]) {
      await expect(runChecks(seed, [key], { pause: immediate, timeoutMs: 1, gradientOptions: { rtol: 1e-12, atol: 1e-14 } })).rejects.toMatchObject({ name: 'GradientTimeoutError' });
    }
  });
});
