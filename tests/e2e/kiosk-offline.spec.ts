import { expect, test } from '@playwright/test';
import { demoHome } from './helpers.js';
import {
	REQUEST_POSTS,
	expectAsTyped,
	fillRepair,
	interceptPosts,
	openRepairForm,
	storedAnywhere,
	watchDesk
} from './kiosk-offline-helpers.js';

// The lobby's network is not always there. An owner who has typed a request and tapped "send"
// must not lose it to a dropped connection, nor file it twice by tapping again or by reloading.
// (Left alone while unsent, and the idle reset: kiosk-offline-idle.spec.ts.)

/** Demo homes no other browser test files for: the desk's counts per home are this file's own. */
const home = demoHome;

test('lost network: everything typed stays, the kiosk says so, and sends it once when it can', async ({
	page,
	browser
}) => {
	test.setTimeout(60_000);
	const where = home(9);
	const description = '阳台顶上渗水，墙皮起泡（断网测试）';
	const desk = await watchDesk(browser);
	const before = await desk.rows(where.zh).count();
	await openRepairForm(page);
	// The first POST reaches the server and files the request, but its answer is lost on the way
	// back; the next ones do not get through at all.
	const attempts = await interceptPosts(page, async (route, attempt) => {
		if (attempt === 1) await route.fetch();
		await route.abort('internetdisconnected');
	});
	await fillRepair(page, where, description);
	await page.getByRole('button', { name: '提交' }).click();

	const alert = page.getByRole('alert');
	await expect(alert).toContainText('网络暂时中断');
	await expect(alert).toContainText('您填写的内容已保存，恢复后会自动提交，请不要离开');
	await expectAsTyped(page, where, description);
	await expect(page.getByRole('button', { name: '立即重试' })).toBeVisible();

	// It tries again by itself, with the same key; still nothing gets through.
	await expect.poll(attempts, { timeout: 6_000 }).toBeGreaterThanOrEqual(2);
	await expect(alert).toContainText('网络暂时中断');
	await expectAsTyped(page, where, description);

	// The network is back: the next automatic try goes through, to the receipt.
	await page.unroute(REQUEST_POSTS);
	await expect(page.getByRole('heading', { name: '已收到您的需求' })).toBeVisible({
		timeout: 20_000
	});
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	expect(serial).toMatch(/^R-\d{8}-\d{3}$/);
	expect(await storedAnywhere(page, description, where.last4)).toEqual([]);

	// One request, the one the first (lost) answer was about.
	await expect(desk.rows(where.zh)).toHaveCount(before + 1);
	await expect(desk.row(serial)).toContainText(where.zh);
	await desk.close();
});

