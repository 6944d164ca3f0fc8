import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tf } from '../tf';
import { flattenStates, parseProblem } from './problem';
import { lossGrad, lossScale, lossValue } from './loss';
import { lossTensor } from './lossTensor';
import { centralGrad, randomVector, relErr } from './dynamics/testCases';

const REF = path.resolve(__dirname, '../../tests/reference');
const NAMES = ['linear-2d', 'seed-four-samples', 'spiral-batch', 'time-dependent', 'deep-long'];
const load = (name: string) => parseProblem(JSON.parse(readFileSync(path.join(REF, `${name}.json`), 'utf8')));

describe('loss of the reference problems', () => {
  it.each(NAMES)('%s: lossValue(expected.zhat, targets) equals expected.loss to 1e-12 relative', (name) => {
    const p = load(name);
    const zhat = flattenStates(p.expected!.zhat);
    const L = lossValue(zhat, flattenStates(p.targets), p.loss);
    expect(Math.abs(L - p.expected!.loss) / Math.abs(p.expected!.loss)).toBeLessThan(1e-12);
  });
});

describe('lossGrad', () => {
  const N = 3;
  const size = 4;
  const zhat = Array.from({ length: N + 1 }, (_, i) => randomVector(10 + i, size));
  const targets = Array.from({ length: N + 1 }, (_, i) => randomVector(20 + i, size));

  it.each(['sse', 'mse'] as const)('%s: matches central differences, index 0 is zero', (kind) => {
    const g = lossGrad(zhat, targets, kind);
    expect(g.length).toBe(N + 1);
    expect(Array.from(g[0])).toEqual([0, 0, 0, 0]);
    for (let i = 0; i <= N; i++) {
      const fd = centralGrad((x) => lossValue(zhat.map((z, k) => (k === i ? x : z)), targets, kind), zhat[i]);
      expect(relErr(g[i], fd)).toBeLessThan(1e-8);
    }
  });

  it('mse is sse / (N·batch·D); index 0 is ignored', () => {
    expect(lossScale('mse', 3, 8)).toBe(1 / 24);
    const sse = lossValue(zhat, targets, 'sse');
    expect(lossValue(zhat, targets, 'mse')).toBeCloseTo(sse / (N * size), 14);
    const moved = [randomVector(99, size), ...zhat.slice(1)];
    expect(lossValue(moved, targets, 'sse')).toBe(sse);
    expect(lossValue([zhat[0]], [targets[0]], 'mse')).toBe(0);
  });

  it('rejects mismatched lengths', () => {
    expect(() => lossValue(zhat, targets.slice(1), 'sse')).toThrow(/4 predicted states but 3 targets/);
  });
});

describe('lossTensor (float32)', () => {
  it.each(['sse', 'mse'] as const)('%s: value and tf.grads match the float64 loss (≤ 1e-6 relative), no leaks', (kind) => {
    const before = tf.memory().numTensors;
    const batch = 3;
    const D = 2;
    const zs = Array.from({ length: 4 }, (_, i) => Float64Array.from(Float32Array.from(randomVector(30 + i, batch * D))));
    const ys = Array.from({ length: 4 }, (_, i) => Float64Array.from(Float32Array.from(randomVector(40 + i, batch * D))));
    const zt = zs.map((z) => tf.tensor2d(Float32Array.from(z), [batch, D]));
    const yt = ys.map((y) => tf.tensor2d(Float32Array.from(y), [batch, D]));
    const L = lossTensor(zt, yt, kind);
    const ref = lossValue(zs, ys, kind);
    expect(Math.abs(L.dataSync()[0] - ref) / ref).toBeLessThan(1e-6);
    // zhat[0] is not on the loss's tape (tf.grads would refuse it): differentiate w.r.t. 1..N.
    const grads = tf.grads((...xs: tf.Tensor[]) => lossTensor([zt[0], ...xs], yt, kind))(zt.slice(1));
    const gref = lossGrad(zs, ys, kind);
    grads.forEach((g, i) => expect(relErr(g.dataSync(), gref[i + 1])).toBeLessThan(1e-6));
    tf.dispose([...zt, ...yt, L, ...grads]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
