// Types for scripts/page-weight.mjs (plain .mjs so it runs with `node` without a build step).
export interface PageWeight {
  url: string;
  jsGzipBytes: number;
  jsRawBytes: number;
  jsFiles: number;
  jsGzipKiB: number;
  totalBytes: number;
  totalGzipBytes: number;
  requests: number;
  cls: number;
  layoutShifts: { value: number; at: number; sources: string[] }[];
  longTasks: { count: number; totalMs: number; maxMs: number; tasks: { at: number; ms: number }[] };
  tfjsInFirstLoad: boolean;
  largestScripts: { file: string; gzip: number }[];
}
export declare function measurePageWeight(url: string, options?: { settleMs?: number; viewport?: { width: number; height: number } }): Promise<PageWeight>;
