import { expect, test, type Browser, type Page } from '@playwright/test';
import { registerAtKiosk } from './visit-at-kiosk.js';

// The household's phone page (/h/<token>): the host sees who waits in the lobby and answers with
// one tap; the desk or another member of the household may have answered first. The host also
// invites guests. Homes 11–14 are this file's own.
//
// A link reaches a household only in the text sent when a visitor registers at the kiosk, so
// the tests that need one register a visitor at the kiosk's form first.

/** A valid 居民身份证 number (GB 11643 check digit). */
const RESIDENT_ID = '11010519491231002X';

/** A phone, 360 px wide, with its own cookies (a host has no session); maybe without JavaScript. */
async function phone(browser: Browser, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled
	});
	return context.newPage();
}

/** The page fits the phone's width: nothing to scroll sideways. */
async function fitsWidth(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(360);
}

test('an unknown household link is a plain page that is neither cached nor indexed', async ({
	page
}) => {
	for (const path of ['/h/abcdefghijklmnopqrstuvwxyz234567', '/h/not-a-token']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('这个链接已失效');
		await expect(page.getByText('如有访客来访，请联系物业服务台')).toBeVisible();
		const headers = response?.headers() ?? {};
		expect(headers['cache-control']).toBe('no-store');
		expect(headers['referrer-policy']).toBe('same-origin');
		expect(headers['x-robots-tag']).toContain('noindex');
	}
});

test('the host approves a waiting visitor from the text, even without JavaScript, and the kiosk shows the pass', async ({
	page,
	browser
}) => {
	test.slow();
	const visitor = { name: '林晓雨', phone: '13611110011', idNumber: RESIDENT_ID };
	const link = await registerAtKiosk(page, 11, visitor);

	// An old phone without JavaScript: the page is plain forms.
	const host = await phone(browser, false);
	const response = await host.goto(link);
	expect(response?.headers()['cache-control']).toBe('no-store');
	await expect(host.getByRole('heading', { name: '等您确认的访客' })).toBeVisible();
	const card = host.getByRole('article', { name: visitor.name });
	await expect(card).toContainText('0011'); // the phone's last four
	await expect(card).toContainText('居民身份证 ****002X');
	await expect(card).toContainText('1 人');
	await expect(card).toContainText('探亲访友');
	// Nothing more of the visitor's phone or document than that.
	const html = await host.content();
	expect(html).not.toContain(visitor.phone);
	expect(html).not.toContain(RESIDENT_ID);

	await card.getByRole('button', { name: '批准', exact: true }).click();
	await expect(host.getByRole('status')).toHaveText('已批准，访客可以进入。');
	await expect(card).toHaveCount(0);
	await expect(host.getByTestId('recent')).toContainText(visitor.name);
	await expect(host.getByTestId('recent')).toContainText('在访');
	// The kiosk, waiting on its own page, turns into the pass.
	await expect(page.getByText(/住户已同意/)).toBeVisible({ timeout: 10_000 });
});

