// Figure 2 (data-widget="sensitivity"): s(t) travelling backward. Server-rendered SVG; τ driven by
// mouse and by keyboard alone; stepping back across an observation changes s by the jump shown;
// observation ticks and presets recompute the trace (timed); a failing solve shows the banner and
// keeps the last good state; the embed page takes its state from the URL; reduced motion stops
// autoplay; a phone stacks the panels and scrubs by touch. Numbers are read from data-number (the
// full-precision value behind each data-value readout).
import { test, expect } from './fixtures';
import type { Locator, Page } from '@playwright/test';

async function num(widget: Locator, name: string): Promise<number> {
  const v = await widget.locator(`[data-value="${name}"]`).first().getAttribute('data-number');
  if (v === null) throw new Error(`no data-value="${name}"`);
  return Number(v);
}

async function sVec(widget: Locator): Promise<[number, number]> {
  return [await num(widget, 's-0'), await num(widget, 's-1')];
}

async function open(page: Page, path: string): Promise<Locator> {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // no autoplay: τ moves only when we move it
  await page.goto(path);
  const widget = page.locator('[data-widget="sensitivity"]').first();
  await expect(widget).toHaveAttribute('data-ready', '');
  return widget;
}

/** Tab from the top of the page until the element matching `selector` inside the widget has focus. */
async function tabTo(page: Page, widget: Locator, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await widget.locator(selector).first().evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

function stats(xs: number[]): { median: number; p90: number; worst: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? NaN, p90: s[Math.floor(s.length * 0.9)] ?? NaN, worst: s[s.length - 1] ?? NaN, n: s.length };
}

async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
}

test('the server HTML already holds the figure’s SVG and numbers', async ({ request }) => {
  const res = await request.get('adjoint/');
  expect(res.status()).toBe(200);
  const html = await res.text();
  const at = html.indexOf('data-widget="sensitivity"');
  expect(at).toBeGreaterThan(-1);
  const next = html.indexOf('data-widget=', at + 10);
  const block = html.slice(at, next > 0 ? next : undefined);
  expect(block).toContain('<svg');
  expect(block).toContain('data-trajectory="fwd"');
  expect(block).toContain('data-value="s-0"');
  expect(block).toContain('data-value="nfe"');
});

test('keyboard alone: End, then back across t₂ — s changes by the jump shown', async ({ page }) => {
  const widget = await open(page, 'embed/sensitivity/?preset=seed');
  await tabTo(page, widget, '[data-control="scrubber"]');
  await page.keyboard.press('End');
  await expect(widget.locator('[data-value="tau"]')).toHaveText('3');
  // At t_N the sensitivity is the last jump itself.
  const sN = await sVec(widget);
  expect(sN[0]).toBeCloseTo(await num(widget, 'jump-0'), 10);
  expect(sN[1]).toBeCloseTo(await num(widget, 'jump-1'), 10);
  // Step back until τ stops on t₂ (a key never skips an observation).
  for (let i = 0; i < 40 && (await num(widget, 'tau')) > 2; i++) await page.keyboard.press('PageDown');
  expect(await num(widget, 'tau')).toBe(2);
  const left = await sVec(widget);
  const jump = [await num(widget, 'jump-0'), await num(widget, 'jump-1')];
  expect(await num(widget, 'obs-index')).toBe(2);
  // The right limit at t₂, extrapolated from two key steps to the right (second order in the step).
  await page.keyboard.press('ArrowRight');
  const r1 = await sVec(widget);
  await page.keyboard.press('ArrowRight');
  const r2 = await sVec(widget);
  const right = [2 * r1[0] - r2[0], 2 * r1[1] - r2[1]];
  for (let d = 0; d < 2; d++) expect(Math.abs(left[d] - right[d] - jump[d])).toBeLessThan(0.02 * Math.max(1, Math.abs(jump[d])));
  // Home lands on t₀, where s is dL/dz0 and every backward evaluation has been spent.
  await page.keyboard.press('Home');
  expect(await num(widget, 'tau')).toBe(0);
  expect(await num(widget, 'nfe')).toBeGreaterThan(0);
  // Keyboard: a step button and an observation tick.
  await tabTo(page, widget, '[data-control="obs-forward"]');
  await page.keyboard.press('Enter');
  expect(await num(widget, 'tau')).toBe(1);
});

