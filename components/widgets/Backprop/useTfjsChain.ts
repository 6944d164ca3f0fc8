'use client';
// Loads tfjs (dynamic import, after the first paint) and recomputes the figure's numbers by autodiff
// for the current network. Until that arrives — on the server, during hydration, right after
// "new weights" — the view shows the explicit float64 chain, whose 4-digit text is the same (for
// the default network exactly, otherwise up to one unit of the last digit in ~0.1 % of numbers;
// tfChain.test.ts), so nothing visibly jumps when tfjs takes over.
// Errors (tfjs failing to load or compute) come back as `error`; the float64 numbers stay.
import { useEffect, useState } from 'react';
import type { ChainValues, Network } from './model';

export class TfjsChainError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TfjsChainError';
  }
}

export interface TfjsResult {
  seed: number;
  values: ChainValues | null;
  error: TfjsChainError | null;
  /** Time of the autodiff computation alone (ms), excluding the module load. */
  ms: number;
}

export function useTfjsChain(net: Network): TfjsResult | null {
  const [result, setResult] = useState<TfjsResult | null>(null);
  useEffect(() => {
    let cancelled = false;
    import('./tfChain')
      .then((m) => {
        if (cancelled) return;
        const start = performance.now();
        let next: TfjsResult;
        try {
          next = { seed: net.seed, values: m.tfjsChain(net), error: null, ms: performance.now() - start };
        } catch (err) {
          next = { seed: net.seed, values: null, error: new TfjsChainError(`tfjs autodiff failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err }), ms: 0 };
        }
        setResult(next);
      })
      .catch((err: unknown) => {
        if (!cancelled) setResult({ seed: net.seed, values: null, error: new TfjsChainError('tfjs could not be loaded, so the numbers shown are the explicit float64 chain.', { cause: err }), ms: 0 });
      });
    return () => {
      cancelled = true;
    };
  }, [net]);
  return result && result.seed === net.seed ? result : null;
}