test('the host refuses, and a second answer from another phone is told it was already given', async ({
	page,
	browser
}) => {
	test.slow();
	const visitor = { name: '高远', phone: '13611110012', idNumber: RESIDENT_ID };
	const link = await registerAtKiosk(page, 12, visitor);

	// Two members of the household open the same text. The second one's phone has lost its live
	// link (its socket never connects) and its clock stands still (no poll comes), so it still
	// shows the visitor when they tap.
	const first = await phone(browser);
	const second = await phone(browser);
	await second.routeWebSocket(/\/socket\.io\//, () => {});
	await second.clock.install();
	await first.goto(link);
	await second.goto(link);
	await second.clock.pauseAt(Date.now() + 1_000);
	await expect(second.getByRole('article', { name: visitor.name })).toBeVisible();

	await first
		.getByRole('article', { name: visitor.name })
		.getByRole('button', { name: '拒绝', exact: true })
		.click();
	await expect(first.getByRole('status')).toHaveText('已拒绝，服务台会告知访客。');
	await expect(page.getByText(/住户暂时无法接待您/)).toBeVisible({ timeout: 10_000 });

	await second
		.getByRole('article', { name: visitor.name })
		.getByRole('button', { name: '批准', exact: true })
		.click();
	await expect(second.locator('main').getByRole('alert')).toHaveText(
		'这位访客已经有人答复过了（服务台或您的家人），无需再答复。'
	);
	await expect(second.getByRole('article', { name: visitor.name })).toHaveCount(0);
	await expect(second.getByTestId('recent')).toContainText('未同意');
});

test('a host invites a guest: messages at each field, then a code and its QR to send on', async ({
	page,
	browser
}) => {
	test.slow();
	// Any visitor's text gives the household its page.
	const link = await registerAtKiosk(page, 13, {
		name: '韩梅',
		phone: '13611110013',
		idNumber: RESIDENT_ID
	});
	const host = await phone(browser);
	await host.goto(link);
	await expect(host.getByRole('heading', { name: '邀请访客' })).toBeVisible();

	await host.getByLabel('人数').fill('12');
	await host.getByRole('button', { name: '生成邀请码' }).click();
	await expect(host.locator('main').getByText('请填写访客姓名')).toBeVisible();
	await expect(host.locator('main').getByText(/来访人数请填 1–10/)).toBeVisible();
	await expect(host.getByLabel('人数')).toHaveValue('12');

	await host.getByLabel('访客姓名').fill('陈静');
	await host.getByLabel('人数').fill('2');
	await host.getByRole('radio', { name: '家政服务' }).check();
	await host.getByRole('button', { name: '生成邀请码' }).click();
	const code = host.getByTestId('invite-code');
	await expect(code).toHaveText(/^[23456789A-HJKMNP-Z]{6}$/);
	const text = (await code.textContent()) ?? '';
	await expect(host.getByRole('img', { name: `邀请码 ${text} 的二维码` })).toBeVisible();
	await expect(host.getByText('请把邀请码发给您的访客')).toBeVisible();
	await fitsWidth(host);

	const upcoming = host.locator(`li[data-code="${text}"]`);
	await expect(upcoming).toContainText('陈静');
	await expect(upcoming).toContainText('已邀请');

	// The guest uses the code at the kiosk and gets a pass without asking the host again.
	await page.goto('/kiosk/visit/invite');
	await page.getByLabel('邀请码', { exact: true }).fill(text);
	await page.getByRole('button', { name: '下一步' }).click();
	await page.getByLabel('手机号码', { exact: true }).fill('13611110113');
	await page.getByRole('radio', { name: '居民身份证' }).check();
	await page.getByLabel('证件号码', { exact: true }).fill(RESIDENT_ID);
	await page.getByRole('button', { name: '领取通行证' }).click();
	await expect(page.getByText(/住户已同意/)).toBeVisible();

	// The host's page follows by itself.
	await expect(host.locator(`li[data-code="${text}"]`)).toContainText('在访');
});

test('a host withdraws an invitation not used yet; a visitor arriving meanwhile appears by itself', async ({
	page,
	browser
}) => {
	test.slow();
	const link = await registerAtKiosk(page, 14, {
		name: '邓波',
		phone: '13611110014',
		idNumber: RESIDENT_ID
	});
	const host = await phone(browser);
	await host.goto(link);
	const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
		new Date(Date.now() + 86_400_000)
	);
	await host.getByLabel('来访日期').fill(tomorrow);
	await host.getByLabel('访客姓名').fill('Anna Lee');
	await host.getByRole('button', { name: '生成邀请码' }).click();
	const text = (await host.getByTestId('invite-code').textContent()) ?? '';
	const upcoming = host.locator(`li[data-code="${text}"]`);
	await expect(upcoming).toContainText(tomorrow);
	await upcoming.getByRole('button', { name: '取消邀请' }).click();
	await expect(host.getByRole('status')).toHaveText('邀请已取消。');
	await expect(upcoming).toContainText('已取消');
	await expect(upcoming.getByRole('button', { name: '取消邀请' })).toHaveCount(0);

	// Another visitor registers while the page is open: no reload, no new text needed.
	await registerAtKiosk(page, 14, { name: '邓涛', phone: '13611110114', idNumber: RESIDENT_ID });
	await expect(host.getByRole('article', { name: '邓涛' })).toBeVisible();
});
