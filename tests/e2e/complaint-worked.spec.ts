import { devices, expect, test, type Page } from '@playwright/test';
import { demoHome, pairDemo, signIn, tomorrowTen } from './helpers.js';

// A complaint from the lobby kiosk worked to its close the way a new assistant would, from what
// the console shows: take it on, reply to the owner and agree when the next reply comes, resolve,
// follow up, close; the owner's phone, from the receipt's QR code, shows it done.

/** A demo home no other browser test files for. */
const where = demoHome(6);

/** Opens one of the ticket page's steps, fills it with `fill`, and sends it. */
async function step(desk: Page, action: string, label: string, fill?: () => Promise<void>) {
	await desk.getByRole('button', { name: label, exact: true }).click();
	const form = desk.locator(`form[data-action="${action}"]`);
	await expect(form).toBeVisible();
	await fill?.();
	await form.getByRole('button', { name: label, exact: true }).click();
	await expect(form).toHaveCount(0);
}

test('a kiosk complaint is taken on, answered, resolved, followed up and closed; the phone shows it closed', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const tag = crypto.randomUUID().slice(0, 6);
	const description = `楼上每晚十二点以后还在装修，很吵 ${tag}`;
	const reply = `已联系楼上住户，承诺晚上十点后停工 ${tag}`;
	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, 'assistant');
	await expect(desk.getByTestId('live-count')).toBeVisible();

	// The owner files it at the kiosk and keeps the receipt's QR code.
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: '投诉' }).click();
	await page.getByLabel('房屋').selectOption({ label: where.zh });
	await page.getByLabel('预留手机号后 4 位').fill(where.last4);
	await page.getByText('噪音', { exact: true }).click();
	await page.getByLabel('请描述情况').fill(description);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('heading', { name: '已收到您的需求' })).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	const link = (await page.locator('[data-owner-link]').getAttribute('data-owner-link')) ?? '';
	expect(link).toMatch(/\/o\/[a-z2-7]{32}$/);

	// The desk sees it arrive, opens it from the list and takes it on.
	const row = desk.locator(`tr[data-serial="${serial}"]`);
	await expect(row).toContainText('投诉');
	await expect(row).toContainText(where.zh);
	await row.getByRole('link', { name: serial }).click();
	await expect(desk.getByRole('heading', { level: 1 })).toHaveText(serial);
	await expect(desk.getByTestId('ticket-status')).toHaveText('新建');
	await expect(desk.getByText(description)).toBeVisible();
	await desk.getByRole('button', { name: '受理', exact: true }).click();
	await expect(desk.getByTestId('ticket-status')).toHaveText('已受理');

	// A reply to the owner, with the time of the next one agreed.
	const next = tomorrowTen();
	await step(desk, 'contact', '记录联系', async () => {
		await desk.getByRole('radio', { name: '答复业主' }).check();
		await desk.getByLabel('内容', { exact: true }).fill(reply);
		await desk.getByLabel('约定下次答复时间（可不填）').fill(next.field);
	});
	await expect(desk.getByTestId('timeline')).toContainText(reply);
	const facts = desk.getByRole('region', { name: '工单信息' });
	await expect(facts).toContainText('约定下次答复');
	await expect(facts).toContainText(next.shown);

	await step(desk, 'resolve', '处理完毕', () =>
		desk.getByLabel('处理结果').fill('楼上已停止夜间施工，业主确认安静了')
	);
	await expect(desk.getByTestId('ticket-status')).toHaveText('已解决');

	// Follow-up: the owner is satisfied; then the complaint closes.
	await step(desk, 'follow_up', '回访', () =>
		desk.getByRole('radio', { name: '满意', exact: true }).check()
	);
	await expect(desk.getByTestId('ticket-status')).toHaveText('已回访');
	await expect(facts).toContainText('满意');
	await step(desk, 'close', '关闭工单');
	await expect(desk.getByTestId('ticket-status')).toHaveText('已关闭');
	await expect(desk.getByRole('button', { name: '关闭工单' })).toHaveCount(0);

	// The owner's phone, from the receipt's QR code: every step done, the request closed.
	const owner = await (
		await browser.newContext({ viewport: devices['iPhone 13'].viewport, hasTouch: true })
	).newPage();
	await owner.goto(link);
	await expect(owner.getByTestId('serial')).toHaveText(serial);
	await expect(owner.getByTestId('headline')).toHaveText('此需求已办结。');
	for (const key of ['received', 'taken_on', 'resolved', 'followed_up', 'closed']) {
		await expect(owner.locator(`[data-step="${key}"]`), key).toHaveAttribute('data-state', 'done');
	}
	await expect(owner.getByText(description)).toBeVisible();
	await owner.context().close();
	await desk.context().close();
});
