// End-to-end tests against the static export, built twice: at the root (out/) and under a
// sub-path (out-subpath/, BASE_PATH=/course/week3). scripts/test.sh builds both once per run
// (see scripts/test.sh); here each is served by scripts/serve.mjs. Projects `root` and
// `subpath` run the same specs; a spec reads its base path from the project's `baseURL`.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

export const SUBPATH = '/course/week3';
const ROOT_PORT = Number(process.env.E2E_ROOT_PORT ?? 4301);
const SUB_PORT = Number(process.env.E2E_SUB_PORT ?? 4302);

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined; // Playwright's own browser, if one was installed
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : Math.min(2, Number(process.env.E2E_WORKERS ?? 2)),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
  },
  projects: [
    { name: 'root', use: { baseURL: `http://localhost:${ROOT_PORT}/` } },
    { name: 'subpath', use: { baseURL: `http://localhost:${SUB_PORT}${SUBPATH}/` } },
  ],
  webServer: [
    { command: `node scripts/serve.mjs out ${ROOT_PORT}`, url: `http://localhost:${ROOT_PORT}/`, reuseExistingServer: false, timeout: 20_000 },
    {
      command: `node scripts/serve.mjs out-subpath ${SUB_PORT} ${SUBPATH}`,
      url: `http://localhost:${SUB_PORT}${SUBPATH}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
