// A lib failure in the current network (here lib/ode's StepSizeUnderflowError, what an Euler network
// that blows up throws) is shown in the ErrorBanner; the per-problem plots still render and nothing
// throws out of the render.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { StepSizeUnderflowError } from '@/lib/ode/errors';

vi.mock('./model', async (importOriginal) => {
  const real = await importOriginal<typeof import('./model')>();
  return {
    ...real,
    currentFor: () => {
      throw new StepSizeUnderflowError('non-finite', 2.5, 0.5);
    },
  };
});

describe('EulerLimit: lib errors reach the ErrorBanner', () => {
  it('the current network fails: banner with the error, convergence plot still drawn', async () => {
    const { EulerLimit } = await import('./EulerLimit');
    const html = renderToStaticMarkup(h(EulerLimit, { initial: { preset: 'oscillator', obs: '', n: 3, method: 'euler' } }));
    expect(html).toContain('data-widget="euler-limit"');
    expect(html).toMatch(/role="alert"[^>]*data-error="StepSizeUnderflowError"/);
    expect(html).toContain('data-series="rk4"');
  });
});
