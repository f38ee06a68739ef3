import { expect, test, type Browser, type Page } from '@playwright/test';
import { pairDemo, postForm, sessionCookie, signIn, wallPage } from './helpers.js';

// Someone in the lobby calls for help; every console at the site, whatever page it is on,
// alerts at once, and the first staff member to go is named on every other one.

/** A console in its own browser, on a page that is not the overview. */
async function consoleOn(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, username);
	await page.goto('/console/account');
	return page;
}

async function openEmergency(page: Page): Promise<void> {
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /紧急求助/ }).click();
	await expect(page).toHaveURL(/\/kiosk\/emergency$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('紧急求助');
}

test('a kiosk calls for help: every console alerts, the first to go is named, the lobby sees a building only', async ({
	page,
	browser
}) => {
	// Five browsers: a kiosk, three consoles and the lobby's wall.
	test.slow();
	const note = `电梯口有人晕倒 ${crypto.randomUUID().slice(0, 6)}`;
	const assistant = await consoleOn(browser, 'assistant');
	const director = await consoleOn(browser, 'director');
	const admin = await consoleOn(browser, 'admin');
	const wall = await wallPage(browser);
	// The browser may not make a sound before a tap: the switch is there until sound is on.
	await assistant.getByRole('button', { name: '开启警报声' }).click();
	await expect(assistant.getByRole('button', { name: '开启警报声' })).toHaveCount(0);
	await expect(director.getByRole('button', { name: '开启警报声' })).toBeVisible();

	await openEmergency(page);
	await expect(page.getByText(/120（急救）、119（火警）、110（报警）/)).toBeVisible();
	await page.getByRole('button', { name: '呼叫求助' }).click();
	await expect(page.getByText('请选择发生了什么')).toBeVisible();
	await expect(page.getByText('请选择楼栋')).toBeVisible();
	await expect(page.getByText('请填写楼层')).toBeVisible();

	await page.getByText('医疗急救').click();
	await page.getByRole('radio', { name: '2号楼' }).check();
	await page.getByLabel('楼层', { exact: true }).fill('9');
	await page.getByLabel('补充说明（可不填）').fill(note);
	await page.getByRole('button', { name: '呼叫求助' }).click();
	await expect(page.getByText('这栋楼没有这一层')).toBeVisible();
	// What was chosen and typed stays.
	await expect(page.getByLabel('补充说明（可不填）')).toHaveValue(note);
	await expect(page.getByRole('radio', { name: /医疗急救/ })).toBeChecked();

	// "Use my home" fills the building, floor and room from a home picked like the request form's.
	await page.getByText('用我家的地址').click();
	await page.getByLabel('我家（楼栋、单元、房号）').selectOption({ label: '2号楼2单元502室' });
	await expect(page.getByLabel('楼层', { exact: true })).toHaveValue('5');
	await expect(page.getByLabel('单元-房号或具体位置（可不填）')).toHaveValue('2-502');
	await expect(page.getByRole('radio', { name: '2号楼' })).toBeChecked();
	await page.getByRole('button', { name: '呼叫求助' }).click();

	await expect(page.getByRole('heading', { name: '已通知工作人员，马上有人赶到' })).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	expect(serial).toMatch(/^E-\d{8}-\d{3}$/);
	await expect(page.getByText('2号楼 5层 2-502')).toBeVisible();
	await expect(page.getByText(/拨打 120/)).toBeVisible();
	await expect(page.getByTestId('emergency-status')).toHaveText(
		'正在通知所有值班人员和管理处主任…'
	);

	// Every console, on whatever page, alerts with what and where.
	for (const desk of [assistant, director, admin]) {
		const alert = desk.getByRole('alert').locator(`[data-serial="${serial}"]`);
		await expect(alert).toContainText('紧急求助 · 医疗急救');
		await expect(alert).toContainText('2号楼 5层 2-502');
		await expect(alert).toContainText(note);
		await expect(alert).toContainText('刚刚');
	}
	await expect(assistant.getByTestId('emergency-alert')).toHaveAttribute('data-sound', 'on');
	// An administrator is told, but is not one who goes.
	await expect(
		admin.locator(`[data-serial="${serial}"]`).getByRole('button', { name: '我去处理' })
	).toHaveCount(0);

	// The lobby's wall shows the call with its building and nothing finer.
	const row = wall.locator(`tr[data-serial="${serial}"]`);
	await expect(row).toContainText('紧急求助');
	await expect(row.locator('td').nth(3)).toHaveText('2');
	const wallText = (await wall.locator('body').textContent()) ?? '';
	for (const finer of ['2-502', '5层', note]) expect(wallText).not.toContain(finer);

	// The assistant goes; every other console names them and falls silent.
	await assistant
		.locator(`[data-serial="${serial}"]`)
		.getByRole('button', { name: '我去处理' })
		.click();
	await expect(
		director.getByTestId('emergency-taken').locator(`[data-serial="${serial}"]`)
	).toContainText('王芳 已前往处理');
	for (const desk of [assistant, director, admin]) {
		await expect(
			desk.locator(`[data-testid="emergency-alert"] [data-serial="${serial}"]`)
		).toHaveCount(0);
	}
	await expect(row).toContainText('已受理');
	await expect(page.getByTestId('emergency-status')).toHaveText('工作人员已出发，请稍候');

	await Promise.all([assistant, director, admin, wall].map((p) => p.context().close()));
});

