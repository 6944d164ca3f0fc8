import { describe, expect, it } from 'vitest';
import { tf } from './tf';

describe('lib/tf', () => {
  it('selects the cpu backend', () => {
    expect(tf.getBackend()).toBe('cpu');
  });

  it('has gradients registered: tf.grads of sum(tanh(x·W + b)) matches the hand derivative to 1e-6', () => {
    const before = tf.memory().numTensors;
    const x = tf.tensor2d([[0.5, -1.0, 2.0]]);
    const W = tf.tensor2d([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]);
    const b = tf.tensor1d([0.05, -0.05]);
    const [gW, gb] = tf.grads((w: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.tanh(tf.add(tf.matMul(x, w as tf.Tensor2D), bb))))([W, b]);
    // Hand derivative: u = xW + b, dL/dW = xᵀ (1 − tanh²u), dL/db = 1 − tanh²u.
    const xs = [0.5, -1.0, 2.0];
    const Ws = [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]];
    const u = [0, 1].map((j) => xs.reduce((s, xi, i) => s + xi * Ws[i][j], 0) + [0.05, -0.05][j]);
    const d = u.map((v) => 1 - Math.tanh(v) ** 2);
    const gWv = gW.arraySync() as number[][];
    const gbv = gb.arraySync() as number[];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) expect(gWv[i][j]).toBeCloseTo(xs[i] * d[j], 6);
    for (let j = 0; j < 2; j++) expect(gbv[j]).toBeCloseTo(d[j], 6);
    tf.dispose([x, W, b, gW, gb]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
