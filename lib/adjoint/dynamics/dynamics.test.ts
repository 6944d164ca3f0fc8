import { describe, expect, it } from 'vitest';
import { tf } from '../../tf';
import { makeDynamics } from './index';
import { makeTensorDynamics, paramTensors, tensorsToTheta, vjpTensor } from './tensor';
import { CASES, centralGrad, dot, randomVector, relErr } from './testCases';

const T = 0.37;

describe.each(CASES)('$name', ({ spec, batch }) => {
  const dyn = makeDynamics(spec);
  const { D, P } = dyn;
  const z = randomVector(100, batch * D, 0.8);
  const a = randomVector(200, batch * D);
  const theta0 = Float64Array.from(dyn.theta);

  it('vjp matches central finite differences of aᵀf in z, θ and t (float64, ≤ 1e-7 relative)', () => {
    const r = dyn.vjp(T, z, a);
    const gz = centralGrad((zz) => dot(a, dyn.f(T, zz)), z);
    const gth = centralGrad((th) => {
      dyn.theta.set(th);
      const v = dot(a, dyn.f(T, z));
      dyn.theta.set(theta0);
      return v;
    }, theta0);
    const gt = centralGrad((tt) => dot(a, dyn.f(tt[0], z)), Float64Array.of(T))[0];
    expect(r.z.length).toBe(batch * D);
    expect(r.theta.length).toBe(P);
    expect(relErr(r.z, gz)).toBeLessThan(1e-7);
    expect(relErr(r.theta, gth)).toBeLessThan(1e-7);
    if (dyn.timeDependent) expect(Math.abs(r.t - gt)).toBeLessThan(1e-7 * Math.max(1, Math.abs(gt)));
    else expect(r.t).toBe(0);
    expect(Array.from(dyn.theta)).toEqual(Array.from(theta0));
  });

  it('vjp writes into supplied buffers and gives the same numbers; f respects out', () => {
    const fresh = dyn.vjp(T, z, a);
    const out = { z: new Float64Array(batch * D).fill(9), theta: new Float64Array(P).fill(9) };
    const r = dyn.vjp(T, z, a, out);
    expect(r.z).toBe(out.z);
    expect(r.theta).toBe(out.theta);
    expect(Array.from(r.z)).toEqual(Array.from(fresh.z));
    expect(Array.from(r.theta)).toEqual(Array.from(fresh.theta));
    const fo = new Float64Array(batch * D);
    expect(dyn.f(T, z, fo)).toBe(fo);
    expect(Array.from(fo)).toEqual(Array.from(dyn.f(T, z)));
    // A batch of one row gives that row of the batched f (scratch buffers reused across batch sizes).
    const row = dyn.f(T, z.slice(D, 2 * D));
    for (let j = 0; j < D; j++) expect(row[j]).toBe(fo[D + j]);
  });

  it('fVjp gives exactly f and vjp (one forward pass for the MLP), into supplied buffers too', () => {
    const r = dyn.fVjp(T, z, a);
    const ref = dyn.vjp(T, z, a);
    expect(Array.from(r.f)).toEqual(Array.from(dyn.f(T, z)));
    expect(Array.from(r.z)).toEqual(Array.from(ref.z));
    expect(Array.from(r.theta)).toEqual(Array.from(ref.theta));
    expect(r.t).toBe(ref.t);
    const out = { f: new Float64Array(batch * D), z: new Float64Array(batch * D), theta: new Float64Array(P) };
    const r2 = dyn.fVjp(T, z, a, out);
    expect(r2.f).toBe(out.f);
    expect(r2.z).toBe(out.z);
    expect(r2.theta).toBe(out.theta);
    expect(Array.from(r2.f)).toEqual(Array.from(r.f));
  });

  it('tfjs fTensor and vjpTensor agree with float64 f and vjp (float32, ≤ 1e-5 relative), no leaks', () => {
    const before = tf.memory().numTensors;
    const tdyn = makeTensorDynamics(spec);
    expect(tdyn.D).toBe(D);
    expect(tdyn.P).toBe(P);
    const params = paramTensors(spec);
    expect(relErr(tensorsToTheta(params), theta0)).toBeLessThan(1e-7);
    const zt = tf.tensor2d(Float32Array.from(z), [batch, D]);
    const at = tf.tensor2d(Float32Array.from(a), [batch, D]);
    const res = vjpTensor(tdyn, T, zt, at, params, true);
    // Compare with float64 evaluated at the float32-rounded inputs, so only arithmetic differs.
    const z32 = Float64Array.from(Float32Array.from(z));
    const a32 = Float64Array.from(Float32Array.from(a));
    const d32 = makeDynamics(spec, Float64Array.from(Float32Array.from(theta0)));
    const ref = d32.vjp(T, z32, a32);
    expect(relErr(res.f.dataSync(), d32.f(T, z32))).toBeLessThan(1e-5);
    expect(relErr(res.z.dataSync(), ref.z)).toBeLessThan(1e-5);
    expect(relErr(tensorsToTheta(res.params), ref.theta)).toBeLessThan(1e-5);
    const gt = res.t!.dataSync()[0];
    expect(Math.abs(gt - ref.t)).toBeLessThan(1e-5 * Math.max(1, Math.abs(ref.t)));
    tf.dispose([zt, at, ...params, res.f, res.z, ...res.params, res.t!]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('dynamics input checks', () => {
  it('rejects a state whose length is not a multiple of D', () => {
    const dyn = makeDynamics(CASES[0].spec);
    expect(() => dyn.f(0, new Float64Array(3))).toThrow(/not a positive multiple of D = 2/);
  });
  it('rejects θ of the wrong length', () => {
    expect(() => makeDynamics(CASES[0].spec, new Float64Array(3))).toThrow(/θ has 3 entries/);
  });
});
