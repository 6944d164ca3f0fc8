/**
 * npm run grad -- PROBLEM.json [--mode adjoint|backprop|fd] [--precision float64|float32]
 *                              [--rtol R] [--atol A] [--seminorm] [--timeout SECONDS]
 *
 * Prints ONE JSON object {zhat, loss, grad: {z0, params, t}, adjoint: {t, s}, stats} on stdout.
 * `adjoint` is s(τ) on the reference grid (8 points inside each interval) from the continuous adjoint
 * in the requested precision, whatever the mode (backprop and fd have no s(τ) between observations).
 * Without --rtol/--atol the problem's `solver` settings are used.
 *
 * Any invalid input (bad JSON, wrong shapes, unknown keys or flags, non-monotonic t, a solve that blows
 * up, needs too many steps or runs past the timeout) → exit status 2 and ONE line on stderr, never a
 * stack trace. Anything else unexpected → exit 1, also one line.
 */
import { readFileSync } from 'node:fs';
import { ProblemError, parseProblemText, type Problem } from '../lib/adjoint/problem';
import { OdeError } from '../lib/ode/errors';
import { computeGradient } from '../lib/adjoint/gradient';
import { GradientTimeoutError } from '../lib/adjoint/gradientCommon';
import { referenceGrid } from '../lib/adjoint/adjointTrajectory';
import type { GradientMode, GradientOptions, GradientResult, Precision } from '../lib/adjoint/gradientTypes';

export interface GradArgs {
  file: string;
  mode: GradientMode;
  precision: Precision;
  rtol?: number;
  atol?: number;
  seminorm: boolean;
  timeoutSeconds: number;
}

/** Bad command-line use or bad input: exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const USAGE =
  'usage: npm run grad -- PROBLEM.json [--mode adjoint|backprop|fd] [--precision float64|float32] [--rtol R] [--atol A] [--seminorm] [--timeout SECONDS]';

const MODES: readonly GradientMode[] = ['adjoint', 'backprop', 'fd'];
const PRECISIONS: readonly Precision[] = ['float64', 'float32'];

function positiveNumber(flag: string, v: string | undefined): number {
  const x = v === undefined ? NaN : Number(v);
  if (v === undefined || v.trim() === '' || !Number.isFinite(x) || x <= 0) {
    throw new UsageError(`${flag} needs a positive number, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
  }
  return x;
}

export function parseArgs(argv: readonly string[]): GradArgs {
  const args: Partial<GradArgs> & { seminorm: boolean } = { seminorm: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--mode': {
        const v = value();
        if (!MODES.includes(v as GradientMode)) throw new UsageError(`--mode must be one of ${MODES.join(', ')}, got ${JSON.stringify(v ?? '')}`);
        args.mode = v as GradientMode;
        break;
      }
      case '--precision': {
        const v = value();
        if (!PRECISIONS.includes(v as Precision)) {
          throw new UsageError(`--precision must be one of ${PRECISIONS.join(', ')}, got ${JSON.stringify(v ?? '')}`);
        }
        args.precision = v as Precision;
        break;
      }
      case '--rtol':
        args.rtol = positiveNumber('--rtol', value());
        break;
      case '--atol':
        args.atol = positiveNumber('--atol', value());
        break;
      case '--timeout':
        args.timeoutSeconds = positiveNumber('--timeout', value());
        break;
      case '--seminorm':
        args.seminorm = true;
        break;
      case '-h':
      case '--help':
        throw new UsageError(USAGE);
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown flag ${a}; ${USAGE}`);
        files.push(a);
    }
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? `no problem file given; ${USAGE}` : `give exactly one problem file, got ${files.length}`);
  return {
    file: files[0],
    mode: args.mode ?? 'adjoint',
    precision: args.precision ?? 'float64',
    rtol: args.rtol,
    atol: args.atol,
    seminorm: args.seminorm,
    timeoutSeconds: args.timeoutSeconds ?? 60,
  };
}

export interface GradOutput {
  zhat: number[][][];
  loss: number;
  grad: GradientResult['grad'];
  adjoint: { t: number[]; s: number[][][] };
  stats: GradientResult['stats'] & { mode: GradientMode; precision: Precision; ms: number };
}

/** tfjs's cpu backend prints a "use tfjs-node" banner on its first tensor: keep stderr to our one line. */
async function loadFloat32Quietly(): Promise<void> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    await import('../lib/adjoint/float32');
    const { tf } = await import('../lib/tf');
    tf.dispose(tf.scalar(0));
  } finally {
    console.warn = warn;
  }
}

/** Reads, validates and differentiates one problem (throws on any error). */
export async function runGrad(args: GradArgs): Promise<GradOutput> {
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${args.file}${code ? ` (${code})` : ''}`);
  }
  const problem: Problem = parseProblemText(text);
  if (args.precision === 'float32') await loadFloat32Quietly();
  const timeoutMs = args.timeoutSeconds * 1000;
  const start = performance.now();
  const base: GradientOptions = { mode: args.mode, precision: args.precision, seminorm: args.seminorm };
  if (args.rtol !== undefined) base.rtol = args.rtol;
  if (args.atol !== undefined) base.atol = args.atol;
  const grid = referenceGrid(problem.t);
  const remaining = (): number => Math.max(1, timeoutMs - (performance.now() - start));
  const r = computeGradient(problem, { ...base, timeoutMs: remaining(), adjointGrid: args.mode === 'adjoint' ? grid : undefined });
  const adjoint =
    r.adjoint ??
    computeGradient(problem, { ...base, mode: 'adjoint', timeoutMs: remaining(), adjointGrid: grid }).adjoint ??
    { t: grid, s: [] };
  return {
    zhat: r.zhat,
    loss: r.loss,
    grad: r.grad,
    adjoint,
    stats: { ...r.stats, mode: args.mode, precision: args.precision, ms: Math.round(performance.now() - start) },
  };
}

/** One line, whatever the error: the message of the library's typed errors, prefixed with what failed. */
export function errorLine(e: unknown): { code: number; line: string } {
  const msg = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ').trim();
  if (e instanceof UsageError) return { code: 2, line: `grad: ${msg}` };
  if (e instanceof ProblemError) return { code: 2, line: `grad: invalid problem: ${msg}` };
  if (e instanceof OdeError) return { code: 2, line: `grad: solver failed: ${e.name}: ${msg}` };
  if (e instanceof GradientTimeoutError) return { code: 2, line: `grad: timeout: ${msg}` };
  if (e instanceof RangeError) return { code: 2, line: `grad: out of resources: ${msg}` };
  return { code: 1, line: `grad: internal error: ${e instanceof Error ? e.name + ': ' : ''}${msg}` };
}

/** The whole CLI as a function (for tests): exit code, stdout text, stderr text. */
export async function main(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const out = await runGrad(parseArgs(argv));
    return { code: 0, stdout: JSON.stringify(out) + '\n', stderr: '' };
  } catch (e) {
    const { code, line } = errorLine(e);
    return { code, stdout: '', stderr: line + '\n' };
  }
}

// Run when executed directly (tsx compiles this file as CommonJS), not when imported by a test.
declare const module: { id?: string } | undefined;
declare const require: { main?: unknown } | undefined;
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  void main(process.argv.slice(2)).then(({ code, stdout, stderr }) => {
    if (stdout) process.stdout.write(stdout);
    if (stderr) process.stderr.write(stderr);
    process.exitCode = code;
  });
}
