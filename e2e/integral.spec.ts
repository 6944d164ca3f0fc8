// Figure 6 (data-widget="integral"): dL/dθ_j as the area under s(t)ᵀ ∂f/∂θ_j. Keyboard alone and
// mouse alone; at τ = t₀ the running value is the final gradient, which prints exactly like the
// backprop and finite-difference values beside it and matches the seed reference file's
// expected.grad.params (read here from the file, in Node). In the article, a ∂f/∂θ cell clicked in
// Figure 3 selects the parameter here, and τ is shared. Redraw time on τ change is measured.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { num, openWidget, tabTo } from './widgetHelpers';
import type { Locator, Page } from '@playwright/test';

const open = (page: Page, pathName: string): Promise<Locator> => openWidget(page, pathName, 'integral');

const seedJson = JSON.parse(readFileSync(path.join(__dirname, '../tests/reference/seed-four-samples.json'), 'utf8')) as {
  expected: { grad: { params: { layers: { W: number[][]; b: number[] }[] } } };
};
/** dL/dθ in lib/adjoint's flat layout (params.ts: per layer W row-major, then b). */
const refTheta = seedJson.expected.grad.params.layers.flatMap((l) => [...l.W.flat(), ...l.b]);
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

/** final, backprop and fd print identically, and their numbers agree to 1e-5. */
async function expectThreeAgree(widget: Locator): Promise<number> {
  await expect(widget.locator('[data-value="fd"][data-number]')).toHaveCount(1);
  await expect(widget.locator('[data-value="backprop"][data-number]')).toHaveCount(1);
  const text = await widget.locator('[data-value="final"]').textContent();
  expect(text).not.toBe('…');
  await expect(widget.locator('[data-value="backprop"]')).toHaveText(text!);
  await expect(widget.locator('[data-value="fd"]')).toHaveText(text!);
  const final = await num(widget, 'final');
  expect(rel(await num(widget, 'backprop'), final)).toBeLessThan(1e-5);
  expect(rel(await num(widget, 'fd'), final)).toBeLessThan(1e-5);
  return final;
}

test('the server HTML holds the plot, the shaded area and the adjoint gradient', async ({ request }) => {
  const html = await (await request.get('embed/integral/?preset=seed&param=5&tau=1')).text();
  expect(html).toContain('data-widget="integral"');
  expect(html).toContain('class="viz-area-pos"');
  expect(html).toContain('data-value="running"');
  expect(html).toContain('data-value="final"');
  const article = await (await request.get('adjoint/')).text();
  expect(article).toContain('data-widget="integral"');
});

