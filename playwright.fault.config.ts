import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The fault tests: each starts its own Postgres cluster and app processes (from the production
 * build), breaks something on purpose and checks that nothing was lost. One at a time: they kill
 * and restart processes, and their timings must not fight each other for the machine's cores.
 */
export default defineConfig({
	...base,
	testDir: 'tests/fault',
	fullyParallel: false,
	workers: 1,
	timeout: 180_000,
	webServer: undefined
});
