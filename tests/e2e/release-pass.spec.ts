import { expect, test, type Browser, type Page } from '@playwright/test';
import { cookieHeader, demoHome, pairDemo, postForm, signIn } from './helpers.js';

// 物品放行条 from the lobby to the gate: an owner fills it at the kiosk, the duty supervisor
// approves it in the console, the guard checks the code at the exit and lets it out once.

const home = demoHome;

/** The site's date (Asia/Shanghai), `days` from today. */
function siteDay(days = 0): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
		new Date(Date.now() + days * 86_400_000)
	);
}

async function staffPage(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, username);
	return page;
}

async function openPassForm(page: Page) {
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /物品放行条/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('物品放行条');
}

/** Fills the kiosk form in Chinese and sends it; returns the receipt's code. */
async function filePass(
	page: Page,
	h: ReturnType<typeof home>,
	options: { carrier: string; items: [string, string][]; day?: string }
): Promise<string> {
	await page.getByLabel('房屋').selectOption({ label: h.zh });
	await page.getByLabel('预留手机号后 4 位').fill(h.last4);
	await page.getByText('物品出门').click();
	for (const [i, [what, quantity]] of options.items.entries()) {
		await page.getByLabel(`物品 ${i + 1}`, { exact: true }).fill(what);
		await page.getByLabel(`物品 ${i + 1} 的数量`).fill(quantity);
	}
	if (options.day) await page.getByLabel('放行日期').fill(options.day);
	await page.getByLabel('搬运人姓名').fill(options.carrier);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('heading', { name: '放行条已提交' })).toBeVisible();
	return (await page.getByTestId('pass-code').textContent()) ?? '';
}

test('a pass filed at the kiosk is approved, let out once at the gate, and refused the second time', async ({
	page,
	browser
}) => {
	test.slow();
	const h = home(20);
	// The duty supervisor has the passes page open in another browser.
	const supervisor = await staffPage(browser, 'supervisor');
	await supervisor.getByRole('link', { name: '放行审批' }).click();
	await expect(supervisor.getByRole('heading', { name: '放行审批' })).toBeVisible();

	await openPassForm(page);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByText('请选择您的房屋')).toBeVisible();
	await expect(page.getByText('请输入 4 位数字')).toBeVisible();
	await expect(page.getByText('请选择类别')).toBeVisible();
	await expect(page.getByText('请至少填写一件物品')).toBeVisible();
	await expect(page.getByText('请填写搬运人姓名')).toBeVisible();

	// A line without a proper quantity is pointed at; what was typed stays.
	await page.getByLabel('房屋').selectOption({ label: h.zh });
	await page.getByText('搬出').click();
	await page.getByLabel('物品 1', { exact: true }).fill('双人床');
	await page.getByLabel('物品 1 的数量').fill('0');
	await page.getByRole('button', { name: '+ 再加一行' }).click();
	await page.getByLabel('物品 4', { exact: true }).fill('书桌');
	await page.getByLabel('搬运人姓名').fill('周师傅');
	await page.getByLabel('预留手机号后 4 位').fill(h.last4);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByText('数量请填 1–999 的整数')).toHaveCount(2);
	await expect(page.getByLabel('物品 1', { exact: true })).toHaveValue('双人床');
	await expect(page.getByLabel('物品 4', { exact: true })).toHaveValue('书桌');
	await expect(page.getByLabel('搬运人姓名')).toHaveValue('周师傅');
	await expect(page.getByLabel('放行日期')).toHaveValue(siteDay());

	await page.getByLabel('物品 1 的数量').fill('1');
	await page.getByLabel('物品 4 的数量').fill('2');
	await page.getByLabel('预留手机号后 4 位').fill(h.last4);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('heading', { name: '放行条已提交' })).toBeVisible();
	const code = (await page.getByTestId('pass-code').textContent()) ?? '';
	expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
	await expect(page.getByTestId('pass-status')).toHaveText('等待审批');
	await expect(page.getByTestId('pass-date')).toHaveText(siteDay());
	const qr = page.getByRole('img', { name: '保安扫码核对' });
	await expect(qr).toBeVisible();
	const checkUrl = (await qr.getAttribute('data-url')) ?? '';
	expect(new URL(checkUrl).pathname + new URL(checkUrl).search).toBe(
		`/console/passes/check?code=${code}`
	);
	// Nothing personal reaches the kiosk's receipt.
	await expect(page.getByText('周师傅')).toHaveCount(0);

	// The supervisor sees it arrive without reloading, refuses without a reason (told), approves.
	const card = supervisor.locator(`article[data-code="${code}"]`);
	await expect(card).toContainText(h.zh);
	await expect(card).toContainText('双人床 ×1');
	await expect(card).toContainText('书桌 ×2');
	await expect(card).toContainText('周师傅');
	await card.getByRole('button', { name: '不批准' }).click();
	await expect(card.getByText('请写明不批准的原因')).toBeVisible();
	await card.getByRole('button', { name: '批准', exact: true }).click();
	await expect(supervisor.getByRole('status')).toHaveText(`已批准放行条 ${code}`);
	await expect(card).toHaveCount(0);
	await expect(supervisor.locator(`tr[data-code="${code}"]`)).toContainText('已批准');

	// The guard scans the QR code: the page opens with the code filled in.
	const guard = await staffPage(browser, 'guard');
	await expect(guard.getByRole('link', { name: '放行审批' })).toHaveCount(0);
	await guard.goto(checkUrl);
	await expect(guard.getByLabel('放行码')).toHaveValue(code);
	await expect(guard.getByTestId('verdict')).toHaveText('可以放行');
	await expect(guard.getByTestId('pass-date')).toHaveText(siteDay());
	await expect(guard.getByText('周师傅')).toBeVisible();
	await expect(guard.getByText(h.zh)).toBeVisible();
	await guard.getByRole('button', { name: '确认放行' }).click();
	await expect(guard.getByTestId('verdict')).toHaveText(/^已放行（\d{2}:\d{2}）$/);
	await expect(guard.getByRole('button', { name: '确认放行' })).toHaveCount(0);

	// Checked again (typed this time, in lower case): refused, with who let it out and when.
	await guard.getByRole('link', { name: '放行核对' }).click();
	await expect(guard).toHaveURL(/\/console\/passes\/check$/);
	await expect(guard.getByTestId('verdict')).toHaveCount(0);
	await guard.getByLabel('放行码').fill(code.toLowerCase());
	await guard.getByRole('button', { name: '查询' }).click();
	await expect(guard.getByTestId('verdict')).toHaveText('已经使用过，不能再次放行');
	await expect(guard.getByTestId('pass-status')).toHaveText('已放行');
	await expect(guard.getByText(/由 赵强 放行/)).toBeVisible();
	await expect(guard.getByRole('button', { name: '确认放行' })).toHaveCount(0);

	// A code that cannot be one, and one that does not exist.
	await guard.getByLabel('放行码').fill('12');
	await guard.getByRole('button', { name: '查询' }).click();
	await expect(guard.locator('main').getByRole('alert')).toHaveText('放行码是 6 位字母和数字');
	await guard.getByLabel('放行码').fill(code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
	await guard.getByRole('button', { name: '查询' }).click();
	await expect(guard.locator('main').getByRole('alert')).toHaveText('没有这个放行码，请核对');

	await supervisor.context().close();
	await guard.context().close();
});

