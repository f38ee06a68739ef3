import { expect, test, type Page } from '@playwright/test';
import { demoHome, pairDemo } from './helpers.js';
import { interceptPosts, storedAnywhere, watchDesk, type Home } from './kiosk-offline-helpers.js';

// An owner who listed their furniture for an item-release pass and tapped "send" while the
// lobby's network was down keeps the pass as typed; it goes by itself, once, when it can.

/** Demo homes no other browser test files for: the desk's counts per home are this file's own. */
const home = demoHome;

/** The pass form's POSTs (not its receipt, `/kiosk/pass/<id>`). */
const PASS_POSTS = '**/kiosk/pass';

async function openPassForm(page: Page) {
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /物品放行条/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('物品放行条');
}

interface Pass {
	where: Home;
	items: [string, string][];
	carrier: string;
}

/** Fills the form in Chinese, adding lines beyond the first three when the pass has more. */
async function fillPass(page: Page, pass: Pass) {
	await page.getByLabel('房屋').selectOption({ label: pass.where.zh });
	await page.getByLabel('预留手机号后 4 位').fill(pass.where.last4);
	await page.getByText('搬出').click();
	for (const [i, [what, quantity]] of pass.items.entries()) {
		if (i >= 3) await page.getByRole('button', { name: '+ 再加一行' }).click();
		await page.getByLabel(`物品 ${i + 1}`, { exact: true }).fill(what);
		await page.getByLabel(`物品 ${i + 1} 的数量`).fill(quantity);
	}
	await page.getByLabel('搬运人姓名').fill(pass.carrier);
}

async function expectAsTyped(page: Page, pass: Pass) {
	await expect(page.getByLabel('房屋').locator('option:checked')).toHaveText(pass.where.zh);
	await expect(page.getByLabel('预留手机号后 4 位')).toHaveValue(pass.where.last4);
	await expect(page.getByRole('radio', { name: '搬出' })).toBeChecked();
	for (const [i, [what, quantity]] of pass.items.entries()) {
		await expect(page.getByLabel(`物品 ${i + 1}`, { exact: true })).toHaveValue(what);
		await expect(page.getByLabel(`物品 ${i + 1} 的数量`)).toHaveValue(quantity);
	}
	await expect(page.getByLabel('搬运人姓名')).toHaveValue(pass.carrier);
}

async function passCode(page: Page): Promise<string> {
	await expect(page.getByRole('heading', { name: '放行条已提交' })).toBeVisible({
		timeout: 20_000
	});
	const code = (await page.getByTestId('pass-code').textContent()) ?? '';
	expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
	return code;
}

test('lost network: the pass stays as typed, the kiosk says so, and files it once when it can', async ({
	page,
	browser
}) => {
	test.setTimeout(60_000);
	const pass: Pass = {
		where: home(7),
		items: [
			['三人沙发', '1'],
			['餐椅', '4']
		],
		carrier: '钱师傅（断网测试）'
	};
	const desk = await watchDesk(browser);
	const before = await desk.rows(pass.where.zh).count();
	await openPassForm(page);
	// The first POST reaches the server and files the pass, but its answer is lost on the way
	// back; the next ones do not get through at all.
	const attempts = await interceptPosts(
		page,
		async (route, attempt) => {
			if (attempt === 1) await route.fetch();
			await route.abort('internetdisconnected');
		},
		PASS_POSTS
	);
	await fillPass(page, pass);
	await page.getByRole('button', { name: '提交' }).click();

	const alert = page.getByRole('alert');
	await expect(alert).toContainText('网络暂时中断');
	await expect(alert).toContainText('您填写的内容已保存，恢复后会自动提交，请不要离开');
	await expect(page).toHaveURL(/\/kiosk\/pass$/);
	await expectAsTyped(page, pass);
	await expect(page.getByRole('button', { name: '立即重试' })).toBeVisible();

	// It tries again by itself, with the same key; still nothing gets through.
	await expect.poll(attempts, { timeout: 6_000 }).toBeGreaterThanOrEqual(2);
	await expect(alert).toContainText('网络暂时中断');
	await expectAsTyped(page, pass);

	// The network is back: the next automatic try goes through, to the pass's code.
	await page.unroute(PASS_POSTS);
	await passCode(page);
	await expect(page.getByTestId('pass-status')).toHaveText('等待审批');
	expect(await storedAnywhere(page, pass.carrier, pass.where.last4, '三人沙发')).toEqual([]);

	// One pass, the one the first (lost) answer was about.
	await expect(desk.rows(pass.where.zh)).toHaveCount(before + 1);
	await desk.close();
});

test('a reload while the pass is unsent puts back every line, even a fourth, and sends it once', async ({
	page,
	browser
}) => {
	test.setTimeout(60_000);
	const pass: Pass = {
		where: home(8),
		items: [
			['衣柜', '1'],
			['书架', '2'],
			['纸箱', '12'],
			['落地灯', '1']
		],
		carrier: '冯师傅（刷新测试）'
	};
	const desk = await watchDesk(browser);
	const before = await desk.rows(pass.where.zh).count();
	await openPassForm(page);
	await interceptPosts(page, (route) => route.abort('internetdisconnected'), PASS_POSTS);
	await fillPass(page, pass);
	const key = await page.locator('input[name="idempotencyKey"]').inputValue();
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('alert')).toContainText('网络暂时中断');

	await page.reload();
	await expect(page.getByRole('alert')).toContainText('网络暂时中断');
	await expectAsTyped(page, pass);
	await expect(page.locator('input[name="idempotencyKey"]')).toHaveValue(key);

	await page.unroute(PASS_POSTS);
	await page.getByRole('button', { name: '立即重试' }).click();
	await passCode(page);
	expect(await storedAnywhere(page, pass.carrier, pass.where.last4, key)).toEqual([]);
	await expect(desk.rows(pass.where.zh)).toHaveCount(before + 1);
	await desk.close();
});