test('mouse: drag across the plot, step buttons cross t₁ exactly and show its jump; redraw timed', async ({ page }) => {
  const widget = await open(page, 'embed/sensitivity/?preset=seed');
  const scrub = widget.locator('[data-control="scrubber"]');
  const box = await scrub.boundingBox();
  if (!box) throw new Error('no scrubber');
  await page.evaluate(() => performance.clearMeasures('sensitivity-redraw'));
  const y = box.y + box.height / 2;
  // The plot's time axis spans the preset's draggable range [0, 4]; the trace ends at t_N = 3.
  const x0 = box.x + box.width * 0.7;
  const x1 = box.x + box.width * 0.12;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  const taus: number[] = [];
  for (let k = 0; k <= 60; k++) {
    await page.mouse.move(x0 + ((x1 - x0) * k) / 60, y);
    if (k % 20 === 0) taus.push(await num(widget, 'tau'));
  }
  await page.mouse.up();
  for (let i = 1; i < taus.length; i++) expect(taus[i]).toBeLessThan(taus[i - 1]);
  const all = await measures(page, 'sensitivity-redraw');
  const redraw = stats(all);
  console.log(`sensitivity-redraw while scrubbing (mouse, ${redraw.n} moves): median ${redraw.median.toFixed(2)} ms, p90 ${redraw.p90.toFixed(2)} ms, worst ${redraw.worst.toFixed(2)} ms; first ${all[0]?.toFixed(2)} ms`);
  expect(redraw.n).toBeGreaterThan(20);

  // Mouse on the buttons: go to t₂ (obs), then backward solver steps until τ lands on t₁.
  await widget.locator('[data-control="obs-forward"]').click();
  while ((await num(widget, 'tau')) < 2) await widget.locator('[data-control="obs-forward"]').click();
  while ((await num(widget, 'tau')) > 2) await widget.locator('[data-control="obs-back"]').click();
  const before: { tau: number; s: [number, number] }[] = [];
  for (let i = 0; i < 200 && (await num(widget, 'tau')) > 1; i++) {
    before.push({ tau: await num(widget, 'tau'), s: await sVec(widget) });
    await widget.locator('[data-control="step-back"]').click();
  }
  expect(await num(widget, 'tau')).toBe(1);
  const atT1 = await sVec(widget);
  const jump = [await num(widget, 'jump-0'), await num(widget, 'jump-1')];
  // s just above t₁, extrapolated from the last two solver steps (second order), plus the jump.
  const [b, a] = before.slice(-2);
  const w = (1 - a.tau) / (a.tau - b.tau);
  for (let d = 0; d < 2; d++) {
    const right = a.s[d] + (a.s[d] - b.s[d]) * w;
    expect(Math.abs(atT1[d] - right - jump[d])).toBeLessThan(0.05 * Math.max(1, Math.abs(jump[d])));
  }
});

test('editing: preset switch and a dragged observation recompute (timed); a failing solve keeps the last good state', async ({ page }) => {
  const widget = await open(page, 'embed/sensitivity/');
  await page.evaluate(() => performance.clearMeasures('sensitivity-recompute'));
  for (const id of ['linear', 'oscillator', 'seed', 'spiral']) {
    await widget.locator('[data-control="preset"]').selectOption(id);
    await expect(widget).toHaveAttribute('data-preset', id);
  }
  // Observation t₂ by keyboard and by mouse.
  const tick = widget.locator('[data-obs="2"]');
  await tick.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  const tb = await tick.boundingBox();
  if (!tb) throw new Error('no tick');
  await page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(tb.x + tb.width / 2 - 3 * k, tb.y + tb.height / 2);
  await page.mouse.up();
  const recompute = stats(await measures(page, 'sensitivity-recompute'));
  console.log(`sensitivity-recompute (preset switches + observation edits, ${recompute.n}): median ${recompute.median.toFixed(2)} ms, p90 ${recompute.p90.toFixed(2)} ms, worst ${recompute.worst.toFixed(2)} ms`);
  expect(recompute.n).toBeGreaterThanOrEqual(6);

  // A 10-step budget cannot solve the seed problem: banner, and the numbers of the last good trace stay.
  await widget.locator('[data-control="preset"]').selectOption('seed');
  const s0 = await num(widget, 's-0');
  await widget.locator('[data-control="budget"]').selectOption('10');
  const banner = widget.locator('[role="alert"]');
  await expect(banner).toHaveAttribute('data-error', 'MaxStepsExceededError');
  await expect(banner).toContainText('maxSteps = 10');
  expect(await num(widget, 's-0')).toBe(s0);
  await expect(widget.locator('[data-trajectory="fwd"]')).toHaveCount(1);
  await widget.locator('[data-control="budget"]').selectOption('10000');
  await expect(banner).not.toHaveAttribute('data-error');
  await expect(banner).toHaveText('');
});

