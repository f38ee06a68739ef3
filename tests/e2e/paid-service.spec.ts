import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { pairDemo, signIn, tomorrowTen } from './helpers.js';

// A paid service as seed 003 runs it: the owner reads the price list at the kiosk and asks, the
// engineer quotes labour and materials, the owner confirms the quote on their phone before the
// work, and the fee is collected in cash (up to 50 yuan) or billed, on record all the way.

/** Demo homes no other browser test uses. */
const HOME_ZH = 30;
const HOME_EN = 31;
const last4 = (home: number) => demoResidents(40)[home]?.[0]?.phone.slice(-4) ?? '';
const tag = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

async function staffPage(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, username);
	return page;
}

/** Files a paid service at the kiosk; returns its number and the link behind the receipt's QR. */
async function fileAtKiosk(
	page: Page,
	home: number,
	english: boolean,
	description: string,
	preferred?: string
) {
	await page.getByRole('link', { name: english ? /Paid service/ : /有偿服务/ }).click();
	await page
		.getByLabel(english ? 'Home' : '房屋', { exact: true })
		.selectOption({ index: home + 1 });
	await page
		.getByLabel(english ? 'Last 4 digits of your phone on record' : '预留手机号后 4 位')
		.fill(last4(home));
	await page.getByText(english ? 'Appliance repair' : '家电 / 洁具维修', { exact: true }).click();
	await page.getByLabel(english ? 'What is the matter?' : '请描述情况').fill(description);
	if (preferred) await page.getByLabel('希望上门时间（可不填）').fill(preferred);
	await page.getByRole('button', { name: english ? 'Send' : '提交' }).click();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	const link = (await page.locator('[data-owner-link]').getAttribute('data-owner-link')) ?? '';
	return { serial, link };
}

test('a paid service is quoted, confirmed on the phone, done and paid in cash', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /有偿服务/ }).click();
	// The price list is public before anyone says who they are.
	const prices = page.getByTestId('price-list');
	await expect(prices.getByRole('heading', { name: '有偿服务价目表' })).toBeVisible();
	await expect(prices.getByRole('row', { name: /更换水龙头/ })).toContainText('¥15.00 / 个');
	await expect(prices).toContainText('经您确认后才开始');
	await page.goto('/kiosk');
	const visit = tomorrowTen();
	const { serial, link } = await fileAtKiosk(
		page,
		HOME_ZH,
		false,
		`厨房水龙头坏了 ${tag()}`,
		visit.field
	);

	// The desk takes it on and sends the engineer.
	const desk = await staffPage(browser, 'assistant');
	await desk.goto(`/console/tickets/${serial}`);
	// The owner's preferred time came with the request.
	await expect(desk.getByText(visit.shown)).toBeVisible();
	await desk.getByRole('button', { name: '受理', exact: true }).click();
	await expect(desk.getByTestId('ticket-status')).toHaveText('已受理');
	await desk.getByRole('button', { name: '派工给维修人员' }).click();
	await desk.getByLabel('维修人员').selectOption({ label: '李师傅（工程维修）' });
	await desk.locator('form[data-action="dispatch"]').getByRole('button').first().click();
	await expect(desk.getByTestId('ticket-status')).toHaveText('处理中');

	// The engineer quotes from the price list, with one material; a typo is caught at its field.
	const engineer = await staffPage(browser, 'engineer');
	await engineer.goto(`/console/tickets/${serial}`);
	const panel = engineer.getByTestId('quote-panel');
	await expect(panel).toContainText('尚未报价');
	await expect(engineer.getByRole('button', { name: '处理完毕' })).toHaveCount(0);
	await panel.getByRole('button', { name: '填写报价' }).click();
	await panel.getByLabel('价目表项目').selectOption({ label: '更换水龙头 · ¥15.00 / 个' });
	await panel.getByLabel('人工费（元）').fill('15.505');
	await panel.getByLabel('材料 1', { exact: true }).fill('水龙头');
	await panel.getByLabel('材料 1 单价（元）').fill('25.5');
	await panel.getByRole('button', { name: '提交报价' }).click();
	await expect(panel.getByText('请填写金额，例如 25 或 25.50')).toBeVisible();
	await expect(panel.getByLabel('材料 1', { exact: true })).toHaveValue('水龙头');
	await panel.getByLabel('人工费（元）').fill('');
	await panel.getByRole('button', { name: '提交报价' }).click();
	await expect(panel.getByTestId('quote-status')).toHaveText('等待业主确认');
	await expect(panel.getByTestId('quote-total')).toHaveText('¥40.50');

	// The owner reads it on the phone and confirms.
	const owner = await (
		await browser.newContext({ viewport: devices['iPhone 13'].viewport, hasTouch: true })
	).newPage();
	await owner.goto(link);
	const card = owner.getByTestId('owner-quote');
	await expect(card).toContainText('水龙头 × 1（¥25.50）');
	await expect(card.getByTestId('quote-total')).toHaveText('¥40.50');
	await expect(card).toContainText('完工后可当场付现金');
	await card.getByRole('button', { name: '确认报价' }).click();
	await expect(card).toContainText('您已于');
	await expect(owner.locator('[data-kind="quote_proposed"]')).toContainText('给出报价 ¥40.50');

	// Now the work may be finished and paid for, in cash, in the owner's presence.
	await engineer.reload();
	await expect(panel.getByTestId('quote-status')).toHaveText('业主已确认');
	await engineer.getByRole('button', { name: '已到现场' }).click();
	await expect(engineer.getByTestId('timeline')).toContainText('到达现场');
	await engineer.getByRole('button', { name: '处理完毕' }).click();
	await engineer.getByLabel('处理结果').fill('更换了水龙头');
	await engineer.locator('form[data-action="resolve"]').getByRole('button').first().click();
	await expect(engineer.getByTestId('ticket-status')).toHaveText('已解决');
	await panel.getByRole('button', { name: '现场收取现金 ¥40.50' }).click();
	await expect(panel.getByTestId('quote-payment')).toContainText('现金已收');
	await expect(engineer.getByTestId('timeline')).toContainText('现金已收');

	// The desk follows up, and may close now that the fee is settled.
	await desk.reload();
	await desk.getByRole('button', { name: '回访' }).click();
	await desk.getByText('满意', { exact: true }).click();
	await desk.locator('form[data-action="follow_up"]').getByRole('button').first().click();
	await expect(desk.getByTestId('ticket-status')).toHaveText('已回访');
	await desk.getByRole('button', { name: '关闭工单' }).click();
	await desk.locator('form[data-action="close"]').getByRole('button').first().click();
	await expect(desk.getByTestId('ticket-status')).toHaveText('已关闭');
	await owner.reload();
	await expect(owner.locator('[data-kind="paid"]')).toContainText('¥40.50');
});

