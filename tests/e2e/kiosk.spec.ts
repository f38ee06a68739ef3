import { expect, test, type Page } from '@playwright/test';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { cookieHeader, pairDemo, postForm, signIn } from './helpers.js';

// An owner at the lobby touchscreen, as one would be: picks their home, proves it with the last
// four digits of their phone, says what is wrong, and leaves with a number.

/** 2号楼2单元502室, the last demo home: who lives there is known from the demo's own list. */
const HOME = '2号楼2单元502室';
const HOME_INDEX = 39;
const last4 = demoResidents(40)[HOME_INDEX]?.[0]?.phone.slice(-4) ?? '';
/** Demo home 3 is an elderly owner's, flagged for special care. */
const CARE_HOME = 3;
const careLast4 = demoResidents(40)[CARE_HOME]?.[0]?.phone.slice(-4) ?? '';
const wrong4 = last4 === '0000' ? '1111' : '0000';

async function openRepairForm(page: Page) {
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /报修/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('报修');
}

test('an owner files a repair: field messages, a wrong phone, then a number and what happens next', async ({
	page,
	browser
}) => {
	// A customer-service assistant is watching the console in another browser.
	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, 'assistant');
	await expect(desk.getByTestId('live-count')).toBeVisible();

	await openRepairForm(page);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByText('请选择您的房屋')).toBeVisible();
	await expect(page.getByText('请输入 4 位数字')).toBeVisible();
	await expect(page.getByText('请选择类别')).toBeVisible();
	await expect(page.getByText('请简单描述情况')).toBeVisible();

	await page.getByLabel('房屋').selectOption({ label: HOME });
	await page.getByLabel('预留手机号后 4 位').fill(wrong4);
	await page.getByText('水管 / 漏水').click();
	await page.getByLabel('请描述情况').fill('卫生间地漏反水，味道很大');
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('alert')).toHaveText('房屋与手机号不符，请再试一次或到服务台办理');
	// Nothing typed is lost.
	await expect(page.getByLabel('请描述情况')).toHaveValue('卫生间地漏反水，味道很大');
	await expect(page.getByLabel('房屋')).toHaveValue(/.+/);

	await page.getByLabel('预留手机号后 4 位').fill(last4);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('heading', { name: '已收到您的需求' })).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	expect(serial).toMatch(/^R-\d{8}-\d{3}$/);
	await expect(page.getByText(/维修人员 20 分钟内到场/)).toBeVisible();

	// The desk sees it arrive, without reloading.
	await expect(desk.locator(`tr[data-serial="${serial}"]`)).toContainText(HOME);
	await desk.context().close();
});

test('every other kind of owner request filed at the kiosk arrives live on the desk', async ({
	page,
	browser
}) => {
	test.slow();
	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, 'assistant');
	await expect(desk.getByTestId('live-count')).toBeVisible();
	await pairDemo(page, 'kiosk');
	for (const [type, category] of [
		['投诉', '噪音'],
		['有偿服务', '家政保洁'],
		['咨询', '收费'],
		['其他求助', '一般求助']
	] as const) {
		await page.goto('/kiosk');
		await page.getByRole('link', { name: type }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(type);
		await page.getByLabel('房屋').selectOption({ label: HOME });
		await page.getByLabel('预留手机号后 4 位').fill(last4);
		await page.getByText(category, { exact: true }).click();
		await page.getByLabel('请描述情况').fill(`${type}：请尽快联系我`);
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { name: '已收到您的需求' })).toBeVisible();
		const serial = (await page.getByTestId('serial').textContent()) ?? '';
		expect(serial, type).toMatch(/^[A-Z]-\d{8}-\d{3}$/);
		await expect(page.getByTestId('special-care')).toHaveCount(0);
		const row = desk.locator(`tr[data-serial="${serial}"]`);
		await expect(row, type).toContainText(type);
		await expect(row, type).toContainText(HOME);
	}

	// A household flagged for special care (an elderly owner, demo home 3) is told it is noted,
	// and the desk sees the flag on the request.
	await page.goto('/kiosk');
	await page.getByRole('link', { name: '咨询' }).click();
	await page.getByLabel('房屋').selectOption({ index: CARE_HOME + 1 });
	await page.getByLabel('预留手机号后 4 位').fill(careLast4);
	await page.getByText('收费', { exact: true }).click();
	await page.getByLabel('请描述情况').fill('物业费可以按季度交吗');
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByTestId('special-care')).toContainText('需特别关照');
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	await expect(desk.locator(`tr[data-serial="${serial}"]`)).toContainText('老人');
	await desk.context().close();
});

test('the same submission sent twice (a double tap, a retry) files one request', async ({
	page,
	request,
	baseURL
}) => {
	await openRepairForm(page);
	const key = await page.locator('input[name="idempotencyKey"]').inputValue();
	const cookie = await cookieHeader(page);
	const unitId = await page
		.getByLabel('房屋')
		.locator('option', { hasText: HOME })
		.getAttribute('value');
	const form = {
		idempotencyKey: key,
		unitId: unitId ?? '',
		phoneLast4: last4,
		category: 'power',
		description: '客厅插座没有电',
		preferredAt: ''
	};
	const [first, second] = await Promise.all(
		[1, 2].map(() => postForm(request, baseURL ?? '', '/kiosk/request/repair', form, cookie))
	);
	const serialOf = async (r: typeof first) =>
		((await r?.json()) as { location?: string }).location ?? '';
	const [a, b] = [await serialOf(first), await serialOf(second)];
	expect(a).toMatch(/^\/kiosk\/done\/R-/);
	expect(b).toBe(a);
});

test('left alone, the kiosk warns, then goes home and forgets what was typed', async ({ page }) => {
	await page.clock.install();
	await openRepairForm(page);
	await page.getByLabel('请描述情况').fill('门锁坏了');
	await page.clock.runFor(51_000);
	await expect(page.getByRole('alertdialog')).toContainText('还在吗？');
	await page.getByRole('button', { name: '点击继续' }).click();
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
	await expect(page.getByLabel('请描述情况')).toHaveValue('门锁坏了');

	await page.clock.runFor(61_000);
	await expect(page).toHaveURL(/\/kiosk$/);
	await page.getByRole('link', { name: /报修/ }).click();
	await expect(page.getByLabel('请描述情况')).toHaveValue('');
});

test('the kiosk form speaks English on the toggle', async ({ page }) => {
	await openRepairForm(page);
	await page.getByRole('button', { name: '切换语言' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repair');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByText('Choose your home')).toBeVisible();
	await expect(page.getByText('Water / leak')).toBeVisible();
});
