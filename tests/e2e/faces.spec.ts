import { expect, test } from '@playwright/test';
import { pairDemo } from './helpers.js';

test('an unpaired browser is told how to pair, not shown a kiosk or a board', async ({ page }) => {
	await page.goto('/kiosk');
	await expect(page.getByRole('status')).toHaveText('本终端尚未配对，请联系物业管理处。');
	await expect(page.getByRole('link', { name: /报修/ })).toHaveCount(0);
	await page.goto('/display');
	await expect(page.getByRole('heading', { name: '服务动态' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: '配对设备' })).toBeVisible();
});

test('the demo kiosk offers every request type and a separate emergency button', async ({
	page
}) => {
	await pairDemo(page, 'kiosk');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('您好，请选择要办理的事项');
	await expect(page.getByRole('link', { name: /紧急求助/ })).toBeVisible();
	for (const label of ['报修', '投诉', '有偿服务', '咨询', '物品放行条', '其他求助']) {
		await expect(page.getByRole('link', { name: new RegExp(label) })).toBeVisible();
	}
	// Visitors have their own two tiles, apart from the owners' requests.
	await expect(page.getByRole('link', { name: /我是访客/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /访客签离/ })).toBeVisible();
	await page.goto('/display');
	await expect(page.getByRole('status')).toHaveText(
		'本设备已配对为「自助服务终端」，不能在此使用。'
	);
});

test('the wall display lists open tickets with nothing personal on it', async ({ page }) => {
	// Tall enough for every open ticket of the shared test server on one page.
	await page.setViewportSize({ width: 1280, height: 8000 });
	await pairDemo(page, 'display');
	const response = await page.goto('/display');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('服务动态');
	await expect(page.getByText('锦绣花园')).toBeVisible();
	await expect(page.getByRole('cell', { name: /^R-\d{8}-\d{3}$/ }).first()).toBeVisible();
	await expect(page.getByRole('cell', { name: /^C-\d{8}-\d{3}$/ }).first()).toBeVisible();
	await expect(page.locator('time.clock')).toHaveText(/^\d{2}:\d{2}$/);

	// Everything the page received, markup and data alike.
	const html = (await response?.text()) ?? '';
	expect(html).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/); // no mobile number
	expect(html).not.toContain('室'); // no room
	expect(html).not.toContain('厨房水槽'); // no description (its category, 水管 / 漏水, is shown)
	expect(html).not.toContain('夜间装修');
	expect(html).not.toContain('王芳'); // no staff name
});

test('pairing refuses a bad code at the field and keeps what was typed', async ({ page }) => {
	await page.goto('/pair');
	const code = page.getByLabel('配对码');
	await page.getByRole('button', { name: '配对' }).click();
	await expect(page.getByText('请输入配对码')).toBeVisible();

	await code.fill('abc');
	await page.getByRole('button', { name: '配对' }).click();
	await expect(page.getByText('配对码为 8 位字母或数字')).toBeVisible();
	await expect(code).toHaveValue('abc');

	await code.fill('ABCD-2345');
	await page.getByRole('button', { name: '配对' }).click();
	await expect(page.getByText('配对码无效或已过期，请向管理员重新获取')).toBeVisible();
	await expect(code).toHaveValue('ABCD-2345');
});
