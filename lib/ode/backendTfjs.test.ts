import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { odeint } from './odeint';
import { tfjsBackend } from './backendTfjs';
import { float64Backend } from './backendFloat64';
import { discreteAdjoint } from './discreteAdjoint';
import { InvalidInputError, MaxStepsExceededError, StepSizeUnderflowError } from './errors';
import type { OdeOptions } from './types';
import { flat, linearField, linearVjp, loadLinear2d, relErr } from './testFixtures';

const ref = loadLinear2d();
const exact = Float64Array.from(ref.zhat.flat(2));
const opts: OdeOptions = { rtol: 1e-7, atol: 1e-9 };

let baseline = 0;
beforeEach(() => {
  baseline = tf.memory().numTensors;
});
afterEach(() => {
  // Every test must leave the engine as it found it, success or error.
  expect(tf.memory().numTensors).toBe(baseline);
});

/** dz/dt = Z·Aᵀ for a [batch, D] state. */
const linearTf = (A: tf.Tensor2D) => (_t: number, z: tf.Tensor[]) => [tf.matMul(z[0] as tf.Tensor2D, A, false, true)];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('tfjs backend', () => {
  it('agrees with float64 and with the exact values on linear-2d (≤ 1e-5 relative)', () => {
    const A = tf.tensor2d(ref.A);
    const z0 = tf.tensor2d(ref.z0);
    const sol = odeint(linearTf(A), [z0], ref.t, opts, tfjsBackend);
    const got = Float64Array.from(sol.ys.flatMap((y) => Array.from(y[0].dataSync())));
    const f64 = odeint(linearField(ref.A), flat(ref.z0), ref.t, opts, float64Backend);
    const want = Float64Array.from(f64.ys.flatMap((y) => Array.from(y)));
    expect(relErr(got, want)).toBeLessThan(1e-5);
    expect(relErr(got, exact)).toBeLessThan(1e-5);
    // Same controller, same problem: the step counts agree within a few steps despite float32.
    expect(Math.abs(sol.stats.accepted - f64.stats.accepted)).toBeLessThanOrEqual(3);
    expect(sol.ys[0][0]).not.toBe(z0);
    sol.ys.forEach((y) => tf.dispose(y));
    tf.dispose([A, z0]);
  });

  it('fixed-step rk4 and a 2-tensor tuple state ([z, q] with q′ = |z|²) match float64', () => {
    const A = tf.tensor2d(ref.A);
    const z0 = tf.tensor2d(ref.z0);
    const q0 = tf.zeros([1]);
    const f = (_t: number, v: tf.Tensor[]) => {
      const dz = tf.matMul(v[0] as tf.Tensor2D, A, false, true);
      return [dz, tf.reshape(tf.sum(tf.square(v[0])), [1])];
    };
    const sol = odeint(f, [z0, q0], [0, 1, 2], { method: 'rk4', stepsPerInterval: 20 }, tfjsBackend);
    const fd = linearField(ref.A);
    const f64 = odeint(
      (t, v) => {
        const dz = fd(t, v.subarray(0, 2));
        return Float64Array.from([dz[0], dz[1], v[0] * v[0] + v[1] * v[1]]);
      },
      Float64Array.from([2, 0, 0]),
      [0, 1, 2],
      { method: 'rk4', stepsPerInterval: 20 },
      float64Backend,
    );
    expect(relErr(tfjsBackend.toFloat64(sol.ys[2]), f64.ys[2])).toBeLessThan(1e-5);
    expect(sol.stats).toEqual(f64.stats);
    sol.ys.forEach((y) => tf.dispose(y));
    tf.dispose([A, z0, q0]);
  });

  it('backwards time, single time point, recordSteps + dense output', () => {
    const A = tf.tensor2d(ref.A);
    const zEnd = tf.tensor2d(ref.zhat[4]);
    const back = odeint(linearTf(A), [zEnd], [2, 1, 0], { ...opts, recordSteps: true }, tfjsBackend);
    expect(relErr(back.ys[2][0].dataSync(), ref.z0[0])).toBeLessThan(1e-5);
    expect(relErr(back.dense!(1.5), ref.zhat[3][0])).toBeLessThan(1e-5);
    expect(back.steps!.length).toBe(back.stats.accepted);
    const single = odeint(linearTf(A), [zEnd], [3], opts, tfjsBackend);
    expect(Array.from(single.ys[0][0].dataSync())).toEqual(Array.from(zEnd.dataSync()));
    [...back.ys, ...single.ys].forEach((y) => tf.dispose(y));
    tf.dispose([A, zEnd]);
  });

  it('tf.grads through odeint matches float64 discreteAdjoint within 1e-4 (and the exact gradient)', () => {
    const A = tf.tensor2d(ref.A);
    const z0 = tf.tensor2d(ref.z0);
    const targets = ref.targets.map((tg) => tf.tensor2d(tg));
    const lossFn = (zz: tf.Tensor, AA: tf.Tensor) => {
      const sol = odeint(linearTf(AA as tf.Tensor2D), [zz], ref.t, opts, tfjsBackend);
      const terms = sol.ys.slice(1).map((y, i) => tf.sum(tf.squaredDifference(y[0], targets[i + 1])));
      return tf.addN(terms) as tf.Scalar;
    };
    const { value, grads } = tf.valueAndGrads(lossFn)([z0, A]);
    const gz = Float64Array.from(grads[0].dataSync());
    const gA = Float64Array.from(grads[1].dataSync());
    const loss = value.dataSync()[0];

    const fd = linearField(ref.A);
    const sol = odeint(fd, flat(ref.z0), ref.t, { ...opts, recordSteps: true }, float64Backend);
    const cot = sol.ys.map((y, i) => (i === 0 ? null : y.map((v, j) => 2 * (v - ref.targets[i][0][j]))));
    const g = discreteAdjoint({ f: fd, vjp: linearVjp(ref.A), z0: flat(ref.z0), t: ref.t, steps: sol.steps!, cotangents: cot, nTheta: 4 });
    expect(relErr(gz, g.z0)).toBeLessThan(1e-4);
    expect(relErr(gA, g.theta)).toBeLessThan(1e-4);
    expect(relErr(gz, flat(ref.gradZ0))).toBeLessThan(1e-4);
    expect(relErr(gA, flat(ref.gradA))).toBeLessThan(1e-4);
    expect(Math.abs(loss - ref.loss) / ref.loss).toBeLessThan(1e-5);
    tf.dispose([value, ...grads, A, z0, ...targets]);
  });

  describe('errors (same classes as float64) leave no tensors behind', () => {
    it('NaN in z0, non-monotonic / repeated t, shape mismatch, bad options → InvalidInputError', () => {
      const A = tf.tensor2d(ref.A);
      const good = tf.tensor2d(ref.z0);
      const nanZ = tf.tensor2d([[NaN, 0]]);
      const e1 = thrown(() => odeint(linearTf(A), [nanZ], [0, 1], opts, tfjsBackend));
      expect(e1).toBeInstanceOf(InvalidInputError);
      expect((e1 as Error).message).toMatch(/at t = 0/);
      expect(() => odeint(linearTf(A), [good], [0, 1, 0.5], opts, tfjsBackend)).toThrow(/not monotonic at t\[2\] = 0.5/);
      expect(() => odeint(linearTf(A), [good], [0, 1, 1], opts, tfjsBackend)).toThrow(/repeated time/);
      const wrong = () => [tf.zeros([1, 3])];
      const e2 = thrown(() => odeint(wrong, [good], [0.5, 1], opts, tfjsBackend)) as InvalidInputError;
      expect(e2).toBeInstanceOf(InvalidInputError);
      expect(e2.message).toMatch(/returned shape \[\[1,3\]\] but z0 has shape \[\[1,2\]\] \(at t = 0.5\)/);
      expect(() => odeint(linearTf(A), [good], [0, 1], { method: 'rk4', stepSize: 0.1, stepsPerInterval: 2 }, tfjsBackend)).toThrow(
        InvalidInputError,
      );
      tf.dispose([A, good, nanZ]);
    });

    it("blow-up z² → StepSizeUnderflowError; NaN field → 'non-finite'; maxSteps; tiny fixed step", () => {
      const square = (_t: number, z: tf.Tensor[]) => [tf.square(z[0])];
      const one = tf.tensor1d([1]);
      const e1 = thrown(() => odeint(square, [one], [0, 2], {}, tfjsBackend)) as StepSizeUnderflowError;
      expect(e1).toBeInstanceOf(StepSizeUnderflowError);
      expect(e1.reason).toBe('too-small'); // as in float64: h underflows while y is still finite
      expect(Math.abs(e1.time! - 1)).toBeLessThan(1e-2);

      const nanAfterHalf = (t: number, z: tf.Tensor[]) => [t > 0.5 ? tf.mul(z[0], NaN) : tf.clone(z[0])];
      const e2 = thrown(() => odeint(nanAfterHalf, [one], [0, 2], {}, tfjsBackend)) as StepSizeUnderflowError;
      expect(e2.reason).toBe('non-finite');
      expect(Math.abs(e2.time! - 0.5)).toBeLessThan(1e-9);
      const e2f = thrown(() => odeint(nanAfterHalf, [one], [0, 2], { method: 'midpoint', stepSize: 0.25 }, tfjsBackend));
      expect((e2f as StepSizeUnderflowError).reason).toBe('non-finite');

      const A = tf.tensor2d(ref.A);
      const z0 = tf.tensor2d(ref.z0);
      const e3 = thrown(() => odeint(linearTf(A), [z0], ref.t, { maxSteps: 4 }, tfjsBackend));
      expect(e3).toBeInstanceOf(MaxStepsExceededError);
      expect((e3 as Error).message).toMatch(/Try increasing maxSteps/);
      // Mid-run failure after several accepted outputs: the outputs kept so far are disposed too.
      const e4 = thrown(() => odeint(linearTf(A), [z0], ref.t, { maxSteps: 30, rtol: 1e-9, atol: 1e-11 }, tfjsBackend));
      expect(e4).toBeInstanceOf(MaxStepsExceededError);
      const t0 = performance.now();
      const e5 = thrown(() => odeint(linearTf(A), [z0], [0, 1], { method: 'rk4', stepSize: 1e-9 }, tfjsBackend));
      expect(e5).toBeInstanceOf(MaxStepsExceededError);
      expect(performance.now() - t0).toBeLessThan(50);
      const boom = (t: number, z: tf.Tensor[]) => {
        if (t > 0.3) throw new RangeError('boom');
        return [tf.neg(z[0])];
      };
      expect(() => odeint(boom, [z0], [0, 1], {}, tfjsBackend)).toThrow(RangeError);
      tf.dispose([one, A, z0]);
    });

    it('errors inside tf.grads also leave no tensors behind', () => {
      const A = tf.tensor2d(ref.A);
      const z0 = tf.tensor2d(ref.z0);
      const e = thrown(() =>
        tf.grads((zz: tf.Tensor) => {
          const sol = odeint(linearTf(A), [zz], ref.t, { maxSteps: 10 }, tfjsBackend);
          return tf.sum(sol.ys[4][0]);
        })([z0]),
      );
      expect(e).toBeInstanceOf(MaxStepsExceededError);
      tf.dispose([A, z0]);
    });

    it('a failed solve caught inside tf.grads does not disturb the gradient of what follows', () => {
      const A = tf.tensor2d(ref.A);
      const z0 = tf.tensor2d(ref.z0);
      const [g] = tf.grads((zz: tf.Tensor) => {
        const pre = tf.mul(zz, 3); // recorded before the failure: must survive
        try {
          odeint(linearTf(A), [pre], ref.t, { maxSteps: 3 }, tfjsBackend);
        } catch (err) {
          expect(err).toBeInstanceOf(MaxStepsExceededError);
        }
        const sol = odeint(linearTf(A), [pre], [0, 0.5], opts, tfjsBackend);
        return tf.sum(sol.ys[1][0]);
      })([z0]);
      // d/dz0 Σ exp(0.5 A)(3 z0) = 3 · 1ᵀ exp(0.5 A); exp(0.5A) = e^{-0.05} [[cos 1, sin 1], [−sin 1, cos 1]].
      const e = Math.exp(-0.05);
      const want = [3 * e * (Math.cos(1) - Math.sin(1)), 3 * e * (Math.sin(1) + Math.cos(1))];
      expect(relErr(g.dataSync(), want)).toBeLessThan(1e-5);
      tf.dispose([g, A, z0]);
    });
  });
});