test('keyboard alone: τ to t₀, running = final = backprop = fd = reference; another parameter by select', async ({ page }) => {
  const widget = await open(page, 'embed/integral/?preset=seed&param=5&tau=3');
  expect(await num(widget, 'running')).toBe(0); // nothing accumulated at t_N
  await tabTo(page, widget.locator('[role="slider"]').first());
  await page.keyboard.press('PageDown');
  const mid = await num(widget, 'running');
  expect(mid).not.toBe(0);
  await page.keyboard.press('Home');
  await expect(widget.locator('[data-value="tau"]')).toHaveText('0');
  const final = await expectThreeAgree(widget);
  // The displayed running value at t₀ is the adjoint's gradient (≥ 6 significant digits; here 1e-12).
  expect(rel(await num(widget, 'running'), final)).toBeLessThan(1e-12);
  await expect(widget.locator('[data-value="running"]')).toHaveText((await widget.locator('[data-value="final"]').textContent())!);
  expect(rel(final, refTheta[5])).toBeLessThan(1e-6);
  await expect(widget.locator('[role="status"]')).toContainText('dL/dW₁[0,5]');

  // Back to the parameter select (Shift+Tab) and one step down: θ₆.
  await page.keyboard.press('Shift+Tab');
  await expect(widget.locator('select').last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(widget.locator('[data-value="param"]')).toHaveText('W₁[0,6]');
  const final6 = await expectThreeAgree(widget);
  expect(rel(final6, refTheta[6])).toBeLessThan(1e-6);
});

test('mouse alone: drag τ, the area follows; pick a bias; t_N gives 0', async ({ page }) => {
  const widget = await open(page, 'embed/integral/?preset=seed&param=0&tau=0');
  const area = widget.locator('path.viz-area-pos').first();
  const before = await area.getAttribute('d');
  const track = widget.locator('.ctl-scrubber-area').first();
  const box = (await track.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  const tau = await num(widget, 'tau');
  expect(tau).toBeGreaterThan(1.5);
  expect(tau).toBeLessThan(2.1);
  expect(await area.getAttribute('d')).not.toBe(before);
  await widget.locator('select').last().selectOption({ label: 'b₁[2] — b₁ (layer 1 biases)' });
  await expect(widget.locator('[data-value="param"]')).toHaveText('b₁[2]');
  const final = await expectThreeAgree(widget);
  expect(rel(final, refTheta[34])).toBeLessThan(1e-6);
  await page.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
  expect(await num(widget, 'tau')).toBe(3);
  expect(await num(widget, 'running')).toBe(0);
});

test('in the article: a ∂f/∂θ cell clicked in Figure 3 selects the parameter here; τ is shared', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('adjoint/');
  const jac = page.locator('[data-widget="jacobian"]').first();
  await jac.scrollIntoViewIfNeeded();
  await expect(jac.locator('[data-ready]')).toHaveCount(1);
  await jac.locator('[data-value="jtheta[1,7]"]').click();
  await expect(jac.locator('[data-value="param"]')).toHaveText('W₁[0,7]');
  // τ from Figure 3's scrubber, by keyboard.
  await jac.locator('[role="slider"]').first().focus();
  await page.keyboard.press('End');
  const integral = page.locator('[data-widget="integral"]').first();
  await integral.scrollIntoViewIfNeeded();
  await expect(integral.locator('[data-ready]')).toHaveCount(1);
  await expect(integral.locator('[data-value="param"]')).toHaveText('W₁[0,7]');
  // Shared state crosses figure roots a render later: poll rather than race.
  await expect.poll(async () => (await num(integral, 'tau')) === (await num(jac, 'tau'))).toBe(true);
  await expect.poll(() => num(integral, 'running')).toBe(0);
  // And back: Home on Figure 6 moves Figure 3 to t₀ too.
  await integral.locator('[role="slider"]').first().focus();
  await page.keyboard.press('Home');
  await expect(jac.locator('[data-value="tau"]')).toHaveText('0');
  await expectThreeAgree(integral);
});

test('phone: the comparison stacks and nothing overflows', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const widget = await open(page, 'embed/integral/?preset=spiral&param=3&tau=0');
  const a = (await widget.locator('[data-value="final"]').boundingBox())!;
  const b = (await widget.locator('[data-value="backprop"]').boundingBox())!;
  expect(b.y).toBeGreaterThan(a.y + a.height - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectThreeAgree(widget);
});

test('redraw on τ change: measured per key press', async ({ page }) => {
  const widget = await open(page, 'embed/integral/?preset=spiral&param=10&tau=4');
  await tabTo(page, widget.locator('[role="slider"]').first());
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => num(widget, 'tau')).toBeLessThan(3);
  const d = await page.evaluate(() => performance.getEntriesByName('integral-redraw', 'measure').map((e) => e.duration));
  const c = await page.evaluate(() => performance.getEntriesByName('integral-compare', 'measure').map((e) => e.duration));
  const s = [...d].sort((x, y) => x - y);
  const median = s[Math.floor(s.length / 2)];
  console.log(`integral-redraw: n=${s.length} median=${median.toFixed(2)} ms p90=${s[Math.floor(0.9 * s.length)].toFixed(2)} ms worst=${s[s.length - 1].toFixed(2)} ms; integral-compare (backprop + fd): ${c.map((x) => x.toFixed(1)).join(', ')} ms`);
  expect(s.length).toBeGreaterThanOrEqual(50);
});