test('an emergency shows where to go and closes only with its special-incident report', async ({
	page,
	browser,
	request,
	baseURL
}) => {
	const base = baseURL ?? '';
	const note = `厨房冒烟 ${crypto.randomUUID().slice(0, 6)}`;
	await openEmergency(page);
	const buildingId = await page.getByRole('radio', { name: '2号楼' }).getAttribute('value');
	const filed = await postForm(page.request, base, '/kiosk/emergency', {
		idempotencyKey: crypto.randomUUID(),
		kind: 'fire',
		buildingId: buildingId ?? '',
		floor: '5',
		room: '2-502',
		note
	});
	const serial = (((await filed.json()) as { location?: string }).location ?? '').split('/').pop();
	expect(serial).toMatch(/^E-\d{8}-\d{3}$/);

	const assistant = await consoleOn(browser, 'assistant');
	await postForm(
		request,
		base,
		`/console/tickets/${serial}?/take`,
		{},
		await sessionCookie(request, base, 'guard')
	);
	await assistant.goto(`/console/tickets/${serial}`);
	await expect(assistant.getByTestId('location')).toContainText('2号楼 5层 2-502');
	await expect(assistant.getByTestId('location')).toContainText(note);
	await assistant.getByRole('button', { name: '处理完毕' }).click();
	await assistant.getByLabel('处理结果').fill('灭火器扑灭，无人受伤');
	await assistant.getByRole('button', { name: '处理完毕' }).click();
	await expect(assistant.getByTestId('ticket-status')).toHaveText('已解决');
	await assistant.getByRole('button', { name: '关闭工单' }).click();
	await assistant.getByRole('button', { name: '关闭工单' }).click();
	await expect(assistant.getByText('关闭紧急求助前必须填写此项')).toHaveCount(3);
	await assistant.getByLabel('发生了什么').fill('厨房油锅起火');
	await assistant.getByLabel('采取了哪些措施').fill('关闭燃气，灭火器扑灭');
	await assistant.getByLabel('到场人员').fill('赵强、王芳');
	await assistant.getByRole('button', { name: '关闭工单' }).click();
	await expect(assistant.getByTestId('ticket-status')).toHaveText('已关闭');
	await expect(assistant.getByText('特别事件报告')).toBeVisible();
	await expect(assistant.getByText('关闭燃气，灭火器扑灭')).toBeVisible();
	await expect(assistant.getByTestId('timeline')).toContainText('赵强');
	await assistant.context().close();
});

