#!/usr/bin/env node
// Measures a page of the built site in Chromium (Playwright) and prints one JSON object:
//   jsGzipBytes   the JS the page loads before any interaction, gzip size of each script body
//                 (node:zlib level 9, independent of how the test server compresses)
//   totalBytes    every response body (HTML, RSC payload, CSS, JS, icons), raw and gzip
//   cls           cumulative layout shift during load (PerformanceObserver 'layout-shift')
//   longTasks     tasks > 50 ms during load (PerformanceObserver 'longtask'): count, total, max, each
//   tfjsInFirstLoad  whether any first-load script contains tfjs (it must be a dynamic import())
//
//   node scripts/page-weight.mjs [URL]
// Without a URL it serves out/ itself (scripts/serve.mjs) and measures /adjoint/.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from '@playwright/test';

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

// Runs before any page script: records layout shifts and long tasks from the very start.
function observe() {
  const w = /** @type {any} */ (window);
  w.__pw = { cls: 0, shifts: [], longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // Shifts right after user input do not count (the standard CLS rule).
      if (!e.hadRecentInput) {
        w.__pw.cls += e.value;
        w.__pw.shifts.push({ value: e.value, at: Math.round(e.startTime), sources: (e.sources ?? []).map((s) => s.node?.nodeName + (s.node?.className ? '.' + String(s.node.className).split(' ')[0] : '')) });
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__pw.longTasks.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * @param {string} url
 * @param {{ settleMs?: number, viewport?: { width: number, height: number } }} [options]
 */
export async function measurePageWeight(url, options = {}) {
  const { settleMs = 1500, viewport = { width: 1280, height: 800 } } = options;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage({ viewport });
    await page.addInitScript(observe);
    /** @type {Promise<void>[]} */
    const pending = [];
    const scripts = [];
    const all = [];
    page.on('response', (res) => {
      pending.push(
        res
          .body()
          .then((body) => {
            const entry = { url: res.url(), type: res.request().resourceType(), bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
            all.push(entry);
            if (entry.type === 'script') scripts.push({ ...entry, tfjs: /@tensorflow\/tfjs|tfjs-core|tfjs-backend|registerGradient/.test(body.toString('latin1')) });
          })
          .catch(() => undefined), // redirects have no body
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(settleMs);
    await Promise.all(pending);
    const observed = await page.evaluate(() => /** @type {any} */ (window).__pw);
    const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
    return {
      url,
      jsGzipBytes: sum(scripts, 'gzip'),
      jsRawBytes: sum(scripts, 'bytes'),
      jsFiles: scripts.length,
      jsGzipKiB: Math.round((sum(scripts, 'gzip') / 1024) * 10) / 10,
      totalBytes: sum(all, 'bytes'),
      totalGzipBytes: sum(all, 'gzip'),
      requests: all.length,
      cls: Math.round(observed.cls * 10000) / 10000,
      layoutShifts: observed.shifts,
      longTasks: {
        count: observed.longTasks.length,
        totalMs: observed.longTasks.reduce((s, t) => s + t.ms, 0),
        maxMs: Math.max(0, ...observed.longTasks.map((t) => t.ms)),
        // When each started (ms after navigation) and how long it ran: tells the parse-end layout
        // (around DOMContentLoaded) from the framework bootstrap (the last chunk's evaluation).
        tasks: observed.longTasks,
      },
      tfjsInFirstLoad: scripts.some((s) => s.tfjs),
      largestScripts: scripts
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 5)
        .map((s) => ({ file: new URL(s.url).pathname, gzip: s.gzip })),
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  let url = process.argv[2];
  let server;
  if (!url) {
    const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
    const port = 4399;
    server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), path.join(root, 'out'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => server.stdout.once('data', resolve));
    url = `http://localhost:${port}/adjoint/`;
  }
  try {
    console.log(JSON.stringify(await measurePageWeight(url), null, 2));
  } finally {
    server?.kill();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
