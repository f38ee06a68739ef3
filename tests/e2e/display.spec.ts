import { expect, test, type Page } from '@playwright/test';
import { demoHome, pairDemo, postForm, sessionCookie, wallPage } from './helpers.js';

// The lobby's wall: an emergency takes it over until someone goes; a wall that lost its link
// says so, then catches up by itself; its header counts the day.

test('an emergency fills the wall with what and which building until a staff member takes it', async ({
	page,
	browser,
	request,
	baseURL
}) => {
	const wall = await wallPage(browser);
	// The wall asks for one tap so that the browser lets it sound the alarm.
	await wall.getByRole('button', { name: '轻触一次，开启紧急警报声' }).click();
	await expect(wall.getByRole('button', { name: '轻触一次，开启紧急警报声' })).toHaveCount(0);

	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /紧急求助/ }).click();
	await page.getByText('火警', { exact: true }).click();
	await page.getByRole('radio', { name: '2号楼' }).check();
	await page.getByLabel('楼层', { exact: true }).fill('4');
	await page.getByLabel('单元-房号或具体位置（可不填）').fill('2-402');
	await page.getByLabel('补充说明（可不填）').fill('厨房冒烟');
	await page.getByRole('button', { name: '呼叫求助' }).click();
	await expect(page.getByTestId('serial')).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';

	const takeover = wall.getByTestId('emergency-takeover');
	const call = takeover.locator(`[data-serial="${serial}"]`);
	await expect(call).toContainText('紧急求助 · 火警');
	await expect(call).toContainText('2号楼');
	await expect(call).toContainText('工作人员正在赶来');
	// The exact place is for the consoles only.
	const text = (await wall.locator('body').textContent()) ?? '';
	for (const finer of ['2-402', '4层', '厨房冒烟']) expect(text).not.toContain(finer);

	const guard = await sessionCookie(request, baseURL ?? '', 'guard');
	const taken = await postForm(
		request,
		baseURL ?? '',
		`/console/tickets/${serial}?/take`,
		{},
		guard
	);
	expect(taken.status()).toBe(200);
	await expect(call).toHaveCount(0);
	await expect(wall.locator(`tr[data-serial="${serial}"]`)).toContainText('已受理');
	await wall.context().close();
});

test('a wall that loses its link says so after a few seconds, then catches up by itself', async ({
	page,
	browser
}) => {
	test.slow();
	const wall = await wallPage(browser);
	// If the wall does not come back, the report says what its link went through.
	const linkLog: string[] = [];
	const note = (line: string) => linkLog.push(`${new Date().toISOString()} ${line}`);
	wall.on('websocket', (ws) => {
		note(`socket opened ${ws.url()}`);
		ws.on('socketerror', (error) => note(`socket error ${error}`));
		ws.on('close', () => note('socket closed'));
	});
	wall.on('console', (message) => note(`console ${message.type()}: ${message.text()}`));
	try {
		await wallLosesItsLink(page, wall);
	} catch (error) {
		console.log(`The wall's link:\n${linkLog.join('\n')}`);
		throw error;
	}
});

async function wallLosesItsLink(page: Page, wall: Page) {
	const filedBefore = Number(
		/今日受理 (\d+)/.exec((await wall.getByTestId('today').textContent()) ?? '')?.[1]
	);
	await wall.context().setOffline(true);
	await expect(wall.getByTestId('stale')).toContainText('连接已中断', { timeout: 15_000 });

	// While it is away, a repair is filed.
	await pairDemo(page, 'kiosk');
	const home = demoHome(32);
	await page.getByRole('link', { name: /报修/ }).click();
	await page.getByLabel('房屋').selectOption({ label: home.zh });
	await page.getByLabel('预留手机号后 4 位').fill(home.last4);
	await page.getByText('电路 / 停电').click();
	await page.getByLabel('请描述情况').fill('楼道灯不亮');
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('heading', { name: '已收到您的需求' })).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	await expect(wall.locator(`tr[data-serial="${serial}"]`)).toHaveCount(0);

	await wall.context().setOffline(false);
	// Back within a few reconnection attempts (each gives up after 5 s, retried with back-off of
	// up to 5 s); a loaded CI machine has been seen to need more than 30 s for it.
	await expect(wall.locator(`tr[data-serial="${serial}"]`)).toContainText('报修', {
		timeout: 60_000
	});
	await expect(wall.getByTestId('stale')).toHaveCount(0);
	await expect(wall.getByTestId('today')).toContainText(/今日受理 \d+ · 解决 \d+ · 按时/);
	const filedAfter = Number(
		/今日受理 (\d+)/.exec((await wall.getByTestId('today').textContent()) ?? '')?.[1]
	);
	expect(filedAfter).toBeGreaterThan(filedBefore);
	await wall.context().close();
}

test('a list longer than the screen turns its pages by itself', async ({ browser }) => {
	// A short wall: the demo's open requests alone fill more than one page.
	const context = await browser.newContext({ viewport: { width: 1280, height: 480 } });
	const wall = await context.newPage();
	await pairDemo(wall, 'display');
	const indicator = wall.getByTestId('display-page');
	await expect(indicator).toHaveText(/^第 \d+\/\d+ 页$/);
	// Which page is showing (other tests may add requests meanwhile, so not how many there are).
	const current = async () => Number(/第 (\d+)\//.exec((await indicator.textContent()) ?? '')?.[1]);
	const first = await current();
	const rows = wall.locator('tbody tr');
	const shownFirst = await rows.count();
	expect(shownFirst).toBeGreaterThan(0);
	// Every ten seconds the next page, on the wall's own clock.
	await expect.poll(current, { timeout: 15_000 }).not.toBe(first);
	expect(await rows.count()).toBeGreaterThan(0);
	expect(await rows.count()).toBeLessThanOrEqual(shownFirst);
	await context.close();
});
