// The same numbers as model.ts explicitChain, by tfjs reverse-mode autodiff (float32, cpu backend),
// with no hand-written derivative anywhere:
//   ∂L/∂θ_k   tf.grads of L(W₁, b₁, W₂, b₂, W₃, b₃) — all six blocks in one backward sweep;
//   ∂L/∂y_k   tf.grads of the tail of the network from y_k to L (y₃ → L, y₂ → L, y₁ → L);
//   Jacobians row by row: row i of ∂y_k/∂y_{k−1} is the vector–Jacobian product eᵢᵀ ∂y_k/∂y_{k−1}
//             (tf.grads of f_k with the cotangent dy = eᵢ) — reverse mode gives rows, as the
//             backward pass uses them.
// Vectors are 1×n row tensors: u = y·Wᵀ + b, the row-vector convention of eq:chain-rule.
// Everything runs inside one tf.tidy and returns plain arrays: no tensor outlives the call
// (Backprop.test.ts checks tf.memory().numTensors). Import this module only with import(): it loads tfjs.
import { tf } from '@/lib/tf';
import { type ChainValues, type Layer, type Network } from './model';

type T2 = tf.Tensor2D;

function applyLayer(prev: T2, W: T2, b: tf.Tensor1D, act: Layer['act']): T2 {
  const u = tf.add(tf.matMul(prev, W, false, true), b) as T2;
  return act === 'tanh' ? tf.tanh(u) : u;
}

const lossOf = (y3: T2, target: T2): tf.Scalar => tf.mul(0.5, tf.sum(tf.square(tf.sub(y3, target))));

const rows = (t: tf.Tensor): number[][] => t.arraySync() as number[][];
const row = (t: tf.Tensor): number[] => (t.arraySync() as number[][])[0];

/** One-hot 1×n row tensor (the cotangent that picks row i of a Jacobian). */
const unit = (n: number, i: number): T2 => tf.tensor2d([Array.from({ length: n }, (_, j) => (j === i ? 1 : 0))]);

/** ∂L/∂y_k, the Jacobians and ∂L/∂θ_k of the network by tfjs autodiff. */
export function tfjsChain(net: Network): ChainValues {
  let out: ChainValues | null = null;
  tf.tidy(() => {
    const x = tf.tensor2d([net.x]);
    const target = tf.tensor2d([net.target]);
    const Ws = net.layers.map((l) => tf.tensor2d(l.W));
    const bs = net.layers.map((l) => tf.tensor1d(l.b));
    const acts = net.layers.map((l) => l.act);
    const f = (k: number, prev: T2, W: T2 = Ws[k - 1], b: tf.Tensor1D = bs[k - 1]) => applyLayer(prev, W, b, acts[k - 1]);

    // Forward values (only to start the tails and evaluate the Jacobians at the right points).
    const y1 = f(1, x);
    const y2 = f(2, y1);
    const y3 = f(3, y2);
    const loss = lossOf(y3, target);

    // ∂L/∂θ: one reverse sweep through the whole network.
    const params = [Ws[0], bs[0], Ws[1], bs[1], Ws[2], bs[2]];
    const g = tf.grads((W1: tf.Tensor, b1: tf.Tensor, W2: tf.Tensor, b2: tf.Tensor, W3: tf.Tensor, b3: tf.Tensor) => {
      const a1 = applyLayer(x, W1 as T2, b1 as tf.Tensor1D, acts[0]);
      const a2 = applyLayer(a1, W2 as T2, b2 as tf.Tensor1D, acts[1]);
      return lossOf(applyLayer(a2, W3 as T2, b3 as tf.Tensor1D, acts[2]), target);
    })(params);
    const flatGrad = (k: number) => [...(g[2 * (k - 1)].arraySync() as number[][]).flat(), ...(g[2 * (k - 1) + 1].arraySync() as number[])];

    // ∂L/∂y_k: the gradient of the rest of the network, from y_k to L.
    const dLdy3 = tf.grads((a: tf.Tensor) => lossOf(a as T2, target))([y3])[0];
    const dLdy2 = tf.grads((a: tf.Tensor) => lossOf(f(3, a as T2), target))([y2])[0];
    const dLdy1 = tf.grads((a: tf.Tensor) => lossOf(f(3, f(2, a as T2)), target))([y1])[0];

    // Jacobians, one reverse sweep (VJP with a unit cotangent) per output row.
    const jacobian = (k: number, prev: T2): number[][] => {
      const n = net.layers[k - 1].W.length;
      return Array.from({ length: n }, (_, i) => row(tf.grads((a: tf.Tensor) => f(k, a as T2))([prev], unit(n, i))[0]));
    };
    const n1 = net.layers[0].W.length;
    const P1 = Array.from({ length: n1 }, (_, i) => {
      const [gW, gb] = tf.grads((W: tf.Tensor, b: tf.Tensor) => f(1, x, W as T2, b as tf.Tensor1D))([Ws[0], bs[0]], unit(n1, i));
      return [...rows(gW).flat(), ...(gb.arraySync() as number[])];
    });

    out = {
      loss: loss.arraySync() as number,
      dLdy: [row(dLdy1), row(dLdy2), row(dLdy3)],
      J3: jacobian(3, y2),
      J2: jacobian(2, y1),
      P1,
      dtheta: [flatGrad(1), flatGrad(2), flatGrad(3)],
    };
  });
  if (!out) throw new Error('tfjs chain produced nothing');
  return out;
}