test('the gate refuses a pass still waiting for approval, and an approved one dated tomorrow', async ({
	page,
	browser,
	request,
	baseURL
}) => {
	test.slow();
	await openPassForm(page);
	const pending = await filePass(page, home(22), {
		carrier: '吴师傅',
		items: [['冰箱', '1']]
	});
	await page.getByRole('link', { name: '返回首页' }).click();
	await page.getByRole('link', { name: /物品放行条/ }).click();
	const tomorrow = await filePass(page, home(23), {
		carrier: '郑师傅',
		items: [['纸箱', '6']],
		day: siteDay(1)
	});

	const supervisor = await staffPage(browser, 'supervisor');
	await supervisor.goto('/console/passes');
	const card = supervisor.locator(`article[data-code="${tomorrow}"]`);
	const passId = await card.locator('input[name="pass"]').first().inputValue();
	await card.getByRole('button', { name: '批准', exact: true }).click();
	await expect(supervisor.getByRole('status')).toHaveText(`已批准放行条 ${tomorrow}`);

	const guard = await staffPage(browser, 'guard');
	await guard.goto(`/console/passes/check?code=${pending}`);
	await expect(guard.getByTestId('verdict')).toHaveText('尚未审批，不能放行');
	await expect(guard.getByRole('button', { name: '确认放行' })).toHaveCount(0);
	await guard.goto(`/console/passes/check?code=${tomorrow}`);
	await expect(guard.getByTestId('verdict')).toHaveText('还没到放行日期，不能放行');
	await expect(guard.getByTestId('pass-date')).toHaveText(siteDay(1));
	await expect(guard.getByRole('button', { name: '确认放行' })).toHaveCount(0);

	// Marking it used anyway, straight to the server, is refused there too.
	const forged = await postForm(
		request,
		baseURL ?? '',
		'/console/passes/check?/use',
		{ pass: passId },
		await cookieHeader(guard)
	);
	expect(forged.status()).toBe(409);
	await guard.reload();
	await expect(guard.getByTestId('pass-status')).toHaveText('已批准');

	await supervisor.context().close();
	await guard.context().close();
});

