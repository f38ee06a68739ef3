import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './helpers.js';

// The desk's day with one request: filed for an owner who phoned, seen live by a colleague,
// taken on, dispatched, worked on site by the engineer, followed up — each step as the people
// at the desk would do it, in their own browsers.

async function staffPage(browser: Browser, username: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, username);
	return page;
}

const unique = (what: string) => `${what} ${crypto.randomUUID().slice(0, 8)}`;

/** Files a repair on the desk's form and returns its serial from the ticket page it lands on. */
async function fileRepair(page: Page, description: string): Promise<string> {
	await page.goto('/console/tickets/new');
	await page.getByLabel('来源').selectOption({ label: '电话' });
	await page.getByLabel('类型').selectOption({ label: '报修' });
	await page.getByLabel('类别').selectOption({ label: '水管 / 漏水' });
	await page.getByLabel('房屋').selectOption({ index: 3 });
	await page.getByLabel('来电/来访人姓名').fill('张先生');
	await page.getByLabel('联系电话').fill('138 0000 1234');
	await page.getByLabel('请描述情况').fill(description);
	await page.getByRole('button', { name: '登记工单' }).click();
	await expect(page).toHaveURL(/\/console\/tickets\/R-\d{8}-\d{3}$/);
	return page.url().split('/').pop() ?? '';
}

test('the desk files a phoned-in repair with field messages that keep what was typed', async ({
	page,
	browser
}) => {
	await signIn(page, 'assistant');
	await page.goto('/console/tickets/new');
	await page.getByLabel('来源').selectOption({ label: '来访' });
	await page.getByLabel('来电/来访人姓名').fill('刘女士');
	await page.getByRole('button', { name: '登记工单' }).click();
	await expect(page.getByText('请选择类型')).toBeVisible();
	await expect(page.getByText('请选择您的房屋')).toBeVisible();
	await expect(page.getByText('请填写 7–15 位电话号码')).toBeVisible();
	await expect(page.getByText('请简单描述情况')).toBeVisible();
	await expect(page.getByLabel('来电/来访人姓名')).toHaveValue('刘女士');
	await expect(page.getByLabel('来源')).toHaveValue('walk_in');

	const serial = await fileRepair(page, unique('厨房水龙头滴水'));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(serial);
	await expect(page.getByTestId('ticket-status')).toHaveText('新建');
	await expect(page.getByText('张先生')).toBeVisible();
	await expect(page.getByTestId('timeline')).toContainText('新工单');

	// A guard sees what and where, but not who reported it nor their phone.
	const guard = await staffPage(browser, 'guard');
	await guard.goto(`/console/tickets/${serial}`);
	await expect(guard.getByRole('heading', { level: 1 })).toHaveText(serial);
	await expect(guard.getByText('张先生')).toHaveCount(0);
	await expect(guard.getByText('13800001234')).toHaveCount(0);
});

