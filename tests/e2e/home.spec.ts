import { expect, test } from '@playwright/test';

test('the home page speaks Chinese first and links the three faces', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('大堂服务台');
	await expect(page.getByRole('link', { name: /自助服务终端/ })).toHaveAttribute('href', '/kiosk');
	await expect(page.getByRole('link', { name: /员工工作台/ })).toHaveAttribute('href', '/console');
	await expect(page.getByRole('link', { name: /大厅显示屏/ })).toHaveAttribute('href', '/display');
	await expect(page.getByRole('note')).toContainText('lobbydesk');
});

test('the language toggle switches to English and this device remembers it', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: '切换语言' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lobby Desk');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: /Staff console/ })).toBeVisible();

	await page.goto('/kiosk');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lobby kiosk');
	await page.reload();
	await expect(page.getByRole('status')).toHaveText(
		'This kiosk is not paired yet. Please ask the property office.'
	);

	await page.getByRole('button', { name: 'Switch language' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('自助服务终端');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the toggle still works, as a plain form', async ({ page }) => {
		await page.goto('/display');
		await page.getByRole('button', { name: '切换语言' }).click();
		await expect(page).toHaveURL(/\/display$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wall display');
	});
});
