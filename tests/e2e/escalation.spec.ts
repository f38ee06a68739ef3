import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './helpers.js';

// Seed 003: redo until the owner is satisfied, and after a second failure the director is told.
// The director hears of it on whatever console page they are, the moment it happens.

async function staffPage(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, username);
	return page;
}

async function fileRepair(page: Page, description: string): Promise<string> {
	await page.goto('/console/tickets/new');
	await page.getByLabel('来源').selectOption({ label: '电话' });
	await page.getByLabel('类型').selectOption({ label: '报修' });
	await page.getByLabel('类别').selectOption({ label: '水管 / 漏水' });
	await page.getByLabel('房屋').selectOption({ index: 5 });
	await page.getByLabel('来电/来访人姓名').fill('赵女士');
	await page.getByLabel('联系电话').fill('138 0000 5678');
	await page.getByLabel('请描述情况').fill(description);
	await page.getByRole('button', { name: '登记工单' }).click();
	await expect(page).toHaveURL(/\/console\/tickets\/R-\d{8}-\d{3}$/);
	return page.url().split('/').pop() ?? '';
}

/** Takes the ticket on, resolves it and records a dissatisfied follow-up, on its page. */
async function redoneAndStillDissatisfied(page: Page, reason: string): Promise<void> {
	await page.getByRole('button', { name: '受理', exact: true }).click();
	await expect(page.getByTestId('ticket-status')).toHaveText('已受理');
	await page.getByRole('button', { name: '处理完毕' }).click();
	await page.getByLabel('处理结果').fill('已维修');
	await page.getByRole('button', { name: '处理完毕' }).click();
	await expect(page.getByTestId('ticket-status')).toHaveText('已解决');
	await page.getByRole('button', { name: '回访' }).click();
	await page.getByRole('radiogroup').getByText('不满意', { exact: true }).click();
	await page.getByLabel('不满意的原因').fill(reason);
	await page.getByRole('button', { name: '回访' }).click();
	await expect(page.getByTestId('ticket-status')).toHaveText('重新处理');
}

test('a second dissatisfied follow-up reaches the director live, and the escalated queue lists it', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	await signIn(page, 'assistant');
	const serial = await fileRepair(page, `厨房下水反复堵塞 ${crypto.randomUUID().slice(0, 8)}`);

	// The director is elsewhere in the console, the supervisor on the overview.
	const director = await staffPage(browser, 'director');
	await director.goto('/console/account');
	const supervisor = await staffPage(browser, 'supervisor');

	await redoneAndStillDissatisfied(page, '第二天又堵了');
	// Once dissatisfied is redone, not escalated: nobody is told yet.
	await expect(page.getByText('已升级至管理处主任')).toHaveCount(0);

	await redoneAndStillDissatisfied(page, '仍然堵塞，要求主任处理');
	await expect(page.getByText('已升级至管理处主任').first()).toBeVisible();

	for (const boss of [director, supervisor]) {
		const notice = boss.getByTestId('escalation-notice').filter({ hasText: serial });
		await expect(notice).toContainText('已升级至管理处主任');
		await expect(notice).toContainText('仍然堵塞，要求主任处理');
	}
	// The assistant who recorded it is not the one it is escalated to.
	await expect(page.getByTestId('escalation-notice')).toHaveCount(0);

	// The serial opens the ticket; the notice goes.
	await director.getByTestId('escalation-notice').getByRole('link', { name: serial }).click();
	await expect(director).toHaveURL(new RegExp(`/console/tickets/${serial}$`));
	await expect(director.getByRole('heading', { level: 1 })).toHaveText(serial);
	await expect(director.getByTestId('escalation-notice')).toHaveCount(0);

	await director.goto('/console/tickets?queue=escalated');
	await expect(director.getByRole('link', { name: '已升级' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(director.locator(`tr[data-serial="${serial}"]`)).toBeVisible();
	await director.context().close();
	await supervisor.context().close();
});
