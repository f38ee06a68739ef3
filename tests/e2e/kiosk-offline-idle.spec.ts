import { expect, test } from '@playwright/test';
import { demoHome } from './helpers.js';
import {
	REQUEST_POSTS,
	fillRepair,
	interceptPosts,
	openRepairForm,
	storedAnywhere
} from './kiosk-offline-helpers.js';

// An owner who tapped "send" while the network was down and then walked away must not leave
// their request on the screen for the next person; nor must anyone's typing outlast the idle
// reset. (Sending again, double taps and reloads: kiosk-offline.spec.ts.)

/** Demo homes no other browser test files for. */
const home = demoHome;

test('left alone while unsent, the kiosk stays but hides the form, and shows the receipt once sent', async ({
	page
}) => {
	const where = home(12);
	const description = '单元门禁刷卡没有反应（离开测试）';
	await page.clock.install();
	await openRepairForm(page);
	await interceptPosts(page, (route) => route.abort('internetdisconnected'));
	await fillRepair(page, where, description);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('alert')).toContainText('网络暂时中断');

	// A minute and more without a touch: no "still there?", no going home (it would lose the
	// request), but nothing of it is left in view.
	await page.clock.runFor(70_000);
	await expect(page).toHaveURL(/\/kiosk\/request\/repair$/);
	await expect(page.getByText('还在吗？')).toHaveCount(0);
	await expect(page.getByRole('status')).toContainText('正在提交需求，请稍候');
	await expect(page.getByRole('status')).toContainText('已填写的内容暂时隐藏');
	await expect(page.getByLabel('请描述情况')).toBeHidden();
	await expect(page.getByLabel('房屋')).toBeHidden();
	// The next person's touch does not bring it back.
	await page.mouse.click(400, 300);
	await page.clock.runFor(1_000);
	await expect(page.getByLabel('请描述情况')).toBeHidden();

	// Back online: it goes through by itself, and the receipt replaces the card.
	await page.unroute(REQUEST_POSTS);
	const receipt = page.getByRole('heading', { name: '已收到您的需求' });
	await expect(async () => {
		await page.clock.runFor(5_000);
		await expect(receipt).toBeVisible({ timeout: 1_000 });
	}).toPass({ timeout: 20_000 });
	await page.clock.runFor(1_000);
	await expect(page.getByRole('status')).toHaveCount(0);
	expect(await storedAnywhere(page, description, where.last4)).toEqual([]);

	// The receipt gets the whole idle time before the kiosk goes home.
	await page.clock.runFor(40_000);
	await expect(receipt).toBeVisible();
	await page.clock.runFor(25_000);
	await expect(page).toHaveURL(/\/kiosk$/);
});

test('refused once the owner has gone (the phone does not match): home, and nothing kept', async ({
	page
}) => {
	const where = home(1);
	const description = '水表井盖松动（拒绝测试）';
	await page.clock.install();
	await openRepairForm(page);
	// Offline at first; when the network is back the server gets digits that do not match.
	let online = false;
	await interceptPosts(page, async (route) => {
		if (!online) return route.abort('internetdisconnected');
		const form = new URLSearchParams(route.request().postData() ?? '');
		form.set('phoneLast4', where.last4 === '0000' ? '1111' : '0000');
		await route.continue({ postData: form.toString() });
	});
	await fillRepair(page, where, description);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('alert')).toContainText('网络暂时中断');
	await page.clock.runFor(70_000);
	await expect(page.getByRole('status')).toContainText('正在提交需求，请稍候');

	// Nobody is there to correct it: rather than show it to the next person, the kiosk goes home.
	online = true;
	await expect(async () => {
		await page.clock.runFor(5_000);
		await expect(page).toHaveURL(/\/kiosk$/, { timeout: 1_000 });
	}).toPass({ timeout: 20_000 });
	await expect(page.getByRole('status')).toHaveCount(0);
	expect(await storedAnywhere(page, description, where.last4)).toEqual([]);
	await page.getByRole('link', { name: /报修/ }).click();
	await expect(page.getByLabel('请描述情况')).toHaveValue('');
});

test('idle reset, in English: warned, then home, and the form forgets what was typed', async ({
	page
}) => {
	await page.clock.install();
	await openRepairForm(page);
	await page.getByRole('button', { name: '切换语言' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repair');
	await page.getByLabel('Last 4 digits of your phone on record').fill('1234');
	await page.getByLabel('What is the matter?').fill('The lift door does not close');

	await page.clock.runFor(51_000);
	await expect(page.getByRole('alertdialog')).toContainText('Still there?');
	await expect(page.getByRole('button', { name: 'Touch to continue' })).toBeVisible();
	await page.clock.runFor(10_000);
	await expect(page).toHaveURL(/\/kiosk$/);
	await expect(page.getByRole('alertdialog')).toHaveCount(0);

	await page.getByRole('link', { name: /Repair/ }).click();
	await expect(page.getByLabel('What is the matter?')).toHaveValue('');
	await expect(page.getByLabel('Last 4 digits of your phone on record')).toHaveValue('');
	expect(await storedAnywhere(page, 'The lift door', '1234')).toEqual([]);
});
