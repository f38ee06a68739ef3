import { expect, test, type Page } from '@playwright/test';
import { CN_CALENDAR_DAYS } from '../../src/lib/domain/clocks/cn-holidays.js';
import { demoHome, pairDemo, signIn, wallPage } from './helpers.js';

// The promises of the seeds, timed where people see them: the lobby's wall counts each open
// request down, the desk sees every clock of a ticket and a queue of those running out.

/** Seed 004, worked out here on its own: 20 minutes within 08:00–17:30 on a working day, else 60. */
function arrivalMinutes(at: Date): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', {
			timeZone: 'Asia/Shanghai',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			weekday: 'short',
			hourCycle: 'h23'
		})
			.formatToParts(at)
			.map((p) => [p.type, p.value])
	);
	const day = `${parts.year}-${parts.month}-${parts.day}`;
	const special = CN_CALENDAR_DAYS.find(([d]) => d === day)?.[1];
	const weekday = !['Sat', 'Sun'].includes(parts.weekday ?? '');
	const working = special ? special === 'workday' : weekday;
	const minutes = Number(parts.hour) * 60 + Number(parts.minute);
	return working && minutes >= 8 * 60 && minutes < 17 * 60 + 30 ? 20 : 60;
}

async function fileRepair(page: Page, homeIndex: number, text: string): Promise<string> {
	const home = demoHome(homeIndex);
	await page.getByRole('link', { name: /报修/ }).click();
	await page.getByLabel('房屋').selectOption({ label: home.zh });
	await page.getByLabel('预留手机号后 4 位').fill(home.last4);
	await page.getByText('水管 / 漏水').click();
	await page.getByLabel('请描述情况').fill(text);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('heading', { name: '已收到您的需求' })).toBeVisible();
	return (await page.getByTestId('serial').textContent()) ?? '';
}

test('a repair filed at the kiosk counts down on the wall at once, by the rule of the hour it was filed', async ({
	page,
	browser
}) => {
	const wall = await wallPage(browser);
	await expect(wall.getByRole('columnheader', { name: '时限' })).toBeVisible();
	await pairDemo(page, 'kiosk');

	const before = arrivalMinutes(new Date());
	const serial = await fileRepair(page, 30, '厨房水龙头一直滴水');
	const after = arrivalMinutes(new Date());

	const row = wall.locator(`tr[data-serial="${serial}"]`);
	await expect(row).toContainText('报修');
	await expect(row).toContainText('水管 / 漏水');
	const countdown = row.locator('[data-clock="repair_arrival"]');
	await expect(countdown).toHaveAttribute('data-state', /running|at_risk/);
	// The countdown ticks on the wall's one timer, starting just under the promise.
	const shown = async () => (await countdown.locator('.time').textContent()) ?? '';
	const first = await shown();
	const expected = [before, after].map((m) =>
		m === 60 ? /^0:59:\d\d$|^1:00:00$/ : /^0:(19|20):\d\d$/
	);
	expect(
		expected.some((re) => re.test(first)),
		first
	).toBe(true);
	await expect.poll(shown).not.toBe(first);
	// Nothing about the owner reaches the wall: no room, no description.
	await expect(row).not.toContainText('301');
	await expect(wall.getByText('厨房水龙头一直滴水')).toHaveCount(0);
	await wall.context().close();
});

test('the desk sees every clock of a ticket, an at-risk queue, and the warning arrive on the timeline', async ({
	page,
	browser
}) => {
	const desk = await (await browser.newContext()).newPage();
	await signIn(desk, 'supervisor');
	await pairDemo(page, 'kiosk');
	// An emergency's two minutes are at risk from the start: the scheduler warns within a sweep.
	await page.getByRole('link', { name: /紧急求助/ }).click();
	await page.getByText('漏水水浸').click();
	await page.getByRole('radio', { name: '1号楼' }).check();
	await page.getByLabel('楼层', { exact: true }).fill('3');
	await page.getByRole('button', { name: '呼叫求助' }).click();
	await expect(page.getByTestId('serial')).toBeVisible();
	const serial = (await page.getByTestId('serial').textContent()) ?? '';

	// The supervisor hears of the warning on whatever page they are.
	const notice = desk.getByTestId('clock-notice').filter({ hasText: serial });
	await expect(notice).toContainText('服务时限即将到期');
	await expect(notice).toContainText('紧急响应');

	await desk.goto('/console/tickets?queue=at_risk');
	await expect(desk.getByRole('link', { name: '即将超时' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	const row = desk.locator(`tr[data-serial="${serial}"]`);
	await expect(row.locator('[data-clock="emergency_acknowledge"]')).toContainText('紧急响应');

	await row.getByRole('link', { name: serial }).click();
	const clock = desk.locator('li[data-clock="emergency_acknowledge"]');
	await expect(clock).toContainText('紧急响应');
	await expect(clock.getByTestId('clock-state')).toHaveText('即将超时');
	// The version in force (another test may have published a newer one).
	await expect(clock).toContainText(/时限规则第 \d+ 版/);
	await expect(desk.getByText('服务时限即将到期').first()).toBeVisible();

	// Taken: the clock is met, and the ticket leaves the at-risk queue.
	await desk.locator('main').getByRole('button', { name: '我去处理' }).click();
	await expect(clock.getByTestId('clock-state')).toHaveText('已达成');
	await desk.goto('/console/tickets?queue=at_risk');
	await expect(desk.locator(`tr[data-serial="${serial}"]`)).toHaveCount(0);
	await desk.context().close();
});
