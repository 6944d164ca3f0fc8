/**
 * The losses of loss.ts for the tfjs (float32) path: tensors [batch, D] per time in, scalar tensor out,
 * differentiable with respect to the predictions. Index 0 is ignored.
 */
import { tf } from '../tf';
import type { LossKind } from './problem';
import { lossScale } from './loss';

export function lossTensor(zhat: readonly tf.Tensor[], targets: readonly tf.Tensor[], kind: LossKind): tf.Scalar {
  if (zhat.length !== targets.length) {
    throw new Error(`lossTensor: ${zhat.length} predicted states but ${targets.length} targets (both include index 0).`);
  }
  return tf.tidy(() => {
    if (zhat.length < 2) return tf.scalar(0);
    const terms = zhat.slice(1).map((z, k) => tf.sum(tf.squaredDifference(z, targets[k + 1])));
    const total = terms.length === 1 ? terms[0] : tf.addN(terms);
    return tf.mul(total, lossScale(kind, zhat.length - 1, zhat[0].size)) as tf.Scalar;
  });
}
