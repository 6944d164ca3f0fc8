/**
 * The `adjoint-problem/1` format (tests/reference/README.md): schema, typed parse, shape helpers.
 *
 * Parsing runs in two passes so that every message names ONE path and says what was expected:
 * 1. zod checks the structure (strict objects, finite numbers only, known enums);
 * 2. `checkShapes` checks what zod cannot express locally: matrices are rectangular, the MLP's layers
 *    chain, D agrees everywhere, t is strictly monotonic, expected.* has the problem's shapes.
 *
 * Extensions beyond the reference files (all reference files are valid problems):
 * - dynamics kinds `spiral` ({A}, dz/dt = (z∘z∘z)·A, row-vector convention as torchdiffeq's ode_demo),
 *   `lorenz` ({sigma, rho, beta}) and `dampedOscillator` ({omega, zeta}); their `expected.grad.params`
 *   has the same keys as their dynamics minus `kind`;
 * - `solver` may also carry `stepSize` or `stepsPerInterval` (fixed-step methods), and `rtol`/`atol`
 *   are optional;
 * - `expected.adjoint` and `expected.reference` are optional (problems we write ourselves need not
 *   carry them).
 */
import { z } from 'zod';
import type { MethodName } from '../ode/types';

export const PROBLEM_FORMAT = 'adjoint-problem/1';
export const ACTIVATIONS = ['tanh', 'softplus'] as const;
export const LOSS_KINDS = ['sse', 'mse'] as const;
export const METHODS = ['euler', 'midpoint', 'rk4', 'dopri5'] as const satisfies readonly MethodName[];
export const DYNAMICS_KINDS = ['mlp', 'linear', 'spiral', 'lorenz', 'dampedOscillator'] as const;

export type Activation = (typeof ACTIVATIONS)[number];
export type LossKind = (typeof LOSS_KINDS)[number];
export type DynamicsKind = (typeof DYNAMICS_KINDS)[number];

