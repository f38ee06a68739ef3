import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { pairDemo, signIn, tomorrowTen } from './helpers.js';

// An owner files a request at the lobby kiosk, takes the receipt's QR code with their phone, and
// follows the request there: adds information, confirms the visit, accepts the work and rates it,
// while the desk and the engineer work it in the console.

/** Demo homes no other browser test uses, so their identity checks never collide. */
const HOME_ZH = 20;
const HOME_EN = 21;
const last4 = (home: number) => demoResidents(40)[home]?.[0]?.phone.slice(-4) ?? '';
const tag = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

/** A phone-sized browser, nothing shared with the kiosk's. */
async function phone(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		viewport: devices['iPhone 13'].viewport,
		hasTouch: true
	});
	return context.newPage();
}

/** Files a request at the kiosk and returns its number and the link behind the QR code. */
async function fileAtKiosk(
	page: Page,
	home: number,
	request: { type: RegExp; category: string; description: string; english?: boolean }
): Promise<{ serial: string; link: string; homeLabel: string }> {
	await pairDemo(page, 'kiosk');
	if (request.english) await page.getByRole('button', { name: '切换语言' }).click();
	await page.getByRole('link', { name: request.type }).click();
	const en = request.english;
	const unit = page.getByLabel(en ? 'Home' : '房屋');
	await unit.selectOption({ index: home + 1 });
	const homeLabel = (await unit.locator('option:checked').textContent())?.trim() ?? '';
	await page
		.getByLabel(en ? 'Last 4 digits of your phone on record' : '预留手机号后 4 位')
		.fill(last4(home));
	await page.getByText(request.category, { exact: true }).click();
	await page.getByLabel(en ? 'What is the matter?' : '请描述情况').fill(request.description);
	await page.getByRole('button', { name: en ? 'Send' : '提交' }).click();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	const link = (await page.locator('[data-owner-link]').getAttribute('data-owner-link')) ?? '';
	return { serial, link, homeLabel };
}

