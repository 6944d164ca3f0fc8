// Figure 4 (data-widget="backprop"): the backward pass through three layers, one factor of
// eq:chain-rule per step. Driven by keyboard alone and by mouse alone, in the article and on the
// embed page. Expected numbers are computed HERE, in Node, with the pure model
// (components/widgets/Backprop/model.ts, float64 explicit chain); the page shows tfjs autodiff
// (float32) once loaded, so values are compared to 1e-5 and tfjs-maxdiff must stay below 1e-5.
import { test, expect } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { backwardSteps, explicitChain, makeNetwork } from '../components/widgets/Backprop/model';

const TOL = 1e-5;

async function numbersOf(scope: Locator, stem: string): Promise<number[]> {
  return scope.locator(`[data-value^="${stem}["]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-number'))));
}

function expectClose(actual: number[], expected: number[], tol = TOL): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]), `entry ${i}: ${v} vs ${expected[i]}`).toBeLessThan(tol));
}

async function openEmbed(page: Page, query = ''): Promise<Locator> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`embed/backprop/${query}`);
  const widget = page.locator('[data-widget="backprop"]').first();
  await expect(widget.locator('[data-ready]')).toHaveCount(1);
  return widget;
}

async function openArticle(page: Page): Promise<Locator> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('adjoint/');
  const figure = page.locator('#fig-backprop');
  await figure.scrollIntoViewIfNeeded();
  const widget = figure.locator('[data-widget="backprop"]');
  await expect(widget.locator('[data-ready]')).toHaveCount(1);
  return widget;
}

/** The factor states of eq:chain-rule as shown, e.g. ['done', 'current', 'pending', 'pending']. */
async function factorStates(widget: Locator): Promise<string[]> {
  return widget.locator('[data-equation="chain-rule"] [data-factor]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state') ?? ''));
}

function statesAt(step: number): string[] {
  return [0, 1, 2, 3].map((i) => (i < step ? 'done' : i === step ? 'current' : 'pending'));
}

/** At step s, the shown upstream vector, factor and result equal the model's step s (seed `seed`). */
async function expectStep(widget: Locator, step: number, seed: number): Promise<void> {
  await expect(widget.locator('[data-ready]')).toHaveAttribute('data-step', String(step));
  await expect.poll(() => factorStates(widget)).toEqual(statesAt(step));
  const s = backwardSteps(explicitChain(makeNetwork(seed)))[step];
  expectClose(await numbersOf(widget, 'upstream'), s.upstream);
  if (s.matrix) {
    expectClose(await numbersOf(widget, 'jac'), s.matrix.flat());
    expectClose(await numbersOf(widget, 'result'), s.result);
  } else {
    await expect(widget.locator('[data-value^="jac["]')).toHaveCount(0);
  }
  // ∂ℒ/∂θ_k cards: produced at steps 1 (θ₃), 2 (θ₂), 3 (θ₁).
  for (const k of [3, 2, 1]) await expect(widget.locator(`[data-value^="dtheta-${k}-W["]`)).toHaveCount(step >= 4 - k ? SHAPES[k] : 0);
}
const SHAPES: Record<number, number> = { 3: 4, 2: 6, 1: 6 };

async function expectTfjsAgrees(widget: Locator): Promise<number> {
  await expect(widget.locator('[data-ready]')).toHaveAttribute('data-source', 'tfjs');
  const d = Number(await widget.locator('[data-value="tfjs-maxdiff"]').getAttribute('data-number'));
  expect(d).toBeGreaterThan(0);
  expect(d).toBeLessThan(TOL);
  return d;
}

test('the server HTML already holds the diagram, the equation and the step-0 numbers', async ({ request }) => {
  const embed = await (await request.get('embed/backprop/')).text();
  expect(embed).toContain('data-widget="backprop"');
  expect(embed).toContain('data-equation="chain-rule"');
  expect(embed).toContain('data-value="upstream[0]"');
  const article = await (await request.get('adjoint/')).text();
  const at = article.indexOf('data-widget="backprop"');
  expect(at).toBeGreaterThan(-1);
  expect(article.slice(at, at + 40000)).toContain('data-factor="3"');
});

test('embed, keyboard alone: → steps through the factors in order, End/Home jump; ∂ℒ/∂θ₁ = model', async ({ page }) => {
  const widget = await openEmbed(page);
  const live = widget.locator('[role="status"][aria-live="polite"]');
  await expectStep(widget, 0, 1);
  const tfjsDiff = await expectTfjsAgrees(widget);

  // Tab to the stepper (the first slider), then only keys.
  const stepper = widget.locator('[role="slider"]').first();
  for (let i = 0; i < 30 && !(await stepper.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(stepper).toBeFocused();
  for (const step of [1, 2, 3]) {
    await page.keyboard.press('ArrowRight');
    await expectStep(widget, step, 1);
  }
  await expect(live).toContainText('Step 3 of 3');
  // The left-hand side: ∂ℒ/∂θ₁ as the result row vector and as the W₁ / b₁ card.
  const dtheta1 = explicitChain(makeNetwork(1)).dtheta[0];
  expectClose(await numbersOf(widget, 'result'), dtheta1);
  expectClose([...(await numbersOf(widget, 'dtheta-1-W')), ...(await numbersOf(widget, 'dtheta-1-b'))], dtheta1);
  await page.keyboard.press('ArrowRight'); // stays at the end
  await expect(widget.locator('[data-ready]')).toHaveAttribute('data-step', '3');
  await page.keyboard.press('Home');
  await expectStep(widget, 0, 1);
  await page.keyboard.press('End');
  await expectStep(widget, 3, 1);
  await page.keyboard.press('ArrowLeft');
  await expectStep(widget, 2, 1);

  // Factor buttons are keyboard-reachable too: Tab onto factor 1 of the equation, Enter.
  const factor1 = widget.locator('[data-factor="1"]');
  for (let i = 0; i < 40 && !(await factor1.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(factor1).toBeFocused();
  await page.keyboard.press('Enter');
  await expectStep(widget, 1, 1);

  const redraw = await page.evaluate(() => performance.getEntriesByName('backprop-redraw', 'measure').map((e) => e.duration));
  expect(redraw.length).toBeGreaterThanOrEqual(6);
  const sorted = [...redraw].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`backprop: tfjs max |Δ| = ${tfjsDiff.toExponential(2)}; redraw per step median ${median.toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (n = ${redraw.length})`);
});

test('embed, mouse alone: Next/Back, a factor click, Reset, New weights (seed 2 = model)', async ({ page }) => {
  const widget = await openEmbed(page);
  const next = widget.locator('[data-step="next"]');
  const prev = widget.locator('[data-step="prev"]');
  await expect(prev).toBeDisabled();
  await next.click();
  await expectStep(widget, 1, 1);
  await next.click();
  await expectStep(widget, 2, 1);
  await next.click();
  await expectStep(widget, 3, 1);
  await expect(next).toBeDisabled();
  await prev.click();
  await expectStep(widget, 2, 1);
  await widget.locator('[data-factor="3"]').click();
  await expectStep(widget, 3, 1);
  await widget.getByRole('button', { name: /^Reset/ }).click();
  await expectStep(widget, 0, 1);
  await widget.getByRole('button', { name: /^New weights/ }).click();
  await expect(widget.locator('[data-ready]')).toHaveAttribute('data-seed', '2');
  await expectStep(widget, 0, 2);
  await widget.locator('[data-factor="3"]').click();
  await expectStep(widget, 3, 2);
  await expectTfjsAgrees(widget);
  expectClose(await numbersOf(widget, 'result'), explicitChain(makeNetwork(2)).dtheta[0]);
  // The diagram follows: layer 1 at work, every θ's gradient known.
  await expect(widget.locator('[data-layer="1"]')).toHaveAttribute('data-state', 'current');
  await expect(widget.locator('[data-theta="3"]')).toHaveAttribute('data-state', 'done');
});

test('embed query: ?step=2&seed=7 sets the initial state; invalid values fall back with the notice', async ({ page }) => {
  let widget = await openEmbed(page, '?step=2&seed=7');
  await expect(page.locator('[data-embed-notice]')).toHaveCount(0);
  await expect(widget.locator('[data-ready]')).toHaveAttribute('data-seed', '7');
  await expectStep(widget, 2, 7);
  await expectTfjsAgrees(widget);

  widget = await openEmbed(page, '?step=9&seed=abc&hide=weights');
  await expect(page.locator('[data-embed-notice]')).toContainText('step=9');
  await expect(page.locator('[data-embed-notice]')).toContainText('seed=abc');
  await expect(widget.locator('[data-ready]')).toHaveAttribute('data-seed', '1');
  await expectStep(widget, 0, 1);
  await expect(widget.getByRole('button', { name: /^New weights/ })).toHaveCount(0);
});

test('article: Figure 4 steps by keyboard, the equation follows, ∂ℒ/∂θ₁ = model, reduced motion stills the flow', async ({ page }) => {
  const widget = await openArticle(page);
  await expectStep(widget, 0, 1);
  const stepper = widget.locator('[role="slider"]').first();
  await stepper.focus();
  for (const step of [1, 2, 3]) {
    await page.keyboard.press('ArrowRight');
    await expectStep(widget, step, 1);
    await expect(widget.locator('[data-factor][aria-current="step"]')).toHaveAttribute('data-factor', String(step));
  }
  await expectTfjsAgrees(widget);
  expectClose(await numbersOf(widget, 'result'), explicitChain(makeNetwork(1)).dtheta[0]);
  // Reduced motion: the current backward edge does not animate.
  const anim = await widget.locator('[data-lane="3"]').evaluate((el) => getComputedStyle(el).animationName);
  expect(anim).toBe('none');
  // Mouse works in the article too.
  await widget.locator('[data-factor="1"]').click();
  await expectStep(widget, 1, 1);
});

test('phone (360 px, dark): no horizontal overflow, every step readable', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.goto('embed/backprop/?step=3');
  const widget = page.locator('[data-widget="backprop"]').first();
  await expect(widget.locator('[data-ready]')).toHaveCount(1);
  await expectStep(widget, 3, 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await widget.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
  // Dark mode: the equation text is light on the dark page.
  const color = await widget.locator('[data-equation="chain-rule"]').evaluate((el) => getComputedStyle(el).color);
  const [r, g, b] = color.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeGreaterThan(500);
});

test('tfjs unavailable: the error banner says so, the float64 chain stays on screen, stepping still works', async ({ page, allowProblem }) => {
  // Abort every script that carries tfjs. (Note: the minified tfjs chunk contains neither
  // "@tensorflow/tfjs" nor "tfjs-core"; its API names, e.g. registerGradient, identify it.)
  await page.route('**/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (/registerGradient|variableGrads/.test(body)) await route.abort();
    else await route.fulfill({ response, body });
  });
  // The deliberately aborted chunk: its failed request and Chromium's "Failed to load resource" line.
  allowProblem('request failed');
  allowProblem('Failed to load resource: net::ERR_FAILED');
  const widget = await openEmbed(page, '?step=3');
  await expect(widget.locator('[role="alert"]')).toContainText('tfjs could not be loaded');
  await expect(widget.locator('[data-ready]')).toHaveAttribute('data-source', 'float64');
  await expect(widget.locator('[data-value="tfjs-maxdiff"]')).toHaveText('…');
  await expectStep(widget, 3, 1);
  expect(await numbersOf(widget, 'result')).toEqual(explicitChain(makeNetwork(1)).dtheta[0]);
  await widget.locator('[data-step="prev"]').click();
  await expectStep(widget, 2, 1);
});
