// Budgets for the article's first load, measured by scripts/page-weight.mjs in its own Chromium:
// JS before any interaction ≤ 200 KiB gzip, CLS ≤ 0.01, and tfjs never in the first load.
// Measured once, on the root build (the sub-path build ships the same bytes).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';
import type { PageWeight } from '../scripts/page-weight.mjs';

// Run as its own process: Playwright's TS loader would turn the ES module into CommonJS.
async function measurePageWeight(url: string): Promise<PageWeight> {
  const script = path.join(__dirname, '..', 'scripts', 'page-weight.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [script, url], { timeout: 50_000 });
  return JSON.parse(stdout) as PageWeight;
}

test('article page weight: JS ≤ 200 KiB gzip, CLS ≤ 0.01, no tfjs in the first load', async ({ baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'root', 'measured once, on the root build');
  test.setTimeout(60_000);
  const result = await measurePageWeight(new URL('adjoint/', baseURL).href);
  await testInfo.attach('page-weight.json', { body: JSON.stringify(result, null, 2), contentType: 'application/json' });
  console.log(`page weight: JS ${result.jsGzipKiB} KiB gzip in ${result.jsFiles} files, total ${Math.round(result.totalGzipBytes / 1024)} KiB gzip, CLS ${result.cls}, long tasks ${result.longTasks.count} (max ${result.longTasks.maxMs} ms)`);
  expect(result.jsGzipBytes).toBeLessThanOrEqual(200 * 1024);
  expect(result.cls).toBeLessThanOrEqual(0.01);
  expect(result.tfjsInFirstLoad).toBe(false);
});
