import { expect, test } from '@playwright/test';

test('/healthz says the process is alive', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ status: 'ok' });
});

test('/readyz says the database answers, and which one', async ({ request }) => {
	const response = await request.get('/readyz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({
		status: 'ready',
		database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'
	});
});

test('an unknown page gets a plain message, not a stack trace', async ({ page }) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByText('找不到这个页面')).toBeVisible();
	await expect(page.locator('body')).not.toContainText(/\.js|node_modules|Error:/);
});

test('pages forbid scripts from anywhere else and being framed', async ({ request }) => {
	const response = await request.get('/');
	const csp = response.headers()['content-security-policy'] ?? '';
	expect(csp).toContain("script-src 'self'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
});