test('in English: the price list at the kiosk, and an owner who says no on the phone, then by phone', async ({
	page,
	browser
}) => {
	await pairDemo(page, 'kiosk');
	await page.getByRole('button', { name: '切换语言' }).click();
	await page.getByRole('link', { name: /Paid service/ }).click();
	await expect(page.getByRole('heading', { name: 'Paid services price list' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Replace a tap/ })).toContainText('¥15.00 / tap');
	await page.goto('/kiosk');
	const { serial, link } = await fileAtKiosk(page, HOME_EN, true, `Install a light ${tag()}`);

	const desk = await staffPage(browser, 'supervisor');
	await desk.getByRole('button', { name: '切换语言' }).click();
	// The choice is saved with the toggle's answer: only then does another page load in English.
	await expect(desk.getByRole('button', { name: 'Switch language' })).toBeVisible();
	await desk.goto(`/console/tickets/${serial}`);
	await desk.getByRole('button', { name: 'Take on', exact: true }).click();
	await expect(desk.getByTestId('ticket-status')).toHaveText('Accepted');
	const panel = desk.getByTestId('quote-panel');
	await panel.getByRole('button', { name: 'Write a quote' }).click();
	await panel.getByRole('button', { name: 'Propose the quote' }).click();
	await expect(panel.getByText('Enter the labour, or choose a price-list item')).toBeVisible();
	await panel.getByLabel('Labour (yuan)').fill('120');
	await panel.getByRole('button', { name: 'Propose the quote' }).click();
	await expect(panel.getByTestId('quote-total')).toHaveText('¥120.00');

	// The owner turns it down on their phone: the desk hears of it on whatever page it is.
	const owner = await (
		await browser.newContext({ viewport: devices['iPhone 13'].viewport, hasTouch: true })
	).newPage();
	await owner.goto(link);
	await owner.getByRole('button', { name: '切换语言' }).click();
	await owner.getByTestId('owner-quote').getByRole('button', { name: 'Decline' }).click();
	await expect(owner.getByTestId('owner-quote')).toContainText('the front desk will contact you');
	await expect(desk.getByTestId('owner-notice')).toContainText(
		`The owner of ${serial} declined the quote`
	);

	// A cheaper quote; the owner phones to say no again: the desk records how.
	await desk.reload();
	await panel.getByRole('button', { name: 'New quote' }).click();
	await panel.getByLabel('Labour (yuan)').fill('100');
	await panel.getByRole('button', { name: 'Propose the quote' }).click();
	await expect(panel.getByTestId('quote-total')).toHaveText('¥100.00');
	await panel.getByRole('button', { name: 'Record the owner’s refusal' }).click();
	await expect(panel.getByText('Say how the owner answered')).toBeVisible();
	await panel.getByLabel('How the owner answered (signed in person, by phone…)').fill('By phone');
	await panel.getByRole('button', { name: 'Record the owner’s refusal' }).click();
	await expect(panel.getByTestId('quote-status')).toHaveText('Declined by the owner');
	await expect(desk.getByTestId('timeline')).toContainText('Owner declined the quote');
});
