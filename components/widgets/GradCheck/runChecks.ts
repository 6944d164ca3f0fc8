// Runs the gradient check's computations through lib/adjoint, off the critical path:
//   float64 adjoint, backprop, fd, then float32 adjoint, backprop, fd (tfjs, loaded on first use by
//   computeGradientAsync), with a macrotask pause before each run, so clicks and keys are handled
//   between runs;
//   fd in chunks of coordinates (lib's fdCoordinates), sized from the first chunk's speed to take about
//   CHUNK_MS each, with a pause between chunks: a whole float32 fd run is ~1 s of solves (177 of them
//   for the 82-parameter MLPs) that must not freeze the page. Each chunk repeats the nominal forward
//   solve (1 extra solve per 2·chunk solves), which its time includes; its nfe and solves are not counted twice;
//   time = performance.now() around the computing only (not the pauses);
//   memory: float32 adjoint/backprop report tfjs's measured peak (stats.peakBytes minus the bytes alive
//   before the run); float64 (and float32 fd, which does not sample) the counted arrays of
//   lib/adjoint/memoryEstimate.ts, as `npm run bench` does;
//   a timeout per run (GradientTimeoutError from lib) so nothing hangs, and cancellation through an
//   AbortSignal (the widget aborts when the problem changes; results of an aborted run are discarded).
import { computeGradientAsync } from '@/lib/adjoint/gradient';
import { GradientTimeoutError } from '@/lib/adjoint/gradientCommon';
import type { GradientOptions, GradientResult, ProblemData } from '@/lib/adjoint/gradientTypes';
import { countedPeakBytes } from '@/lib/adjoint/memoryEstimate';
import { packParams, paramCount } from '@/lib/adjoint/params';
import { MODES, PRECISIONS, runKey, type Mode, type Precision, type RunKey, type RunResult, type Runs } from './model';

/** The run order: float64 first (fast, synchronous code), float32 after (tfjs, slower). */
export const ALL_RUNS: readonly RunKey[] = PRECISIONS.flatMap((p) => MODES.map((m) => runKey(m, p)));

export const DEFAULT_TIMEOUT_MS = 30_000;
export const CHUNK_MS = 40;

export class ChecksCancelledError extends Error {
  constructor() {
    super('The gradient check was cancelled (the problem changed).');
    this.name = 'ChecksCancelledError';
  }
}

export interface RunChecksOptions {
  signal?: AbortSignal;
  /** Per run (ms). */
  timeoutMs?: number;
  /** Called as each run finishes (in order). */
  onResult?: (r: RunResult) => void;
  /** Called before each run starts (the view shows "running float32 adjoint…"). */
  onStart?: (key: RunKey) => void;
  /** Yield to the browser; default a macrotask (setTimeout 0). */
  pause?: () => Promise<void>;
  /** Target duration of one fd chunk (ms). */
  chunkMs?: number;
  /** Extra lib options (tests: tolerances). */
  gradientOptions?: Partial<Pick<GradientOptions, 'rtol' | 'atol' | 'seminorm'>>;
}

export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function flat(x: number[][]): number[] {
  return x.flat();
}

/** The float32 (tfjs) gradient code: what computeGradientAsync imports on first use, loaded before timing. */
const loadFloat32 = (): Promise<unknown> => import('@/lib/adjoint/float32');

/** float32 memory baseline: tfjs is loaded anyway for a float32 run (lib/tf is the one place that imports it). */
async function tfBytes(): Promise<number> {
  const { tf } = await import('@/lib/tf');
  return tf.memory().numBytes;
}

function shapeOf(problem: ProblemData, r: GradientResult) {
  return {
    batch: problem.z0.length,
    dim: problem.z0[0]?.length ?? 0,
    P: paramCount(problem.dynamics),
    points: problem.t.length,
    stepsForward: r.stats.stepsForward,
  };
}

/** Runs `keys` (in ALL_RUNS order) on `problem`; resolves with every result, rejects with the first error. */
export async function runChecks(problem: ProblemData, keys: readonly RunKey[] = ALL_RUNS, opts: RunChecksOptions = {}): Promise<Runs> {
  const pause = opts.pause ?? macrotask;
  const runs: Runs = {};
  const check = () => {
    if (opts.signal?.aborted) throw new ChecksCancelledError();
  };
  for (const key of ALL_RUNS) {
    if (!keys.includes(key)) continue;
    const [mode, precision] = key.split('-') as [Mode, Precision];
    await pause();
    check();
    opts.onStart?.(key);
    const result = mode === 'fd' ? await runFd(problem, precision, opts, pause, check) : await runOne(problem, mode, precision, opts);
    check();
    runs[key] = result;
    opts.onResult?.(result);
  }
  return runs;
}

