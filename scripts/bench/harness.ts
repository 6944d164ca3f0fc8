/**
 * Timing harness of the bench: warm-up calls (JIT, tfjs kernels, caches), then repeated timed calls
 * until both a minimum count and a minimum wall time are reached (or a maximum count), and the median.
 * Medians, not means: the machine is shared and a single stall should not move the figure. CPU time
 * (process.cpuUsage) is reported beside wall time because other processes compete for the cores.
 */
export interface MeasureOptions {
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Keep running until this much time was spent measuring (after minRuns). */
  minMs?: number;
}

export interface Measurement<R> {
  median_ms: number;
  /** Median CPU time of this process per run (user + system): robust when other processes share the cores. */
  median_cpu_ms: number;
  runs: number;
  /** Per-run results (e.g. nfe counts), in run order. */
  results: R[];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function measure<R>(fn: (run: number) => R, opts: MeasureOptions = {}): Measurement<R> {
  const warmup = opts.warmup ?? 3;
  const minRuns = opts.minRuns ?? 10;
  const maxRuns = opts.maxRuns ?? 200;
  const minMs = opts.minMs ?? 1000;
  let run = 0;
  for (let i = 0; i < warmup; i++) fn(run++);
  const times: number[] = [];
  const cpu: number[] = [];
  const results: R[] = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < minMs)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = fn(run++);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    results.push(r);
  }
  return { median_ms: round(median(times), 3), median_cpu_ms: round(median(cpu), 3), runs: times.length, results };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** One measurement = one JSON line on stdout. */
export function emit(record: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(record) + '\n');
}
