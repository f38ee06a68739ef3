import { expect, test, type Browser } from '@playwright/test';
import { demoHome, postForm, sessionCookie, signIn } from './helpers.js';
import { freshName, freshPhone, freshResidentId, registerAtKiosk } from './visitor-desk-helpers.js';

// 访客服务台 in the console: staff invite a visitor, the guard checks a pass, the desk decides
// for a silent host and signs visitors out, and the roll-call prints who is inside. Homes 16–19
// are this file's own: no other test registers visitors for them.

/** The site's date (Asia/Shanghai), `days` from today. */
function siteDay(days = 0): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
		new Date(Date.now() + days * 86_400_000)
	);
}

async function staffPage(browser: Browser, username: string, javaScriptEnabled = true) {
	const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
	await signIn(page, username, undefined, { script: javaScriptEnabled });
	return page;
}

test('staff invite a visitor: mistakes are shown at the field and kept, then the code, its QR and today’s list', async ({
	browser
}) => {
	const h = demoHome(18);
	const desk = await staffPage(browser, 'assistant');
	await desk.getByRole('link', { name: '访客服务台' }).click();
	await expect(desk.getByRole('heading', { level: 1 })).toHaveText('访客服务台');
	await desk.getByRole('link', { name: '邀请访客' }).click();
	await expect(desk.getByRole('heading', { level: 1 })).toHaveText('邀请访客');
	await expect(desk.getByLabel('来访日期')).toHaveValue(siteDay());

	await desk.getByLabel('人数').fill('12');
	await desk.getByLabel('来访日期').fill(siteDay(31));
	await desk.getByRole('button', { name: '生成邀请码' }).click();
	await expect(desk.getByText('请选择您要拜访的房屋')).toBeVisible();
	await expect(desk.getByText('请填写姓名')).toBeVisible();
	await expect(desk.getByText('来访人数请填 1–10；人数更多请到服务台登记')).toBeVisible();
	await expect(desk.getByText('请选择 30 天以内的日期')).toBeVisible();

	await desk.getByLabel('访客姓名').fill('孙大圣');
	await desk.getByLabel('来访日期').fill(siteDay(-1));
	await desk.getByRole('button', { name: '生成邀请码' }).click();
	await expect(desk.getByText('来访日期不能早于今天')).toBeVisible();
	await expect(desk.getByLabel('访客姓名')).toHaveValue('孙大圣');
	await expect(desk.getByLabel('人数')).toHaveValue('12');

	await desk.getByLabel('拜访房屋').selectOption({ label: h.zh });
	await desk.getByLabel('人数').fill('2');
	await desk.getByLabel('来访事由').selectOption({ label: '送货' });
	await desk.getByLabel('来访日期').fill(siteDay());
	await desk.getByRole('button', { name: '生成邀请码' }).click();
	await expect(desk.getByRole('heading', { name: '邀请码已生成' })).toBeVisible();
	const code = (await desk.getByTestId('invite-code').textContent()) ?? '';
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
	await expect(desk.getByRole('img', { name: '邀请码二维码' })).toBeVisible();
	await expect(desk.getByTestId('invite-date')).toHaveText(siteDay());
	await expect(desk.locator('main')).toContainText(h.zh);

	// Expected today on the desk, until it is withdrawn.
	await desk.locator('main').getByRole('link', { name: '访客服务台' }).click();
	const row = desk.locator(`tr[data-code="${code}"]`);
	await expect(row).toContainText(h.zh);
	await expect(row).toContainText('孙大圣');
	await expect(row).toContainText('送货');
	await row.getByRole('button', { name: '取消邀请' }).click();
	await expect(desk.locator('main').getByRole('status')).toHaveText(`邀请 ${code} 已取消`);
	await expect(row).toHaveCount(0);
	await desk.context().close();
});

test('an invitation made without JavaScript, for a later day, is not expected today', async ({
	browser
}) => {
	const h = demoHome(19);
	const desk = await staffPage(browser, 'supervisor', false);
	await desk.goto('/console/visitors/invite');
	await desk.getByLabel('拜访房屋').selectOption({ label: h.zh });
	await desk.getByLabel('访客姓名').fill('Anna Lee');
	await desk.getByLabel('来访日期').fill(siteDay(3));
	await desk.getByRole('button', { name: '生成邀请码' }).click();
	await expect(desk.getByRole('heading', { name: '邀请码已生成' })).toBeVisible();
	const code = (await desk.getByTestId('invite-code').textContent()) ?? '';
	await expect(desk.getByTestId('invite-date')).toHaveText(siteDay(3));
	await desk.goto('/console/visitors');
	await expect(desk.getByRole('heading', { name: '今日邀请' })).toBeVisible();
	await expect(desk.locator(`tr[data-code="${code}"]`)).toHaveCount(0);
	await desk.context().close();
});

