/**
 * Public API of lib/ode (see README.md). The tfjs backend lives in './backendTfjs': import it from
 * there only where tfjs is wanted, so float64-only code never pulls TensorFlow.js into a bundle.
 */
export type {
  AcceptedStep,
  Backend,
  MethodName,
  OdeOptions,
  OdeSolution,
  SolverStats,
  VectorField,
} from './types';
export { odeint } from './odeint';
export { float64Backend } from './backendFloat64';
export { OdeError, InvalidInputError, MaxStepsExceededError, StepSizeUnderflowError } from './errors';
export type { ButcherTableau } from './tableau';
export { TABLEAUS, isAdaptive } from './methods';
export { euler } from './euler';
export { midpoint } from './midpoint';
export { rk4 } from './rk4';
export { dormandPrince } from './dormandPrince';
export { CONTROLLER_DEFAULTS } from './stepSizeController';
export { ODE_DEFAULTS } from './validateOptions';
export { discreteAdjoint } from './discreteAdjoint';
export type { DiscreteAdjointInput, DiscreteAdjointResult, Vjp, VjpResult } from './discreteAdjoint';