test('discrete view: backprop through Euler steps approaches the continuous s as the steps grow', async ({ page }) => {
  const widget = await open(page, 'embed/sensitivity/?preset=seed&tau=0.5&discrete=1&steps=2');
  const s = await sVec(widget);
  const err = async () => Math.hypot((await num(widget, 's-disc-0')) - s[0], (await num(widget, 's-disc-1')) - s[1]);
  const coarse = await err();
  const range = widget.locator('[data-control="steps"]');
  await range.focus();
  await page.keyboard.press('End'); // 256 steps per interval
  await expect(widget.locator('[data-value="steps"]')).toHaveText('256');
  const fine = await err();
  expect(fine).toBeLessThan(coarse / 10);
});

test('embed page: state from the URL, hidden controls, invalid values noticed', async ({ page }) => {
  const widget = await open(page, 'embed/sensitivity/?preset=linear&tau=1.5&obs=0,1,2,3&hide=speed');
  await expect(page.locator('[data-embed-notice]')).toHaveCount(0);
  await expect(widget).toHaveAttribute('data-preset', 'linear');
  expect(await num(widget, 'tau')).toBe(1.5);
  await expect(widget.locator('[data-obs]')).toHaveCount(4);
  await expect(widget.locator('[data-control="speed"]')).toHaveCount(0);
  await expect(widget.locator('[data-trajectory="exact"]')).toHaveCount(1);
  await page.goto('embed/sensitivity/?preset=nope&obs=0,0.01');
  await expect(page.locator('[data-embed-notice]')).toContainText('preset=nope');
});

test('autoplay runs backward from t_N when the figure is seen, and never with reduced motion', async ({ page }) => {
  await page.goto('adjoint/');
  const figure = page.locator('#fig-sensitivity');
  const widget = page.locator('figure [data-widget="sensitivity"]');
  // Widgets wake lazily near the viewport: bring the figure (never replaced) into view first.
  await figure.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', '');
  await expect(widget).toHaveAttribute('data-playing', 'backward');
  await widget.locator('[data-control="play-backward"]').click(); // pause
  await expect(widget).toHaveAttribute('data-playing', '');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await figure.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-ready', '');
  await page.waitForTimeout(500);
  await expect(widget).toHaveAttribute('data-playing', '');
  // Playing on request still works, and plays to t₀.
  await widget.locator('[data-control="play-backward"]').click();
  await expect(widget).toHaveAttribute('data-playing', 'backward');
  await expect(widget).toHaveAttribute('data-playing', '', { timeout: 15_000 });
  expect(await num(widget, 'tau')).toBe(0);
});

test('phone: panels stack at 360 px and τ scrubs by touch', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('embed/sensitivity/?preset=seed');
  const widget = page.locator('[data-widget="sensitivity"]');
  await expect(widget).toHaveAttribute('data-ready', '');
  const plane = await widget.locator('[data-trajectory="fwd"]').first().boundingBox();
  const scrub = await widget.locator('[data-control="scrubber"]').boundingBox();
  if (!plane || !scrub) throw new Error('missing panels');
  expect(scrub.y).toBeGreaterThan(plane.y + plane.height - 1); // stacked, not side by side
  const docWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(docWidth).toBeLessThanOrEqual(360);
  await page.touchscreen.tap(scrub.x + scrub.width * 0.4, scrub.y + scrub.height / 2);
  const tau = await num(widget, 'tau');
  expect(tau).toBeGreaterThan(0.5);
  expect(tau).toBeLessThan(3);
  expect(errors).toEqual([]);
  await context.close();
});
