import { expect, test } from '@playwright/test';
import { demoHome, pairDemo, signIn, wallPage } from './helpers.js';

// Five wrong phone digits lock a home on the kiosks for ten minutes. The owner is told how long;
// the desk, where they will go, is told which home and until when — and the wall is told nothing.

/** A home no other test uses, so its count of wrong answers is this test's own. */
const HOME = demoHome(27);
const wrong4 = HOME.last4 === '0000' ? '1111' : '0000';

test('a home locked at the kiosk: the owner sees the minutes left, every desk page names the home', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	// The assistant is on a page that has nothing to do with kiosks.
	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, 'assistant');
	await desk.goto('/console/account');
	// A guard's console is not the desk: no notice there.
	const guard = await (await browser.newContext()).newPage();
	await signIn(guard, 'guard');
	const wall = await wallPage(browser);

	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /报修/ }).click();
	await page.getByLabel('房屋').selectOption({ label: HOME.zh });
	await page.getByLabel('预留手机号后 4 位').fill(wrong4);
	await page.getByText('水管 / 漏水').click();
	await page.getByLabel('请描述情况').fill('阳台地漏堵了');
	for (let i = 0; i < 4; i++) {
		await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: '提交' }).click()
		]);
		await expect(page.getByRole('alert')).toHaveText('房屋与手机号不符，请再试一次或到服务台办理');
	}
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'该房屋尝试次数过多，已锁定，请 10 分钟后再试，或到服务台办理'
	);

	const notice = desk.getByTestId('home-lock-notice');
	await expect(notice).toContainText(HOME.zh);
	await expect(notice).toContainText(/锁定至 \d{2}:\d{2}/);
	// On every page: another page of the console still shows it, read from the server.
	await desk.goto('/console/tickets');
	await expect(desk.getByTestId('home-lock-notice')).toContainText(HOME.zh);
	await desk.getByRole('button', { name: '知道了' }).click();
	await expect(desk.getByTestId('home-lock-notice')).toHaveCount(0);

	await expect(guard.getByTestId('home-lock-notice')).toHaveCount(0);
	// The wall shows no room, ever.
	await expect(wall.getByText(HOME.zh)).toHaveCount(0);
	await expect(wall.locator('body')).not.toContainText(HOME.zh);

	for (const p of [desk, guard, wall]) await p.context().close();
});
