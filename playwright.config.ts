import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tests/helpers/chromium-launch.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	// Two workers on a 2-core machine: a browser test that takes 10 s alone has been seen past 30 s
	// late in a CI run; a test that truly hangs still fails, a minute later.
	timeout: 60_000,
	// What a person would wait for on a loaded machine; what never comes still fails.
	expect: { timeout: 10_000 },
	use: {
		baseURL: BASE_URL,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		trace: 'retain-on-failure',
		launchOptions: CHROMIUM_LAUNCH
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: {
		// The production build, on a fresh demo database (see tests/e2e/serve.ts).
		command: 'node tests/e2e/serve.ts',
		url: `${BASE_URL}/readyz`,
		env: { PORT: String(PORT), HOST: '127.0.0.1' },
		reuseExistingServer: false,
		timeout: 90_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
