/** Float64 dynamics: the interface, one factory over every kind, and the families. */
import type { DynamicsSpec } from '../problem';
import type { Dynamics } from './types';
import { mlpDynamics } from './mlp';
import { linearDynamics } from './linear';
import { spiralDynamics } from './spiral';
import { lorenzDynamics } from './lorenz';
import { dampedOscillatorDynamics } from './dampedOscillator';

export type { Dynamics, VjpResult, VjpOut, FVjpResult } from './types';
export { mlpDynamics, softplus, sigmoid, fastTanh, type MlpDynamics } from './mlp';
export { linearDynamics } from './linear';
export { spiralDynamics, ODE_DEMO_A } from './spiral';
export { lorenzDynamics } from './lorenz';
export { dampedOscillatorDynamics, dampedOscillatorMatrix } from './dampedOscillator';

/**
 * The float64 dynamics of a (validated) spec. θ defaults to the spec's own numbers (packParams);
 * pass `theta` to share a live parameter vector (its layout must be params.ts's for this spec).
 */
export function makeDynamics(spec: DynamicsSpec, theta?: Float64Array): Dynamics {
  switch (spec.kind) {
    case 'mlp':
      return mlpDynamics(spec, theta);
    case 'linear':
      return linearDynamics(spec, theta);
    case 'spiral':
      return spiralDynamics(spec, theta);
    case 'lorenz':
      return lorenzDynamics(spec, theta);
    case 'dampedOscillator':
      return dampedOscillatorDynamics(spec, theta);
  }
}