test('an owner follows a repair from the kiosk receipt to rating it on their phone', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const description = `厨房水龙头关不紧，一直滴水 ${tag()}`;
	const { serial, link, homeLabel } = await fileAtKiosk(page, HOME_ZH, {
		type: /报修/,
		category: '水管 / 漏水',
		description
	});

	// The receipt: the number, what happens next by when, and a code for the phone — no link to tap.
	await expect(page.getByRole('heading', { name: '已收到您的需求' })).toBeVisible();
	expect(serial).toMatch(/^R-\d{8}-\d{3}$/);
	await expect(page.getByText(/维修人员 20 分钟内到场/)).toBeVisible();
	await expect(page.getByRole('img', { name: '用手机扫一扫，随时查看处理进度' })).toBeVisible();
	expect(link).toMatch(/^http:\/\/[^/]+\/o\/[a-z2-7]{32}$/);
	await expect(page.locator('a[href*="/o/"]')).toHaveCount(0);
	await expect(page.getByRole('button', { name: '打印处理单' })).toBeVisible();

	// On paper: the 客户需求处理单 with everything on it, and none of the kiosk's buttons.
	await page.emulateMedia({ media: 'print' });
	const form = page.getByRole('main');
	await expect(page.getByRole('heading', { name: '客户需求处理单' })).toBeVisible();
	await expect(form.getByText(`NO. ${serial}`)).toBeVisible();
	await expect(form).toContainText(homeLabel);
	await expect(form).toContainText(description);
	await expect(form).toContainText('维修人员 20 分钟内到场');
	await expect(form.getByRole('img')).toBeVisible();
	await expect(page.getByRole('button', { name: '打印处理单' })).toBeHidden();
	await expect(page.getByRole('link', { name: '返回首页' })).toBeHidden();
	await expect(page.getByRole('button', { name: '切换语言' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await expect(page.getByRole('heading', { name: '客户需求处理单' })).toBeHidden();

	// The phone: no app, no sign-in; the link is kept out of referrers and search engines.
	const owner = await phone(browser);
	const response = await owner.goto(link);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['referrer-policy']).toBe('same-origin');
	await expect(owner.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	await expect(owner.getByTestId('serial')).toHaveText(serial);
	await expect(owner.getByTestId('headline')).toHaveText(
		'我们已收到您的需求，客服助理会尽快受理。'
	);
	await expect(owner.locator('[data-step="received"]')).toHaveAttribute('aria-current', 'step');
	await expect(owner.getByText(description)).toBeVisible();
	await expect(owner.getByText(homeLabel)).toBeVisible();
	// It fits the phone: nothing wider than the screen.
	const overflow = await owner.evaluate(() => document.documentElement.scrollWidth - innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);

	// Adding information: too short is refused beside the field and kept; then it is on record.
	const note = owner.getByLabel('例如方便上门的时间、新的情况');
	await note.fill('有人');
	await owner.getByRole('button', { name: '提交补充说明' }).click();
	await expect(owner.getByText('请再多写几个字')).toBeVisible();
	await expect(note).toHaveValue('有人');
	await note.fill('下午三点以后家里有人');
	await owner.getByRole('button', { name: '提交补充说明' }).click();
	await expect(owner.getByText('已收到您的补充说明。')).toBeVisible();
	await expect(note).toHaveValue('');
	await expect(owner.locator('[data-kind="owner_note"]')).toContainText('下午三点以后家里有人');

	// The desk takes it on from the console's overview, sends the engineer and proposes a visit.
	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, 'assistant');
	await desk.locator(`tr[data-serial="${serial}"]`).getByRole('button', { name: '受理' }).click();
	await expect(desk.locator(`tr[data-serial="${serial}"]`)).toContainText('王芳');
	await desk.goto(`/console/tickets/${serial}`);
	await desk.getByRole('button', { name: '派工给维修人员' }).click();
	await desk.getByLabel('维修人员').selectOption({ label: '李师傅（工程维修）' });
	await desk
		.locator('form[data-action="dispatch"]')
		.getByRole('button', { name: '派工给维修人员' })
		.click();
	await expect(desk.getByTestId('ticket-status')).toHaveText('处理中');
	const visit = tomorrowTen();
	await desk.getByRole('button', { name: '设置预约' }).click();
	await desk.getByLabel('预约时间').fill(visit.field);
	await desk
		.locator('form[data-action="appoint"]')
		.getByRole('button', { name: '设置预约' })
		.click();
	await expect(desk.getByTestId('appointment')).toContainText('待业主确认');

	// The owner sees who has it (a handle, never a full name) and confirms the time.
	await owner.reload();
	await expect(owner.getByTestId('headline')).toHaveText('正在处理中。');
	await expect(owner.getByText('负责人：李师傅')).toBeVisible();
	await expect(owner.locator('[data-kind="taken_on"]')).toContainText('王助理 受理了您的需求');
	await expect(owner.getByTestId('appointment')).toContainText(visit.shown);
	await owner.getByRole('button', { name: '确认这个时间' }).click();
	await expect(owner.getByTestId('appointment')).toContainText('您已确认');
	await desk.reload();
	await expect(desk.getByTestId('appointment')).toContainText('业主已确认');

	// The engineer arrives and finishes.
	const engineer = await (await browser.newContext()).newPage();
	await signIn(engineer, 'engineer');
	await engineer.goto(`/console/tickets/${serial}`);
	await engineer.getByRole('button', { name: '已到现场' }).click();
	await expect(engineer.getByTestId('timeline')).toContainText('到达现场');
	await engineer.getByRole('button', { name: '处理完毕' }).click();
	await engineer.getByLabel('处理结果').fill('更换了水龙头阀芯');
	await engineer
		.locator('form[data-action="resolve"]')
		.getByRole('button', { name: '处理完毕' })
		.click();
	await expect(engineer.getByTestId('ticket-status')).toHaveText('已解决');

	// The owner accepts and rates.
	await owner.reload();
	await expect(owner.getByTestId('headline')).toHaveText('已处理完毕，请您检查后验收并评价。');
	await expect(owner.locator('[data-step="resolved"]')).toHaveAttribute('aria-current', 'step');
	await expect(owner.locator('[data-step="on_site"]')).toHaveAttribute('data-state', 'done');
	await owner.getByRole('button', { name: '确认验收' }).click();
	await expect(owner.getByText('您已验收。')).toBeVisible();
	await owner.getByText('满意', { exact: true }).click();
	await owner.getByLabel('意见（可不填）').fill('师傅很细心');
	await owner.getByRole('button', { name: '提交评价' }).click();
	await expect(owner.getByText('感谢您的评价。')).toBeVisible();
	await expect(owner.locator('[data-kind="owner_rated"]')).toContainText('您作了评价：满意');
	await expect(owner.locator('[data-kind="owner_rated"]')).toContainText('师傅很细心');

	// Nothing of the staff's own: no full names, no internal notes.
	const text = (await owner.locator('body').textContent()) ?? '';
	expect(text).not.toContain('王芳');
	expect(text).not.toContain('更换了水龙头阀芯');

	// The desk sees what the owner did on the ticket's timeline.
	await desk.reload();
	await expect(desk.getByText('业主补充了说明')).toBeVisible();
	await expect(desk.getByText('业主作了评价')).toBeVisible();
	for (const p of [owner, desk, engineer]) await p.context().close();
});

test('the receipt and the phone page speak English on the toggle', async ({ page, browser }) => {
	const description = `How do I get an invoice for the parking fee? ${tag()}`;
	const { serial, link } = await fileAtKiosk(page, HOME_EN, {
		type: /Question/,
		category: 'Invoices',
		description,
		english: true
	});
	await expect(page.getByRole('heading', { name: 'We have your request' })).toBeVisible();
	await expect(
		page.getByText('The desk answers on the spot when it can; otherwise the supervisor answers')
	).toBeVisible();
	await expect(
		page.getByRole('img', { name: 'Scan with your phone to follow your request' })
	).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { name: 'Customer request form' })).toBeVisible();
	await expect(page.getByText(`NO. ${serial}`)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Print the form' })).toBeHidden();

	const owner = await phone(browser);
	await owner.goto(link);
	await expect(owner.getByTestId('headline')).toHaveText(
		'我们已收到您的需求，客服助理会尽快受理。'
	);
	await owner.getByRole('button', { name: '切换语言' }).click();
	await expect(owner.getByTestId('headline')).toHaveText(
		'We have your request. Customer service will take it on shortly.'
	);
	await expect(owner.locator('[data-step="received"]')).toContainText('Received');
	await expect(owner.getByText('What you told us')).toBeVisible();
	await owner.getByRole('button', { name: 'Send' }).click();
	await expect(owner.getByText('Write what you want to add')).toBeVisible();
	await owner.getByLabel('A good time to visit, anything new').fill('I am home after 6 pm.');
	await owner.getByRole('button', { name: 'Send' }).click();
	await expect(owner.getByText('Thank you, we have it.')).toBeVisible();
	await expect(owner.locator('[data-kind="owner_note"]')).toContainText('You added information');
	await owner.context().close();
});