async function runOne(problem: ProblemData, mode: Mode, precision: Precision, opts: RunChecksOptions): Promise<RunResult> {
  if (precision === 'float32') await loadFloat32(); // outside the clock: the first use downloads tfjs
  const base = precision === 'float32' ? await tfBytes() : 0;
  const options: GradientOptions = { ...opts.gradientOptions, mode, precision, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const start = now();
  const r = await computeGradientAsync(problem, options);
  const ms = now() - start;
  const measured = precision === 'float32' && r.stats.peakBytes !== undefined;
  return {
    mode,
    precision,
    loss: r.loss,
    theta: Array.from(packParams(problem.dynamics, r.grad.params)),
    z0: flat(r.grad.z0),
    t: r.grad.t.slice(),
    nfeForward: r.stats.nfeForward,
    nfeBackward: r.stats.nfeBackward,
    ms,
    memoryBytes: measured ? Math.max(0, (r.stats.peakBytes ?? base) - base) : countedPeakBytes(mode, shapeOf(problem, r), precision === 'float64' ? 8 : 4),
    memoryMethod: measured ? 'measured' : 'counted',
  };
}

type Coord = { group: 'z0' | 'theta' | 't'; index: number };

async function runFd(problem: ProblemData, precision: Precision, opts: RunChecksOptions, pause: () => Promise<void>, check: () => void): Promise<RunResult> {
  const n = problem.z0.length * (problem.z0[0]?.length ?? 0);
  const P = paramCount(problem.dynamics);
  const N1 = problem.t.length;
  const coords: Coord[] = [
    ...Array.from({ length: n }, (_, index) => ({ group: 'z0' as const, index })),
    ...Array.from({ length: P }, (_, index) => ({ group: 'theta' as const, index })),
    ...Array.from({ length: N1 }, (_, index) => ({ group: 't' as const, index })),
  ];
  const out = { z0: new Array<number>(n).fill(Number.NaN), theta: new Array<number>(P).fill(Number.NaN), t: new Array<number>(N1).fill(Number.NaN) };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target = opts.chunkMs ?? CHUNK_MS;
  let ms = 0;
  let size = 2;
  let done = 0;
  let first: GradientResult | null = null;
  let nfeBackward = 0;
  let solves = 1;
  if (precision === 'float32') await loadFloat32(); // outside the clock
  while (done < coords.length) {
    const chunk = coords.slice(done, done + size);
    const pick = (g: Coord['group']) => chunk.filter((c) => c.group === g).map((c) => c.index);
    const remaining = timeoutMs - ms;
    if (remaining <= 0) throw new GradientTimeoutError(timeoutMs);
    const start = now();
    const r = await computeGradientAsync(problem, {
      ...opts.gradientOptions,
      mode: 'fd',
      precision,
      timeoutMs: remaining,
      fdCoordinates: { z0: pick('z0'), theta: pick('theta'), t: pick('t') },
    });
    const took = now() - start;
    ms += took;
    first ??= r;
    nfeBackward += r.stats.nfeBackward;
    solves += (r.stats.solves ?? 1) - 1;
    const theta = packParams(problem.dynamics, r.grad.params);
    const z0 = flat(r.grad.z0);
    for (const c of chunk) out[c.group][c.index] = c.group === 'theta' ? theta[c.index] : c.group === 'z0' ? z0[c.index] : r.grad.t[c.index];
    done += chunk.length;
    // Next chunk sized for ~target ms from this one's speed per coordinate (at least 1, at most 64).
    size = Math.max(1, Math.min(64, Math.round((target * chunk.length) / Math.max(took, 0.1))));
    if (done < coords.length) {
      await pause();
      check();
    }
  }
  const r0 = first as GradientResult;
  return {
    mode: 'fd',
    precision,
    loss: r0.loss,
    theta: out.theta,
    z0: out.z0,
    t: out.t,
    nfeForward: r0.stats.nfeForward,
    nfeBackward,
    solves,
    ms,
    memoryBytes: countedPeakBytes('fd', shapeOf(problem, r0), precision === 'float64' ? 8 : 4),
    memoryMethod: 'counted',
  };
}