test('the guard’s check tells a malformed pass, an unknown one and a document without visits; the number typed is not kept', async ({
	browser,
	request,
	baseURL
}) => {
	const guard = await staffPage(browser, 'guard');
	await guard.getByRole('link', { name: '访客核验' }).click();
	await expect(guard.getByRole('heading', { level: 1 })).toHaveText('访客核验');

	await guard.getByLabel('通行证号').fill('abc');
	await guard.getByRole('button', { name: '查询', exact: true }).click();
	await expect(guard.locator('main').getByRole('alert')).toHaveText(
		'通行证号格式如 V-20261122-007'
	);
	await expect(guard.getByLabel('通行证号')).toHaveValue('abc');

	await guard.getByLabel('通行证号').fill('v-19990101-001');
	await guard.getByRole('button', { name: '查询', exact: true }).click();
	await expect(guard.locator('main').getByRole('alert')).toHaveText('没有这个通行证号，请核对');
	await expect(guard.getByTestId('verdict')).toHaveCount(0);

	// A resident ID with a wrong check character (kept in the field to correct), then a right one
	// nobody visited with (cleared once looked up).
	const wrong = '110105194912310021';
	await guard.getByLabel('证件号码').fill(wrong);
	await guard.getByRole('button', { name: '按证件查询' }).click();
	await expect(guard.getByText('身份证号码有误，请核对')).toBeVisible();
	await expect(guard.getByLabel('证件类型')).toHaveValue('resident_id');
	const unknown = freshResidentId();
	await guard.getByLabel('证件号码').fill(unknown);
	await guard.getByRole('button', { name: '按证件查询' }).click();
	await expect(guard.getByTestId('found')).toHaveText('今天没有这个证件的来访记录');
	await expect(guard.getByLabel('证件号码')).toHaveValue('');
	await expect(guard.getByText(unknown)).toHaveCount(0);

	// The server never sends a number back, whether it was wrong or looked up.
	const cookie = await sessionCookie(request, baseURL ?? '', 'guard');
	for (const idNumber of [wrong, unknown]) {
		const response = await postForm(
			request,
			baseURL ?? '',
			'/console/visitors/check?/byDocument',
			{ idType: 'resident_id', idNumber },
			cookie
		);
		expect(response.status()).toBeLessThan(500);
		expect(await response.text()).not.toContain(idNumber.slice(0, 14));
	}
	await guard.context().close();
});

test('the roll-call is a plain printable list, without JavaScript', async ({ browser }) => {
	const guard = await staffPage(browser, 'guard', false);
	await guard.goto('/console/visitors');
	await guard.getByRole('link', { name: '打印在场名单' }).click();
	await expect(guard).toHaveURL(/\/console\/visitors\/roll-call$/);
	await expect(guard.getByRole('heading', { level: 1 })).toHaveText('锦绣花园 · 在场访客名单');
	await expect(guard.getByTestId('printed-at')).toHaveText(
		/^打印时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/
	);
	await expect(guard.getByTestId('roll-call-count')).toHaveText(/^在场 \d+ 人（\d+ 张通行证）$/);
	await guard.emulateMedia({ media: 'print' });
	await expect(guard.getByRole('navigation')).toBeHidden();
	await expect(guard.getByRole('button', { name: '打印' })).toBeHidden();
	await expect(guard.getByRole('heading', { level: 1 })).toBeVisible();
	await guard.context().close();
});

test('the desk speaks English on the toggle', async ({ browser }) => {
	const guard = await staffPage(browser, 'guard');
	await guard.getByRole('button', { name: '切换语言' }).click();
	await guard.getByRole('link', { name: 'Visitor desk' }).click();
	await expect(guard.getByRole('heading', { level: 1 })).toHaveText('Visitor desk');
	for (const section of ['Waiting', 'On site now', 'Expected today', 'Closed at end of day']) {
		await expect(guard.getByRole('heading', { level: 2, name: section })).toBeVisible();
	}
	await guard.getByRole('link', { name: 'Check a visitor' }).click();
	await guard.getByLabel('Pass number').fill('V-1');
	await guard.getByRole('button', { name: 'Look up', exact: true }).click();
	await expect(guard.locator('main').getByRole('alert')).toHaveText(
		'A pass number looks like V-20261122-007'
	);
	await guard.context().close();
});

test('an engineer has no visitor desk: no links, and the pages refuse', async ({ browser }) => {
	const engineer = await staffPage(browser, 'engineer');
	await expect(engineer.getByRole('link', { name: '访客服务台' })).toHaveCount(0);
	await expect(engineer.getByRole('link', { name: '访客核验' })).toHaveCount(0);
	for (const path of ['/console/visitors', '/console/visitors/check', '/console/visitors/invite']) {
		const response = await engineer.goto(path);
		expect(response?.status(), path).toBe(403);
	}
	await engineer.context().close();
});