test('an unknown or made-up link shows a friendly page, not an error', async ({ browser }) => {
	const owner = await phone(browser);
	for (const token of ['garbage', 'a'.repeat(32)]) {
		const response = await owner.goto(`/o/${token}`);
		expect(response?.status()).toBe(404);
		expect(response?.headers()['referrer-policy']).toBe('same-origin');
		await expect(owner.getByRole('heading', { name: '这个链接已失效' })).toBeVisible();
		await expect(owner.getByText(/请到物业服务台/)).toBeVisible();
		await expect(owner.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
	}
	await owner.getByRole('button', { name: '切换语言' }).click();
	await expect(owner.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
	await expect(owner.getByText(/ask at the front desk/)).toBeVisible();
	await owner.context().close();
});

test('a kiosk shows only the receipt of what it has just filed itself', async ({
	page,
	browser
}) => {
	const { serial } = await fileAtKiosk(page, HOME_EN + 1, {
		type: /咨询/,
		category: '收费',
		description: `物业费可以按季度交吗 ${tag()}`
	});
	expect(serial).toMatch(/^Q-/);
	const made = await page.goto(`/kiosk/done/Q-20000101-001`);
	expect(made?.status()).toBe(404);

	// Another kiosk in the lobby, paired by an administrator, asks for it by number.
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, 'admin');
	await admin.goto('/console/devices');
	await admin.getByRole('button', { name: '登记新设备' }).click();
	await admin.getByLabel('设备名称').fill(`侧门终端 ${tag()}`);
	await admin.getByLabel('类型').selectOption('kiosk');
	await admin.getByRole('button', { name: '登记新设备' }).click();
	const code = (await admin.getByTestId('pairing-code').textContent()) ?? '';
	const other = await (await browser.newContext()).newPage();
	await other.goto('/pair');
	await other.getByLabel('配对码').fill(code);
	await other.getByRole('button', { name: '配对' }).click();
	await expect(other.getByRole('link', { name: /报修/ })).toBeVisible();
	const response = await other.goto(`/kiosk/done/${serial}`);
	expect(response?.status()).toBe(404);
	await expect(other.getByText(serial)).toHaveCount(0);
	await expect(other.locator('[data-owner-link]')).toHaveCount(0);
	for (const p of [admin, other]) await p.context().close();
});

test('the phone page works before its script runs: the language and a note, with no JavaScript', async ({
	page,
	browser
}) => {
	const { link } = await fileAtKiosk(page, HOME_EN, {
		type: /咨询/,
		category: '发票',
		description: `停车费发票怎么开？${tag()}`
	});
	const context = await browser.newContext({ javaScriptEnabled: false });
	const owner = await context.newPage();
	await owner.goto(link);
	await owner.getByRole('button', { name: '切换语言' }).click();
	await expect(owner.getByTestId('headline')).toHaveText(
		'We have your request. Customer service will take it on shortly.'
	);
	await owner.getByLabel('A good time to visit, anything new').fill('Weekends are best.');
	await owner.getByRole('button', { name: 'Send' }).click();
	await expect(owner.getByText('Thank you, we have it.')).toBeVisible();
	await context.close();
});