test('a double submission files one pass, and only the kiosk that filed it shows its receipt', async ({
	page,
	browser,
	request,
	baseURL
}) => {
	const h = home(24);
	await openPassForm(page);
	const key = await page.locator('input[name="idempotencyKey"]').inputValue();
	const unitId = await page
		.getByLabel('房屋')
		.locator('option', { hasText: h.zh })
		.getAttribute('value');
	const form = new URLSearchParams({
		idempotencyKey: key,
		unitId: unitId ?? '',
		phoneLast4: h.last4,
		category: 'goods',
		carryOn: siteDay(),
		carrierName: '孙师傅',
		itemDescription: '自行车',
		itemQuantity: '1'
	});
	const cookie = await cookieHeader(page);
	const [first, second] = await Promise.all(
		[1, 2].map(() =>
			postForm(request, baseURL ?? '', '/kiosk/pass', Object.fromEntries(form), cookie)
		)
	);
	const locationOf = async (r: typeof first) =>
		((await r?.json()) as { location?: string }).location ?? '';
	const [a, b] = [await locationOf(first), await locationOf(second)];
	expect(a).toMatch(/^\/kiosk\/pass\/[0-9a-f-]{36}$/);
	expect(b).toBe(a);

	await page.goto(a);
	await expect(page.getByTestId('pass-code')).toHaveText(/^[2-9A-HJ-NP-Z]{6}$/);

	// Another kiosk, or a browser that is no kiosk, gets nothing at that address.
	const other = await (await browser.newContext()).newPage();
	await pairDemo(other, 'kiosk');
	const response = await other.goto(a);
	expect(response?.status()).toBe(404);
	await expect(other.getByTestId('pass-code')).toHaveCount(0);
	await other.context().close();
	const stranger = await (await browser.newContext()).newPage();
	await stranger.goto(a);
	await expect(stranger).toHaveURL(/\/kiosk$/);
	await expect(stranger.getByTestId('pass-code')).toHaveCount(0);
	await stranger.context().close();
});

test('the pass in English: kiosk form and receipt, refusal with a reason, the gate says why', async ({
	page,
	browser
}) => {
	test.slow();
	const h = home(25);
	await openPassForm(page);
	await page.getByRole('button', { name: '切换语言' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Item-release pass');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByText('Choose your home')).toBeVisible();
	await expect(page.getByText('List at least one item')).toBeVisible();
	await expect(page.getByText('Enter the name of who carries the items')).toBeVisible();

	await page.getByLabel('Home').selectOption({ label: h.en });
	await page.getByLabel('Last 4 digits of your phone on record').fill(h.last4);
	await page.getByText('Moving out').click();
	await page.getByLabel('Item 1', { exact: true }).fill('Wardrobe');
	await page.getByLabel('Quantity of item 1').fill('1');
	await page.getByLabel('Who carries them (name)').fill('Mr Lin');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('heading', { name: 'Your pass has been sent' })).toBeVisible();
	await expect(page.getByTestId('pass-status')).toHaveText('Waiting for approval');
	await expect(page.getByRole('img', { name: 'For the guard to scan' })).toBeVisible();
	const code = (await page.getByTestId('pass-code').textContent()) ?? '';

	const supervisor = await staffPage(browser, 'supervisor');
	await supervisor.getByRole('button', { name: '切换语言' }).click();
	await supervisor.getByRole('link', { name: 'Item passes' }).click();
	const card = supervisor.locator(`article[data-code="${code}"]`);
	await expect(card).toContainText('Wardrobe ×1');
	await card.getByRole('button', { name: 'Refuse' }).click();
	await expect(card.getByText('Say why the pass is refused')).toBeVisible();
	await card.getByLabel('Why it is refused').fill('Moving-out deposit not settled');
	await card.getByRole('button', { name: 'Refuse' }).click();
	await expect(supervisor.getByRole('status')).toHaveText(
		`Pass ${code} refused: tell the owner why`
	);
	await expect(supervisor.locator(`tr[data-code="${code}"]`)).toContainText(
		'Reason: Moving-out deposit not settled'
	);

	const guard = await staffPage(browser, 'guard');
	await guard.getByRole('button', { name: '切换语言' }).click();
	await guard.getByRole('link', { name: 'Check a pass' }).click();
	await expect(guard).toHaveURL(/\/console\/passes\/check$/);
	await guard.getByLabel('Pass code').fill(code);
	await guard.getByRole('button', { name: 'Look up' }).click();
	await expect(guard.getByTestId('verdict')).toHaveText('Refused: do not let out');
	await expect(guard.getByText('Reason: Moving-out deposit not settled')).toBeVisible();
	await expect(guard.getByRole('button', { name: 'Let out: mark used' })).toHaveCount(0);

	await supervisor.context().close();
	await guard.context().close();
});