test('a double tap calls once, and a second taker is told someone already went', async ({
	page,
	request,
	baseURL
}) => {
	const base = baseURL ?? '';
	await openEmergency(page);
	const buildingId = await page.getByRole('radio', { name: '1号楼' }).getAttribute('value');
	const form = {
		idempotencyKey: await page.locator('input[name="idempotencyKey"]').inputValue(),
		kind: 'security',
		buildingId: buildingId ?? '',
		floor: '1',
		room: '',
		note: ''
	};
	const [first, second] = await Promise.all(
		// The kiosk's own requests, with its device cookie.
		[1, 2].map(() => postForm(page.request, base, '/kiosk/emergency', form))
	);
	const location = async (r: typeof first) =>
		((await r?.json()) as { location?: string }).location ?? '';
	const [a, b] = [await location(first), await location(second)];
	expect(a).toMatch(/^\/kiosk\/emergency\/E-\d{8}-\d{3}$/);
	expect(b).toBe(a);
	const serial = a.split('/').pop() ?? '';

	// The guard is nearest and goes; the engineer, a moment later, is refused.
	const take = async (who: string) =>
		postForm(
			request,
			base,
			`/console/tickets/${serial}?/take`,
			{},
			await sessionCookie(request, base, who)
		);
	expect((await (await take('guard')).json()) as { type: string }).toMatchObject({
		type: 'success'
	});
	expect((await (await take('engineer')).json()) as { type: string; status: number }).toMatchObject(
		{ type: 'failure', status: 409 }
	);
});

test('a call whose answer is lost is told, sent again by itself, and filed once', async ({
	page,
	browser,
	request,
	baseURL
}) => {
	test.setTimeout(60_000);
	const note = `断网测试 ${crypto.randomUUID().slice(0, 6)}`;
	const director = await consoleOn(browser, 'director');
	await openEmergency(page);
	// The first call reaches the server and is filed, but its answer is lost on the way back; the
	// next ones do not get through at all.
	let attempts = 0;
	const isCall = (url: URL) => url.pathname === '/kiosk/emergency';
	await page.route(isCall, async (route) => {
		if (route.request().method() !== 'POST') return route.fallback();
		attempts += 1;
		if (attempts === 1) await route.fetch();
		await route.abort('internetdisconnected');
	});
	await page.getByText('漏水水浸').click();
	await page.getByRole('radio', { name: '1号楼' }).check();
	await page.getByLabel('楼层', { exact: true }).fill('3');
	await page.getByLabel('补充说明（可不填）').fill(note);
	await page.getByRole('button', { name: '呼叫求助' }).click();

	const alert = page.getByRole('alert');
	await expect(alert).toContainText('网络暂时中断');
	await expect(alert).toContainText('呼叫尚未送达，恢复后会自动再次呼叫');
	await expect(alert).toContainText('120');
	await expect(page.getByLabel('补充说明（可不填）')).toHaveValue(note);
	await expect.poll(() => attempts, { timeout: 6_000 }).toBeGreaterThanOrEqual(2);

	await page.unroute(isCall);
	await page.getByRole('button', { name: '立即重试' }).click();
	await expect(page.getByRole('heading', { name: '已通知工作人员，马上有人赶到' })).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';

	// One call, the one the lost answer was about.
	await expect(director.getByTestId('emergency-alert').getByText(note)).toHaveCount(1);
	await expect(director.locator(`[data-serial="${serial}"]`)).toContainText(note);

	const base = baseURL ?? '';
	const guard = await sessionCookie(request, base, 'guard');
	await postForm(request, base, `/console/tickets/${serial}?/take`, {}, guard);
	await expect(director.getByTestId('emergency-taken')).toContainText(serial);
	await director.context().close();
});

test('the emergency screen speaks English on the toggle', async ({ page }) => {
	await openEmergency(page);
	await page.getByRole('button', { name: '切换语言' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Emergency help');
	await expect(
		page.getByText(/call 120 \(ambulance\), 119 \(fire\) or 110 \(police\)/)
	).toBeVisible();
	for (const kind of [
		'Medical',
		'Fire',
		'Flooding',
		'Security (theft, fight)',
		'Other emergency'
	]) {
		await expect(page.getByText(kind, { exact: true })).toBeVisible();
	}
	await page.getByRole('radio', { name: 'Building 1' }).check();
	await page.getByLabel('Floor', { exact: true }).fill('seven');
	await page.getByRole('button', { name: 'Call for help' }).click();
	await expect(page.getByText('Choose what is happening')).toBeVisible();
	await expect(page.getByText('Enter the floor as a number (below ground: B1, B2)')).toBeVisible();
	await expect(page.getByLabel('Floor', { exact: true })).toHaveValue('seven');
});
