import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import { makeDynamics } from './dynamics';
import { makeTensorDynamics, paramTensors, tensorsToTheta } from './dynamics/tensor';
import { jacobianT, jacobianTheta, jacobianZ } from './jacobian';
import { CASES, randomVector, relErr } from './dynamics/testCases';

const T = 0.61;

/** Central-difference Jacobian of v ↦ g(v) (rows = outputs). */
function fdJacobian(g: (v: Float64Array) => Float64Array, v: Float64Array, rows: number, h = 1e-5): Float64Array {
  const J = new Float64Array(rows * v.length);
  const w = Float64Array.from(v);
  for (let k = 0; k < v.length; k++) {
    const step = h * Math.max(1, Math.abs(v[k]));
    w[k] = v[k] + step;
    const up = g(w);
    w[k] = v[k] - step;
    const down = g(w);
    w[k] = v[k];
    for (let i = 0; i < rows; i++) J[i * v.length + k] = (up[i] - down[i]) / (2 * step);
  }
  return J;
}

describe('orientation: rows are outputs f_i, columns are inputs', () => {
  it('linear dz/dt = A z has Jacobian A itself (not Aᵀ)', () => {
    const A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]];
    const J = jacobianZ(makeDynamics({ kind: 'linear', A }), 0, [0.1, 0.2, 0.3]);
    expect(Array.from(J)).toEqual(A.flat());
  });
  it('damped oscillator: J = [[0, 1], [−ω², −2ζω]], ∂f/∂θ rows (0, 0) and (−2ωx − 2ζv, −2ωv)', () => {
    const dyn = makeDynamics({ kind: 'dampedOscillator', omega: 2, zeta: 0.25 });
    expect(Array.from(jacobianZ(dyn, 0, [1, -3]), (v) => v + 0)).toEqual([0, 1, -4, -1]);
    expect(Array.from(jacobianTheta(dyn, 0, [1, -3]), (v) => v + 0)).toEqual([0, 0, -4 + 1.5, 12]);
  });
});

describe.each(CASES)('$name', ({ spec }) => {
  const dyn = makeDynamics(spec);
  const { D, P } = dyn;
  const z = randomVector(300, D, 0.8);
  const theta0 = Float64Array.from(dyn.theta);

  it('jacobianZ, jacobianTheta and jacobianT match central finite differences (≤ 1e-7 relative)', () => {
    const Jz = jacobianZ(dyn, T, Array.from(z));
    expect(Jz.length).toBe(D * D);
    expect(relErr(Jz, fdJacobian((v) => dyn.f(T, v), z, D))).toBeLessThan(1e-7);
    const Jth = jacobianTheta(dyn, T, z);
    expect(Jth.length).toBe(D * P);
    const fdTh = fdJacobian((th) => {
      dyn.theta.set(th);
      const y = dyn.f(T, z);
      dyn.theta.set(theta0);
      return y;
    }, theta0, D);
    expect(relErr(Jth, fdTh)).toBeLessThan(1e-7);
    const Jt = jacobianT(dyn, T, z);
    const fdT = fdJacobian((tt) => dyn.f(tt[0], z), Float64Array.of(T), D);
    if (dyn.timeDependent) expect(relErr(Jt, fdT)).toBeLessThan(1e-7);
    else expect(Array.from(Jt)).toEqual(new Array(D).fill(0));
  });

  it('match tfjs autodiff Jacobians (tf.grads per output, float32, ≤ 1e-5 relative), no leaks', () => {
    const before = tf.memory().numTensors;
    const tdyn = makeTensorDynamics(spec);
    const params = paramTensors(spec);
    const zt = tf.tensor2d(Float32Array.from(z), [1, D]);
    const jz = new Float64Array(D * D);
    const jth = new Float64Array(D * P);
    for (let i = 0; i < D; i++) {
      const unit = new Float32Array(D);
      unit[i] = 1;
      const dy = tf.tensor2d(unit, [1, D]);
      const grads = tf.grads((...xs: tf.Tensor[]) => tdyn.fTensor(T, xs[0] as tf.Tensor2D, xs.slice(1)))([zt, ...params], dy);
      jz.set(grads[0].dataSync(), i * D);
      jth.set(tensorsToTheta(grads.slice(1)), i * P);
      tf.dispose([dy, ...grads]);
    }
    tf.dispose([zt, ...params]);
    expect(tf.memory().numTensors).toBe(before);
    const d32 = makeDynamics(spec, Float64Array.from(Float32Array.from(theta0)));
    const z32 = Float64Array.from(Float32Array.from(z));
    expect(relErr(jz, jacobianZ(d32, T, z32))).toBeLessThan(1e-5);
    expect(relErr(jth, jacobianTheta(d32, T, z32))).toBeLessThan(1e-5);
  });
});

it('rejects a state of the wrong length', () => {
  expect(() => jacobianZ(makeDynamics(CASES[0].spec), 0, [1, 2, 3])).toThrow(/length D = 2/);
});