function describeInput(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

// zod 4's z.number() already rejects NaN and ±Infinity; the custom message says what came instead.
const num = z.number({ error: (iss) => `expected a finite number, got ${describeInput(iss.input)}` });
const positive = num.refine((v) => v > 0, { message: 'expected a positive number' });
const vec = z.array(num);
const mat = z.array(vec);

const layerSchema = z.strictObject({ W: mat, b: vec });

const mlpSchema = z.strictObject({
  kind: z.literal('mlp'),
  activation: z.enum(ACTIVATIONS),
  timeInput: z.boolean(),
  cubeInput: z.boolean(),
  layers: z.array(layerSchema).min(1, { message: 'expected at least one layer' }),
});
const linearSchema = z.strictObject({ kind: z.literal('linear'), A: mat });
const spiralSchema = z.strictObject({ kind: z.literal('spiral'), A: mat });
const lorenzSchema = z.strictObject({ kind: z.literal('lorenz'), sigma: num, rho: num, beta: num });
const dampedSchema = z.strictObject({ kind: z.literal('dampedOscillator'), omega: num, zeta: num });

export const dynamicsSchema = z.discriminatedUnion('kind', [
  mlpSchema,
  linearSchema,
  spiralSchema,
  lorenzSchema,
  dampedSchema,
]);

export type MlpSpec = z.infer<typeof mlpSchema>;
export type MlpLayer = z.infer<typeof layerSchema>;
export type LinearSpec = z.infer<typeof linearSchema>;
export type SpiralSpec = z.infer<typeof spiralSchema>;
export type LorenzSpec = z.infer<typeof lorenzSchema>;
export type DampedOscillatorSpec = z.infer<typeof dampedSchema>;
export type DynamicsSpec = z.infer<typeof dynamicsSchema>;

/** The parameter structure of each kind (the shape of `expected.grad.params`). */
const paramSchemas = {
  mlp: z.strictObject({ layers: z.array(layerSchema) }),
  linear: z.strictObject({ A: mat }),
  spiral: z.strictObject({ A: mat }),
  lorenz: z.strictObject({ sigma: num, rho: num, beta: num }),
  dampedOscillator: z.strictObject({ omega: num, zeta: num }),
} as const;

export type MlpParams = z.infer<(typeof paramSchemas)['mlp']>;
export type MatrixParams = z.infer<(typeof paramSchemas)['linear']>;
export type LorenzParams = z.infer<(typeof paramSchemas)['lorenz']>;
export type DampedOscillatorParams = z.infer<(typeof paramSchemas)['dampedOscillator']>;
export type ParamsJson = MlpParams | MatrixParams | LorenzParams | DampedOscillatorParams;

const solverSchema = z.strictObject({
  method: z.enum(METHODS),
  rtol: positive.optional(),
  atol: positive.optional(),
  stepSize: positive.optional(),
  stepsPerInterval: z.number().int().positive().optional(),
});
export type SolverSpec = z.infer<typeof solverSchema>;

const expectedSchema = z.strictObject({
  zhat: z.array(mat),
  loss: num,
  grad: z.strictObject({ z0: mat, params: z.unknown(), t: vec }),
  adjoint: z.strictObject({ t: vec, s: z.array(mat) }).optional(),
  reference: z.strictObject({ how: z.string(), checks: z.record(z.string(), num) }).optional(),
});

export const problemSchema = z.strictObject({
  format: z.literal(PROBLEM_FORMAT),
  name: z.string().min(1, { message: 'expected a non-empty name' }),
  description: z.string().optional(),
  dynamics: dynamicsSchema,
  z0: mat,
  t: vec.min(1, { message: 'expected at least one time' }),
  targets: z.array(mat),
  loss: z.enum(LOSS_KINDS),
  solver: solverSchema,
  expected: expectedSchema.optional(),
});

type RawProblem = z.infer<typeof problemSchema>;
type RawExpected = z.infer<typeof expectedSchema>;

export interface ExpectedGrad {
  z0: number[][];
  params: ParamsJson;
  t: number[];
}
export type Expected = Omit<RawExpected, 'grad'> & { grad: ExpectedGrad };
/** A validated problem. Arrays are plain nested number arrays exactly as in the JSON. */
export type Problem = Omit<RawProblem, 'expected'> & { expected?: Expected };

/** Thrown by parseProblem: `path` is e.g. `dynamics.layers[1].W`, message is `path: detail` (one line). */
export class ProblemError extends Error {
  readonly path: string;
  readonly detail: string;
  constructor(path: string, detail: string) {
    const oneLine = detail.replace(/\s*\n\s*/g, ' ');
    super(`${path}: ${oneLine}`);
    this.name = 'ProblemError';
    this.path = path;
    this.detail = oneLine;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += s === '' ? String(p) : `.${String(p)}`;
  }
  return s === '' ? '(root)' : s;
}

function issueToError(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): ProblemError {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
    return new ProblemError(formatPath(path), `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`);
  }
  return new ProblemError(formatPath(path), issue.message);
}

// ---------------------------------------------------------------------------------------------------
// Shape checks (pass 2)

function fail(path: string, detail: string): never {
  throw new ProblemError(path, detail);
}

/** Rectangular, non-empty; returns the column count. */
function rectangular(path: string, m: readonly (readonly number[])[], what = 'row'): number {
  if (m.length === 0) fail(path, `expected at least one ${what}, got none`);
  const cols = m[0].length;
  if (cols === 0) fail(`${path}[0]`, 'expected at least one entry, got an empty array');
  for (let i = 1; i < m.length; i++) {
    if (m[i].length !== cols) fail(`${path}[${i}]`, `expected ${cols} entries like ${path}[0], got ${m[i].length}`);
  }
  return cols;
}