test('a repair is worked from filing to follow-up across three browsers, live', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const description = unique('卫生间地漏反水');
	// A supervisor watches the new-ticket queue.
	const supervisor = await staffPage(browser, 'supervisor');
	await supervisor.goto('/console/tickets?queue=new');
	await expect(supervisor.getByRole('heading', { name: '工单' })).toBeVisible();

	await signIn(page, 'assistant');
	const serial = await fileRepair(page, description);
	await expect(supervisor.locator(`tr[data-serial="${serial}"]`)).toBeVisible();

	// The assistant takes it on and dispatches the engineer.
	await page.getByRole('button', { name: '受理', exact: true }).click();
	await expect(page.getByTestId('ticket-status')).toHaveText('已受理');
	await page.getByRole('button', { name: '派工给维修人员' }).click();
	await page.getByRole('button', { name: '派工给维修人员' }).click();
	await expect(page.getByText('请选择人员')).toBeVisible();
	await page.getByLabel('维修人员').selectOption({ label: '李师傅（工程维修）' });
	await page.getByRole('button', { name: '派工给维修人员' }).click();
	await expect(page.getByTestId('ticket-status')).toHaveText('处理中');
	// Once taken on, it is no longer new.
	await expect(supervisor.locator(`tr[data-serial="${serial}"]`)).toHaveCount(0);

	// The engineer finds it in their own list, arrives and resolves it.
	const engineer = await staffPage(browser, 'engineer');
	await engineer.goto('/console/tickets?queue=mine');
	await engineer.getByRole('link', { name: serial }).click();
	await engineer.getByRole('button', { name: '已到现场' }).click();
	await expect(engineer.getByTestId('timeline')).toContainText('到达现场');
	await engineer.getByRole('button', { name: '处理完毕' }).click();
	await engineer.getByRole('button', { name: '处理完毕' }).click();
	await expect(engineer.getByText('请填写内容')).toBeVisible();
	await engineer.getByLabel('处理结果').fill('更换了地漏密封圈');
	await engineer.getByRole('button', { name: '处理完毕' }).click();
	await expect(engineer.getByTestId('ticket-status')).toHaveText('已解决');

	// The assistant's open page follows without a reload.
	await expect(page.getByTestId('ticket-status')).toHaveText('已解决');
	await expect(page.getByTestId('timeline')).toContainText('更换了地漏密封圈');

	// Follow-up: the owner is not satisfied, so the ticket is redone.
	await page.goto('/console/tickets?queue=follow_up');
	await page.getByRole('link', { name: serial }).click();
	await page.getByRole('button', { name: '回访' }).click();
	await page.getByText('不满意', { exact: true }).click();
	await page.getByRole('button', { name: '回访' }).click();
	await expect(page.getByText('请填写原因')).toBeVisible();
	await page.getByLabel('不满意的原因').fill('第二天又开始反水');
	await page.getByRole('button', { name: '回访' }).click();
	await expect(page.getByTestId('ticket-status')).toHaveText('重新处理');
	await expect(page.getByTestId('timeline')).toContainText('第二天又开始反水');
	await expect(page.getByTestId('timeline')).toContainText('不满意');
});

test('acting on a ticket a colleague has just changed is refused with a message', async ({
	page,
	browser
}) => {
	await signIn(page, 'assistant');
	const serial = await fileRepair(page, unique('楼道灯不亮'));

	// The supervisor's page is open but not live (its connection is down).
	const supervisor = await staffPage(browser, 'supervisor');
	await supervisor.routeWebSocket(/socket\.io/, (ws) => ws.close());
	await supervisor.goto(`/console/tickets/${serial}`);
	await expect(supervisor.getByRole('button', { name: '受理', exact: true })).toBeVisible();

	await page.getByRole('button', { name: '受理', exact: true }).click();
	await expect(page.getByTestId('ticket-status')).toHaveText('已受理');

	await supervisor.getByRole('button', { name: '受理', exact: true }).click();
	await expect(supervisor.locator('main').getByRole('alert')).toContainText('可能已被同事处理');
	await expect(supervisor.getByTestId('ticket-status')).toHaveText('已受理');
});

test('the queues and the ticket page speak English on the toggle; search finds by serial', async ({
	page
}) => {
	await signIn(page, 'assistant');
	const serial = await fileRepair(page, unique('Balcony drain blocked'));
	await page.getByRole('button', { name: '切换语言' }).click();
	await expect(page.getByRole('button', { name: 'Take on' })).toBeVisible();
	await page.getByRole('button', { name: 'Decline as invalid' }).click();
	await page.getByRole('button', { name: 'Decline as invalid' }).click();
	await expect(page.getByText('Please give a reason')).toBeVisible();

	await page.goto('/console/tickets');
	await expect(page.getByRole('heading', { name: 'Tickets' })).toBeVisible();
	await page.getByLabel('Search').fill(serial);
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.locator('tbody tr')).toHaveCount(1);
	await expect(page.getByRole('link', { name: serial })).toBeVisible();
});