test('a visitor waits at the desk with the time left for the host; the desk approves, the guard checks and signs out once', async ({
	page,
	browser
}) => {
	test.slow();
	const h = demoHome(16);
	const visitor = { name: freshName(), idNumber: freshResidentId(), phone: freshPhone() };
	const desk = await staffPage(browser, 'assistant');
	await desk.goto('/console/visitors');
	await expect(desk.getByRole('heading', { level: 1 })).toHaveText('访客服务台');

	const visitId = await registerAtKiosk(page, 16, visitor);

	// It arrives on the open desk page by itself, with everything the desk needs but the number.
	const card = desk.locator(`article[data-visit="${visitId}"]`);
	await expect(card).toContainText(visitor.name);
	await expect(card).toContainText(visitor.phone);
	await expect(card).toContainText(`****${visitor.idNumber.slice(-4)}`);
	await expect(card).toContainText(h.zh);
	await expect(card).toContainText('探亲访友');
	await expect(card).toContainText('等待住户同意');
	await expect(card.getByTestId('visit-countdown')).toContainText('转服务台');
	expect(await desk.content()).not.toContain(visitor.idNumber);

	await card.getByLabel('备注（如：已电话联系住户同意）').fill('对讲确认，住户同意');
	await card.getByRole('button', { name: '批准' }).click();
	await expect(desk.locator('main').getByRole('status')).toHaveText(
		/^已批准，通行证 V-\d{8}-\d{3,}$/
	);
	const pass =
		((await desk.locator('main').getByRole('status').textContent()) ?? '').split(' ').at(-1) ?? '';
	await expect(card).toHaveCount(0);
	const row = desk.locator(`tr[data-pass="${pass}"]`);
	await expect(row).toContainText(visitor.name);
	await expect(row).toContainText(h.zh);

	// On the roll-call, with a box to tick.
	const sheet = await desk.context().newPage();
	await sheet.goto('/console/visitors/roll-call');
	await expect(
		sheet.getByRole('checkbox', { name: `已清点 ${pass} ${visitor.name}` })
	).toBeVisible();
	await sheet.close();

	// Two guards look the pass up; one signs it out, the other is told it is already closed.
	const guard = await staffPage(browser, 'guard');
	const second = await guard.context().newPage();
	for (const g of [guard, second]) {
		await g.goto(`/console/visitors/check?pass=${pass.toLowerCase()}`);
		await expect(g.getByTestId('verdict')).toHaveText('通行证有效');
		await expect(g.getByText(visitor.name)).toBeVisible();
		await expect(g.getByText(`****${visitor.idNumber.slice(-4)}`)).toBeVisible();
	}
	await guard.getByRole('button', { name: '签离' }).click();
	await expect(guard.locator('main').getByRole('status').filter({ hasText: '已签离' })).toHaveText(
		`${pass} 已签离`
	);
	await expect(guard.getByTestId('visit-status')).toHaveText('已签离');
	await expect(guard.getByTestId('verdict')).toHaveText('通行证无效');
	await second.getByRole('button', { name: '签离' }).click();
	await expect(second.locator('main').getByRole('alert').first()).toHaveText('这张通行证已经签离');
	// The desk's list lets them go by itself.
	await expect(row).toHaveCount(0);
	await guard.context().close();
	await desk.context().close();
});

test('a host who stays silent hands the visitor to the desk: every desk console is told, on any page, until the desk decides', async ({
	page,
	browser
}) => {
	test.slow();
	const h = demoHome(17);
	const visitor = { name: freshName(), idNumber: freshResidentId(), phone: freshPhone() };
	const guard = await staffPage(browser, 'guard');
	await guard.goto('/console/account');

	const visitId = await registerAtKiosk(page, 17, visitor);
	await expect(guard.getByTestId('visitor-badge')).toBeVisible();

	// The e2e server gives a host 15 seconds to answer; then the notice comes to this page.
	const notice = guard.getByTestId('visitor-notice').filter({ hasText: h.zh });
	await expect(notice).toBeVisible({ timeout: 45_000 });
	await expect(notice).toContainText('在服务台等候处理');
	await notice.click();
	await expect(guard).toHaveURL(/\/console\/visitors$/);
	const card = guard.locator(`article[data-visit="${visitId}"]`);
	await expect(card).toContainText('服务台处理中');
	await expect(card.getByTestId('visit-reason')).toHaveText('住户未及时答复');

	await card.getByLabel('备注（如：已电话联系住户同意）').fill('电话无人接听');
	await card.getByRole('button', { name: '拒绝' }).click();
	await expect(guard.locator('main').getByRole('status')).toHaveText('已记录：不同意进入');
	await expect(card).toHaveCount(0);
	await expect(guard.getByTestId('visitor-notice').filter({ hasText: h.zh })).toHaveCount(0);
	await guard.context().close();
});