function checkBatch(path: string, m: readonly (readonly number[])[], batch: number, D: number): void {
  if (m.length !== batch) fail(path, `expected ${batch} rows (the batch size of z0), got ${m.length}`);
  for (let i = 0; i < m.length; i++) {
    if (m[i].length !== D) fail(`${path}[${i}]`, `expected ${D} entries (the state dimension D of z0), got ${m[i].length}`);
  }
}

function checkStates(path: string, s: readonly (readonly (readonly number[])[])[], count: number, countWhat: string, batch: number, D: number): void {
  if (s.length !== count) fail(path, `expected ${count} entries (${countWhat}), got ${s.length}`);
  for (let i = 0; i < s.length; i++) checkBatch(`${path}[${i}]`, s[i], batch, D);
}

function checkSquare(path: string, A: readonly (readonly number[])[], D: number): void {
  if (A.length !== D) fail(path, `expected ${D} rows (D×D with D = ${D} from z0), got ${A.length}`);
  for (let i = 0; i < D; i++) {
    if (A[i].length !== D) fail(`${path}[${i}]`, `expected ${D} entries (D×D with D = ${D} from z0), got ${A[i].length}`);
  }
}

/** Checks an MLP's layers (or a gradient with the same structure) against D and timeInput. */
function checkLayers(path: string, layers: readonly MlpLayer[], D: number, timeInput: boolean): void {
  let prevOut = D + (timeInput ? 1 : 0);
  layers.forEach((layer, i) => {
    const p = `${path}[${i}]`;
    const why = i === 0 ? `the input width D${timeInput ? ' + 1 (timeInput)' : ''} = ${prevOut}` : `the previous layer's ${prevOut} outputs`;
    if (layer.W.length !== prevOut) fail(`${p}.W`, `expected ${prevOut} rows to match ${why}, got ${layer.W.length}`);
    const out = rectangular(`${p}.W`, layer.W);
    if (layer.b.length !== out) fail(`${p}.b`, `expected ${out} entries to match the ${out} columns of W, got ${layer.b.length}`);
    prevOut = out;
  });
  if (prevOut !== D) {
    fail(`${path}[${layers.length - 1}].W`, `the last layer must output D = ${D} values (the state dimension of z0), got ${prevOut}`);
  }
}

/** The dynamics' shapes against the state dimension D of z0. */
function checkDynamics(path: string, dyn: DynamicsSpec, D: number): void {
  switch (dyn.kind) {
    case 'mlp':
      checkLayers(`${path}.layers`, dyn.layers, D, dyn.timeInput);
      return;
    case 'linear':
    case 'spiral':
      checkSquare(`${path}.A`, dyn.A, D);
      return;
    case 'lorenz':
      if (D !== 3) fail('z0[0]', `lorenz dynamics need D = 3, got ${D}`);
      return;
    case 'dampedOscillator':
      if (D !== 2) fail('z0[0]', `dampedOscillator dynamics need D = 2 (position, velocity), got ${D}`);
      return;
  }
}

function checkParams(path: string, dyn: DynamicsSpec, raw: unknown, D: number): ParamsJson {
  const r = paramSchemas[dyn.kind].safeParse(raw);
  if (!r.success) {
    throw issueToError(r.error.issues[0], path.split('.'));
  }
  const params = r.data;
  if (dyn.kind === 'mlp') {
    const p = params as MlpParams;
    if (p.layers.length !== dyn.layers.length) fail(`${path}.layers`, `expected ${dyn.layers.length} layers like dynamics.layers, got ${p.layers.length}`);
    checkLayers(`${path}.layers`, p.layers, D, dyn.timeInput);
    p.layers.forEach((l, i) => {
      if (l.W[0].length !== dyn.layers[i].W[0].length) {
        fail(`${path}.layers[${i}].W`, `expected ${dyn.layers[i].W[0].length} columns like dynamics.layers[${i}].W, got ${l.W[0].length}`);
      }
    });
  } else if (dyn.kind === 'linear' || dyn.kind === 'spiral') {
    checkSquare(`${path}.A`, (params as MatrixParams).A, D);
  }
  return params;
}

