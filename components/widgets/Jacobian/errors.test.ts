// A lib failure (here lib/ode's MaxStepsExceededError from the trace) is shown in the widget's
// ErrorBanner (role="alert", the error's name in data-error) and nothing throws out of the render.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { MaxStepsExceededError } from '@/lib/ode/errors';

vi.mock('./problemTrace', async (importOriginal) => {
  const real = await importOriginal<typeof import('./problemTrace')>();
  return {
    ...real,
    problemTrace: () => {
      throw new MaxStepsExceededError(20, 1.25);
    },
  };
});

describe('lib errors reach the ErrorBanner', () => {
  it('Jacobian', async () => {
    const { Jacobian } = await import('./Jacobian');
    const html = renderToStaticMarkup(h(Jacobian, { initial: { preset: 'seed', tau: 1, obs: '', param: 0 } }));
    expect(html).toContain('data-widget="jacobian"');
    expect(html).toMatch(/role="alert"[^>]*data-error="MaxStepsExceededError"/);
    expect(html).toContain('Reached maxSteps = 20');
  });

  it('Integral', async () => {
    const { Integral } = await import('@/components/widgets/Integral/Integral');
    const html = renderToStaticMarkup(h(Integral, { initial: { preset: 'seed', tau: 1, obs: '', param: 0 } }));
    expect(html).toContain('data-widget="integral"');
    expect(html).toMatch(/role="alert"[^>]*data-error="MaxStepsExceededError"/);
  });
});
