import { expect, test } from '@playwright/test';
import { pairDemo, postForm, sessionCookie, signIn } from './helpers.js';
import { sentTexts } from './sms-outbox.js';
import { portOf } from './visitor-kiosk-steps.js';

// DOMAIN.md: an emergency alerts every on-duty staff member and the director at once. A director
// who is not signed in hears it by text, on the mobile they keep under My account.

const PHONE = '13900007777';

test('the director keeps a mobile on their account and is texted when a kiosk calls for help', async ({
	page,
	browser,
	request,
	baseURL
}) => {
	test.setTimeout(60_000);
	let serial = '';
	const director = await (await browser.newContext()).newPage();
	await signIn(director, 'director');
	await director.goto('/console/account');
	const field = director.getByLabel('我的手机号（可不填）');
	await field.fill('12345');
	await director.getByRole('button', { name: '保存手机号' }).click();
	await expect(director.getByText('请填写 11 位手机号，或留空')).toBeVisible();
	await expect(field).toHaveValue('12345');
	await field.fill('+86 139 0000 7777');
	await director.getByRole('button', { name: '保存手机号' }).click();
	await expect(director.getByText('手机号已保存。')).toBeVisible();
	await director.reload();
	await expect(director.getByLabel('我的手机号（可不填）')).toHaveValue(PHONE);
	// Then signs out: nothing on a screen will tell them.
	await director.getByRole('button', { name: '退出登录' }).click();

	try {
		await pairDemo(page, 'kiosk');
		await page.getByRole('link', { name: /紧急求助/ }).click();
		await page.getByText('火警', { exact: true }).click();
		await page.getByRole('radio', { name: '1号楼' }).check();
		await page.getByLabel('楼层', { exact: true }).fill('3');
		await page.getByLabel('补充说明（可不填）').fill('三楼走廊冒烟，王先生报的');
		await page.getByRole('button', { name: '呼叫求助' }).click();
		await expect(page.getByRole('heading', { name: '已通知工作人员，马上有人赶到' })).toBeVisible();
		serial = (await page.getByTestId('serial').textContent()) ?? '';

		await expect
			.poll(() => sentTexts(portOf(baseURL)).find((t) => t.to === PHONE && t.text.includes(serial)))
			.toBeTruthy();
		const text = sentTexts(portOf(baseURL)).find((t) => t.text.includes(serial))?.text ?? '';
		expect(text).toContain('特别求助：火警');
		expect(text).toContain('1号楼3层');
		expect(text).not.toContain('王先生');
		// Only the one: reloading the receipt files and texts nothing more.
		await page.reload();
		expect(sentTexts(portOf(baseURL)).filter((t) => t.text.includes(serial))).toHaveLength(1);
	} finally {
		// Leave the demo director without a phone, as the other tests expect.
		await signIn(director, 'director');
		await director.goto('/console/account');
		await director.getByLabel('我的手机号（可不填）').fill('');
		await director.getByRole('button', { name: '保存手机号' }).click();
		await expect(director.getByText('手机号已保存。')).toBeVisible();
		await director.context().close();
		// Someone goes: an emergency left untaken would sound on every console and wall of the
		// tests after this one.
		if (serial) {
			const base = baseURL ?? '';
			const guard = await sessionCookie(request, base, 'guard');
			const taken = await postForm(request, base, `/console/tickets/${serial}?/take`, {}, guard);
			expect(((await taken.json()) as { type: string }).type).toBe('success');
		}
	}
});
