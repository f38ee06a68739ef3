import { expect, test } from '@playwright/test';
import { pairDemo } from './helpers.js';
import { hostLinkIn } from './sms-outbox.js';
import { home, hostText, registerFirstVisit, residentId } from './visitor-kiosk-steps.js';

// The visitor's waiting screen at the kiosk, live: the host's answer (or silence) turns it into
// the pass or "see the desk" by itself, the kiosk does not reset under a waiting visitor, and the
// pass signs out at the kiosk. Homes 28–31 (30 only for visits, which no other spec makes).

test('a host who stays silent: the waiting screen sends the visitor to the desk by itself', async ({
	page
}) => {
	test.slow();
	const where = home(28);
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, {
		name: '慕容复',
		phone: '13700280001',
		idNumber: residentId('11010119881010678')
	});
	// The test server gives a host 15 seconds.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('请到服务台', {
		timeout: 40_000
	});
	await expect(page.getByTestId('visit-outcome')).toContainText('请到服务台，工作人员会为您办理');
});

test('while the visitor waits for their host, the kiosk does not go home under them', async ({
	page
}) => {
	await page.clock.install();
	const where = home(29);
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, {
		name: '夏侯渊',
		phone: '13700290001',
		idNumber: residentId('11010119770707789')
	});
	const waiting = page.url();
	// Any other page would be warning now, with 5 of its 60 idle seconds left (read at once: a
	// retried assertion would let the warning pass by as the page went home).
	await page.clock.runFor(55_000);
	expect(await page.getByRole('alertdialog').count()).toBe(0);
	// Nor does it go home when the idle time is up.
	await page.clock.runFor(20_000);
	expect(page.url()).toBe(waiting);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('请稍候');
});

test('signing out takes the code beside the pass number; a wrong one is refused at the field', async ({
	page
}) => {
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /访客签离/ }).click();
	const pass = page.getByLabel('通行证号');
	const check = page.getByLabel('签离码');
	await expect(pass).toBeFocused();
	await pass.press('Enter');
	await expect(page.locator('#pass-error')).toHaveText('请输入通行证号');
	await pass.fill('V-20200101-001');
	await pass.press('Enter');
	await expect(page.locator('#check-error')).toHaveText('请输入通行证上的 4 位签离码');
	await expect(check).toBeFocused();
	await expect(pass).toHaveValue('V-20200101-001');
	await check.fill('k7m3');
	await check.press('Enter');
	await expect(page.locator('#pass-error')).toHaveText('通行证号和签离码对不上，请核对');
	await expect(check).toHaveValue('k7m3');
	await pass.fill('not a pass');
	await pass.press('Enter');
	await expect(page.locator('#pass-error')).toHaveText('没有这个通行证号，请核对');
});

test('the host approves on their phone: the pass appears on the kiosk, leaves with the visitor, and signs out once', async ({
	page,
	browser,
	baseURL
}) => {
	const where = home(31);
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, {
		name: '皇甫嵩',
		phone: '13700310001',
		idNumber: residentId('11010119700303890')
	});
	const text = await hostText(baseURL, where.phones, '皇**');
	const host = await (await browser.newContext()).newPage();
	await host.goto(hostLinkIn(text.text) ?? '');
	await host.getByRole('button', { name: '批准' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('访客通行证');
	const pass = (await page.getByTestId('visit-pass-number').textContent()) ?? '';
	expect(pass).toMatch(/^V-\d{8}-\d{3}$/);
	const check = (await page.getByTestId('visit-pass-check').textContent()) ?? '';
	expect(check).toMatch(/^[2-9A-HJKMNP-Z]{4}$/);
	await expect(page.getByTestId('visit-pass-name')).toHaveText('皇**');
	await expect(page.getByTestId('visit-pass-home')).toHaveText(where.zh);
	await expect(page.getByRole('img', { name: '通行证二维码' })).toBeVisible();
	const scanned = `${pass}.${check}`;
	await expect(page.locator('[data-qr-text]')).toHaveAttribute('data-qr-text', scanned);
	await expect(page.getByRole('button', { name: '打印通行证' })).toBeVisible();
	await host.context().close();

	// Home, the next person presses "back": the pass is not theirs to see.
	await page.getByRole('link', { name: '返回首页' }).click();
	await expect(page.getByRole('link', { name: /访客签离/ })).toBeVisible();
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'这一页已经不可用了，请回到首页重新开始。'
	);
	await expect(page.getByText(pass)).toHaveCount(0);
	await expect(page.getByText('皇**')).toHaveCount(0);

	// The scanner types the QR code's text and Enter.
	await page.getByRole('link', { name: '返回首页' }).click();
	await page.getByRole('link', { name: /访客签离/ }).click();
	await page.getByLabel('通行证号').fill(scanned.toLowerCase());
	await page.getByLabel('通行证号').press('Enter');
	await expect(page.getByRole('status')).toContainText('您已签离，谢谢来访');
	await expect(page.getByTestId('signed-out-pass')).toHaveText(pass);
	await page.getByRole('link', { name: '签离另一张' }).click();
	await page.getByLabel('通行证号').fill(pass);
	await page.getByLabel('签离码').fill(check);
	await page.getByLabel('签离码').press('Enter');
	await expect(page.locator('#pass-error')).toHaveText('这张通行证已经签离或已失效');
});

test('the host declines: the kiosk says so, and where to ask', async ({
	page,
	browser,
	baseURL
}) => {
	const where = home(30);
	await pairDemo(page, 'kiosk');
	await registerFirstVisit(page, where, {
		name: '诸葛瑾',
		phone: '13700310002',
		idNumber: residentId('11010119710404901')
	});
	const text = await hostText(baseURL, where.phones, '诸**');
	const host = await (await browser.newContext()).newPage();
	await host.goto(hostLinkIn(text.text) ?? '');
	await host.getByRole('button', { name: '拒绝' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('住户未同意');
	await expect(page.getByTestId('visit-outcome')).toContainText('如果您认为有误，请到服务台咨询');
	await host.context().close();
});