function checkTimes(path: string, t: readonly number[]): void {
  if (t.length < 2) return;
  const dir = Math.sign(t[1] - t[0]);
  if (dir === 0) fail(`${path}[1]`, `times must be strictly monotonic, but t[1] = t[0] = ${t[0]}`);
  for (let i = 1; i < t.length; i++) {
    if (Math.sign(t[i] - t[i - 1]) !== dir) {
      const word = dir > 0 ? 'increasing' : 'decreasing';
      fail(`${path}[${i}]`, `times must be strictly ${word} (as t[0] → t[1]), but t[${i - 1}] = ${t[i - 1]} and t[${i}] = ${t[i]}`);
    }
  }
}

function checkShapes(p: RawProblem): Problem {
  const batch = p.z0.length;
  const D = rectangular('z0', p.z0);
  checkDynamics('dynamics', p.dynamics, D);
  checkTimes('t', p.t);
  const nt = p.t.length;
  checkStates('targets', p.targets, nt, 'one per time in t', batch, D);
  if (p.solver.stepSize !== undefined && p.solver.stepsPerInterval !== undefined) {
    fail('solver', 'give stepSize or stepsPerInterval, not both');
  }
  if (!p.expected) return p as Problem;
  const e = p.expected;
  checkStates('expected.zhat', e.zhat, nt, 'one per time in t', batch, D);
  checkBatch('expected.grad.z0', e.grad.z0, batch, D);
  if (e.grad.t.length !== nt) fail('expected.grad.t', `expected ${nt} entries (one per time in t), got ${e.grad.t.length}`);
  const params = checkParams('expected.grad.params', p.dynamics, e.grad.params, D);
  if (e.adjoint) {
    checkTimes('expected.adjoint.t', e.adjoint.t);
    checkStates('expected.adjoint.s', e.adjoint.s, e.adjoint.t.length, 'one per time in expected.adjoint.t', batch, D);
  }
  return { ...p, expected: { ...e, grad: { ...e.grad, params } } };
}

/**
 * Validate any JSON value as an `adjoint-problem/1` problem. Throws ProblemError (one line, naming the
 * path of the first problem found) on anything invalid. The result shares no mutable state with the
 * caller's object except the nested number arrays zod copies anyway.
 */
export function parseProblem(json: unknown): Problem {
  const r = problemSchema.safeParse(json);
  if (!r.success) throw issueToError(r.error.issues[0]);
  return checkShapes(r.data);
}

/** parseProblem for text: a JSON syntax error becomes a ProblemError at path `(json)`. */
export function parseProblemText(text: string): Problem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ProblemError('(json)', err instanceof Error ? err.message : String(err));
  }
  return parseProblem(json);
}

// ---------------------------------------------------------------------------------------------------
// Shape helpers shared by the rest of lib/adjoint.

export interface ProblemDims {
  /** Number of observations in the loss (t.length − 1). */
  N: number;
  batch: number;
  D: number;
}

export function problemDims(p: Pick<Problem, 't' | 'z0'>): ProblemDims {
  return { N: p.t.length - 1, batch: p.z0.length, D: p.z0[0].length };
}

/** [batch][D] → flat row-major Float64Array (the float64 backend's state layout). */
export function flattenBatch(m: readonly (readonly number[])[]): Float64Array {
  const D = m.length === 0 ? 0 : m[0].length;
  const out = new Float64Array(m.length * D);
  for (let i = 0; i < m.length; i++) for (let j = 0; j < D; j++) out[i * D + j] = m[i][j];
  return out;
}

/** Flat row-major → [batch][D]. */
export function nestBatch(flat: ArrayLike<number>, D: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < flat.length; i += D) rows.push(Array.from({ length: D }, (_, j) => flat[i + j]));
  return rows;
}

/** [time][batch][D] → one flat Float64Array per time. */
export function flattenStates(s: readonly (readonly (readonly number[])[])[]): Float64Array[] {
  return s.map(flattenBatch);
}
