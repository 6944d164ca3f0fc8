/**
 * Typed solver errors. Every error says where (`time`) and what to try, so a reader of the
 * message can act on it without opening the solver (the diffrax style).
 */

/** Base class of everything lib/ode throws on purpose. `time` is where it happened (undefined for bad input). */
export class OdeError extends Error {
  readonly time: number | undefined;
  constructor(message: string, time?: number) {
    super(message);
    this.name = 'OdeError';
    this.time = time;
  }
}

/** The call itself is malformed (t, z0, f's output shape or options); nothing was integrated. */
export class InvalidInputError extends OdeError {
  constructor(message: string, time?: number) {
    super(message, time);
    this.name = 'InvalidInputError';
  }
}

/** The step budget (`maxSteps`, accepted + rejected, over the whole call) ran out. */
export class MaxStepsExceededError extends OdeError {
  readonly maxSteps: number;
  constructor(maxSteps: number, time: number, detail = '') {
    super(
      `Reached maxSteps = ${maxSteps} at t = ${time} before the last requested time${detail}. ` +
        'Try increasing maxSteps, loosening rtol/atol, or using a larger stepSize.',
      time,
    );
    this.name = 'MaxStepsExceededError';
    this.maxSteps = maxSteps;
  }
}

/**
 * The adaptive solver cannot continue.
 * - 'non-finite': the state or the derivative became NaN/Inf (the field blew up or is undefined there),
 *   either in a fixed step, at the start, or in every attempt until the step size collapsed.
 * - 'too-small': the error control asked for a step smaller than minStep (a singularity or extreme stiffness).
 */
export class StepSizeUnderflowError extends OdeError {
  readonly reason: 'non-finite' | 'too-small';
  readonly stepSize: number;
  constructor(reason: 'non-finite' | 'too-small', time: number, stepSize: number) {
    const what =
      reason === 'non-finite'
        ? `The state or its derivative became NaN/Inf at t = ${time} (step size ${stepSize}). ` +
          'The solution probably blows up here, or the vector field is undefined at this state; ' +
          'check f, shorten the time span, or use a smaller step.'
        : `The step size became smaller than minStep at t = ${time} (step size ${stepSize}). ` +
          'The solution is probably singular near here (finite-time blow-up) or the problem is very stiff; ' +
          'try shortening the time span, loosening rtol/atol, or lowering minStep.';
    super(what, time);
    this.name = 'StepSizeUnderflowError';
    this.reason = reason;
    this.stepSize = stepSize;
  }
}