test('the server answers 503: told in English, "try again now" tries at once; a field message is not an outage', async ({
	page,
	browser
}) => {
	const where = home(10);
	const desk = await watchDesk(browser);
	const before = await desk.rows(where.zh).count();
	await page.clock.install();
	await openRepairForm(page);
	await page.getByRole('button', { name: '切换语言' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repair');

	// A refused field is answered as before: its message, no outage.
	await page.getByLabel('Home').selectOption({ label: where.en });
	await page.getByLabel('Last 4 digits of your phone on record').fill(where.last4);
	await page.getByText('Water / leak').click();
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByText('Say briefly what the matter is')).toBeVisible();
	await expect(page.getByText('The connection is down for now')).toHaveCount(0);

	// A proxy in front of the server answers with its own 503 page.
	const attempts = await interceptPosts(page, (route) =>
		route.fulfill({
			status: 503,
			contentType: 'text/html',
			body: '<h1>503 Service Unavailable</h1>'
		})
	);
	await page.getByLabel('What is the matter?').fill('Water drips from the ceiling light');
	await page.getByRole('button', { name: 'Send' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('The connection is down for now');
	await expect(alert).toContainText('What you typed is kept');
	await expect(page.getByLabel('What is the matter?')).toHaveValue(
		'Water drips from the ceiling light'
	);
	await expect(page.getByLabel('Last 4 digits of your phone on record')).toHaveValue(where.last4);
	expect(attempts()).toBe(1);

	// The page's clock stands still: only the button can send it again now.
	await page.getByRole('button', { name: 'Try again now' }).click();
	await expect.poll(attempts).toBe(2);
	await expect(alert).toContainText('The connection is down for now');

	await page.unroute(REQUEST_POSTS);
	await page.getByRole('button', { name: 'Try again now' }).click();
	await expect(page.getByRole('heading', { name: 'We have your request' })).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';

	await expect(desk.rows(where.zh)).toHaveCount(before + 1);
	await expect(desk.row(serial)).toContainText(where.zh);
	await desk.close();
});

test('a double tap, or the same submission forced twice, files one request', async ({
	page,
	browser
}) => {
	const where = home(11);
	const desk = await watchDesk(browser);
	const before = await desk.rows(where.zh).count();
	await openRepairForm(page);
	await fillRepair(page, where, '厨房下水道堵了，水排不下去');

	// Two POSTs of this very form at once, as a flaky link might replay it: one ticket.
	const locations = await page.evaluate(async () => {
		const form = document.querySelector('form[method="POST"]:not([action])');
		if (!(form instanceof HTMLFormElement)) throw new Error('no request form');
		const body = new URLSearchParams(
			[...new FormData(form)].map(([k, v]) => [k, String(v)] as [string, string])
		);
		const post = () =>
			fetch(location.href, {
				method: 'POST',
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
				body
			}).then((r) => r.json() as Promise<{ type: string; location?: string }>);
		return (await Promise.all([post(), post()])).map((r) => r.location);
	});
	expect(locations[0]).toMatch(/^\/kiosk\/done\/R-/);
	expect(locations[1]).toBe(locations[0]);

	// Then the owner double-taps "send": the button is off while sending, one POST goes out,
	// and the answer is the request already filed.
	let posts = 0;
	await interceptPosts(page, async (route) => {
		posts += 1;
		await new Promise((r) => setTimeout(r, 500));
		await route.continue();
	});
	const send = page.getByRole('button', { name: '提交' });
	await send.dblclick();
	await expect(page.getByRole('button', { name: '正在提交…' })).toBeDisabled();
	await expect(page.getByRole('heading', { name: '已收到您的需求' })).toBeVisible();
	expect(posts).toBe(1);
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	expect(locations[0]).toBe(`/kiosk/done/${serial}`);

	await expect(desk.rows(where.zh)).toHaveCount(before + 1);
	await expect(desk.row(serial)).toContainText(where.zh);
	await desk.close();
});

test('a reload while unsent puts everything back and sends it; the back button forgets it', async ({
	page,
	browser
}) => {
	test.setTimeout(60_000);
	const kept = home(13);
	const description = '客厅顶灯一直闪（刷新测试）';
	const left = home(14);
	const desk = await watchDesk(browser);
	const [before, beforeLeft] = [await desk.rows(kept.zh).count(), await desk.rows(left.zh).count()];
	await openRepairForm(page);
	await interceptPosts(page, (route) => route.abort('internetdisconnected'));
	await fillRepair(page, kept, description);
	const key = await page.locator('input[name="idempotencyKey"]').inputValue();
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('alert')).toContainText('网络暂时中断');

	await page.reload();
	await expect(page.getByRole('alert')).toContainText('网络暂时中断');
	await expectAsTyped(page, kept, description);
	await expect(page.locator('input[name="idempotencyKey"]')).toHaveValue(key);

	await page.unroute(REQUEST_POSTS);
	await page.getByRole('button', { name: '立即重试' }).click();
	await expect(page.getByRole('heading', { name: '已收到您的需求' })).toBeVisible();
	expect(await storedAnywhere(page, description, kept.last4, key)).toEqual([]);
	const serial = (await page.getByTestId('serial').textContent()) ?? '';
	await expect(desk.rows(kept.zh)).toHaveCount(before + 1);
	await expect(desk.row(serial)).toContainText(kept.zh);

	// Another owner gives up while the network is down and leaves with the back button: the
	// draft goes with them, nothing is sent later, and the next visit starts empty.
	await page.getByRole('link', { name: '返回首页' }).click();
	await page.getByRole('link', { name: /报修/ }).click();
	const attempts = await interceptPosts(page, (route) => route.abort('internetdisconnected'));
	await fillRepair(page, left, '楼道灯不亮（返回测试）');
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('alert')).toContainText('网络暂时中断');
	await page.getByRole('link', { name: /返回首页/ }).click();
	await expect(page).toHaveURL(/\/kiosk$/);
	expect(await storedAnywhere(page, '楼道灯不亮', left.last4)).toEqual([]);
	// Its retries stopped with it: none in the next 2 + 4 seconds they would have taken.
	const tried = attempts();
	await page.waitForTimeout(6_500);
	expect(attempts()).toBe(tried);
	await page.unroute(REQUEST_POSTS);
	await page.getByRole('link', { name: /报修/ }).click();
	await expect(page.getByLabel('请描述情况')).toHaveValue('');
	await expect(page.getByLabel('预留手机号后 4 位')).toHaveValue('');
	await expect(desk.rows(left.zh)).toHaveCount(beforeLeft);
	await desk.close();
});
