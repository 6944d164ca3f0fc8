// Server-rendered markup of Figure 4: the diagram, the equation with the factor of the step
// highlighted, the step's product and the parameter gradients produced so far, all with the explicit
// float64 chain's numbers (tfjs arrives on the client: "…" for max |Δ| until then).
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '@/components/viz/format';
import { backwardSteps, explicitChain, forward, makeNetwork } from './model';
import { Backprop } from './Backprop';

const numbers = (html: string, stem: string): number[] => {
  const out: number[] = [];
  const re = new RegExp(`data-value="${stem.replace(/[[\]]/g, '\\$&')}\\[([\\d,]+)\\]"[^>]*data-number="([^"]*)"`, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) out.push(Number(m[2]));
  return out;
};
const attr = (html: string, re: RegExp) => re.exec(html)?.[1];

describe('Backprop, server-rendered', () => {
  it('default state: step 0, the loss gradient, no parameter gradient yet, float64 source, not yet ready', () => {
    const html = renderToStaticMarkup(h(Backprop, {}));
    const chain = explicitChain(makeNetwork(1));
    expect(html).toContain('data-widget="backprop"');
    expect(html).toContain('data-step="0"');
    expect(html).toContain('data-source="float64"');
    expect(html).not.toContain('data-ready');
    expect(html).toContain('<svg');
    expect(numbers(html, 'upstream')).toEqual(chain.dLdy[2]);
    expect(html).not.toContain('data-value="jac[');
    expect(html).not.toContain('dtheta-');
    expect(html).toMatch(/data-value="tfjs-maxdiff"[^>]*>…</);
    expect(attr(html, /data-value="loss" data-number="([^"]*)"/)).toBe(String(forward(makeNetwork(1)).loss));
    // factor 0 is being applied, the others are pending
    expect([...html.matchAll(/data-factor="(\d)" data-state="(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(['0:current', '1:pending', '2:pending', '3:pending']);
    expect(html).toContain('aria-current="step"');
    expect(html).toContain('data-control="scrubber"');
    expect(html).toContain('data-control="steps"');
  });

  it('step 2 (embed ?step=2&seed=5): ∂ℒ/∂y₂ × ∂y₂/∂y₁ = ∂ℒ/∂y₁; ∂ℒ/∂θ₃ and ∂ℒ/∂θ₂ shown, θ₁ not yet', () => {
    const html = renderToStaticMarkup(h(Backprop, { initial: { step: 2, seed: 5 } }));
    const chain = explicitChain(makeNetwork(5));
    const s = backwardSteps(chain)[2];
    expect(html).toContain('data-step="2"');
    expect(html).toContain('data-seed="5"');
    expect([...html.matchAll(/data-factor="(\d)" data-state="(\w+)"/g)].map((m) => m[2])).toEqual(['done', 'done', 'current', 'pending']);
    expect(numbers(html, 'upstream')).toEqual(chain.dLdy[1]);
    expect(numbers(html, 'jac')).toEqual(chain.J2.flat());
    expect(numbers(html, 'result')).toEqual(chain.dLdy[0]);
    expect(s.paramGrad?.layer).toBe(2);
    expect(numbers(html, 'dtheta-3-W')).toEqual(chain.dtheta[2].slice(0, 4));
    expect(numbers(html, 'dtheta-3-b')).toEqual(chain.dtheta[2].slice(4));
    expect(numbers(html, 'dtheta-2-W')).toEqual(chain.dtheta[1].slice(0, 6));
    expect(numbers(html, 'dtheta-2-b')).toEqual(chain.dtheta[1].slice(6));
    expect(html).not.toContain('dtheta-1-');
    expect(html).toContain('data-card="2" data-state="current"');
    expect(html).toContain('data-card="3" data-state="done"');
    expect(html).toContain('data-card="1" data-state="pending"');
    // the diagram: layer 2 at work, θ₃ done, θ₁ pending
    expect(html).toContain('data-layer="2" data-state="current"');
    expect(html).toMatch(/data-state="done" data-theta="3"/);
    expect(html).toMatch(/data-state="pending" data-theta="1"/);
    // shown with 4 significant digits
    expect(html).toContain(`>${formatNumber(chain.dLdy[0][0], { digits: 4, trim: false })}<`);
    // embeds show the title
    expect(html).toContain('class="wf-title"');
  });

  it('step 3: the factor is ∂y₁/∂θ₁ (3×9, columns W₁ | b₁) and the result is ∂ℒ/∂θ₁', () => {
    const html = renderToStaticMarkup(h(Backprop, { initial: { step: 3, seed: 1 } }));
    const chain = explicitChain(makeNetwork(1));
    expect(numbers(html, 'jac')).toEqual(chain.P1.flat());
    expect(numbers(html, 'result')).toEqual(chain.dtheta[0]);
    expect(numbers(html, 'dtheta-1-W')).toEqual(chain.dtheta[0].slice(0, 6));
    expect(html).toContain('W₁');
    expect(html).toContain('b₁');
    expect([...html.matchAll(/data-factor="(\d)" data-state="(\w+)"/g)].map((m) => m[2])).toEqual(['done', 'done', 'done', 'current']);
  });

  it('hidden controls are not rendered; compact keeps diagram, equation and step buttons only', () => {
    const hiddenHtml = renderToStaticMarkup(h(Backprop, { initial: { step: 1, seed: 1 }, hidden: ['stepper', 'weights'] }));
    expect(hiddenHtml).not.toContain('data-control="scrubber"');
    expect(hiddenHtml).not.toContain('New weights');
    expect(hiddenHtml).toContain('data-control="steps"');
    const compact = renderToStaticMarkup(h(Backprop, { compact: true }));
    expect(compact).toContain('data-equation="chain-rule"');
    expect(compact).toContain('<svg');
    expect(compact).not.toContain('data-value="upstream[');
    expect(compact).not.toContain('data-control="scrubber"');
  });
});
