import { expect, type Browser, type Page, type Route } from '@playwright/test';
import { demoHome, pairDemo, signIn } from './helpers.js';

// What the kiosk's offline tests share: the repair form, the network cut with Playwright routes,
// the desk watching, and a look into the browser's storage.

export type Home = ReturnType<typeof demoHome>;

export async function openRepairForm(page: Page) {
	await pairDemo(page, 'kiosk');
	await page.getByRole('link', { name: /报修/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('报修');
}

export async function fillRepair(page: Page, where: Home, description: string) {
	await page.getByLabel('房屋').selectOption({ label: where.zh });
	await page.getByLabel('预留手机号后 4 位').fill(where.last4);
	await page.getByText('水管 / 漏水').click();
	await page.getByLabel('请描述情况').fill(description);
}

export async function expectAsTyped(page: Page, where: Home, description: string) {
	await expect(page.getByLabel('房屋').locator('option:checked')).toHaveText(where.zh);
	await expect(page.getByLabel('预留手机号后 4 位')).toHaveValue(where.last4);
	await expect(page.getByRole('radio', { name: '水管 / 漏水' })).toBeChecked();
	await expect(page.getByLabel('请描述情况')).toHaveValue(description);
}

/** The request form's address, for `interceptPosts` and `page.unroute`. */
export const REQUEST_POSTS = '**/kiosk/request/**';

/**
 * The form's POSTs to `url` go through `handle`; everything else (page loads, the receipt) as
 * usual. Returns how many POSTs there were so far.
 */
export async function interceptPosts(
	page: Page,
	handle: (route: Route, attempt: number) => unknown,
	url = REQUEST_POSTS
) {
	let attempts = 0;
	await page.route(url, async (route) => {
		if (route.request().method() !== 'POST') return route.fallback();
		attempts += 1;
		await handle(route, attempts);
	});
	return () => attempts;
}

/**
 * The desk's live list, watched by an assistant from the start of a test: `rows(home)` are the
 * open requests of a home. Counted before and after, so a test sees only what it filed itself.
 */
export async function watchDesk(browser: Browser) {
	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, 'assistant');
	await expect(desk.getByTestId('live-count')).toBeVisible();
	return {
		rows: (unitLabel: string) => desk.locator('tr[data-serial]').filter({ hasText: unitLabel }),
		row: (serial: string) => desk.locator(`tr[data-serial="${serial}"]`),
		close: () => desk.context().close()
	};
}

/** Whether anything the owner typed is kept in the browser's storage. */
export async function storedAnywhere(page: Page, ...texts: string[]) {
	const stored = await page.evaluate(() =>
		JSON.stringify([{ ...localStorage }, { ...sessionStorage }])
	);
	return texts.filter((t) => stored.includes(t));
}
