import { expect, test, type Browser } from '@playwright/test';
import { signIn } from './helpers.js';

// Staff accounts as people live them: a new colleague, their first password, their sessions,
// an account disabled while in use. Serial: each step builds on the one before.
test.describe.configure({ mode: 'serial' });

const NEW_USER = 'wangwu';
const NEW_PASSWORD = '晨光小区-前台-2026';
let firstPassword = '';

async function newPage(browser: Browser) {
	const context = await browser.newContext();
	return { context, page: await context.newPage() };
}

test('repeated wrong passwords lock the account and say until when', async ({ page }) => {
	await page.goto('/console/sign-in');
	// Each attempt's answer is awaited: the message reads the same every time, so the page's text
	// alone cannot tell one attempt's answer from the last.
	const attempt = async (password: string) => {
		await page.getByLabel('密码').fill(password);
		const answered = page.waitForResponse(
			(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/console/sign-in'
		);
		await page.getByRole('button', { name: '登录' }).click();
		await answered;
	};
	for (let i = 0; i < 4; i++) {
		await page.getByLabel('用户名').fill('nobody');
		await attempt(`wrong-${i}`);
		await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确');
	}
	await attempt('wrong-5');
	await expect(page.getByRole('alert')).toHaveText(
		/^尝试次数过多，已暂时锁定。请 15 分钟后（\d{2}:\d{2} 以后）再试$/
	);
	await expect(page.getByLabel('用户名')).toHaveValue('nobody');
});

test('an administrator creates a colleague, whose first password is shown once', async ({
	page
}) => {
	await signIn(page, 'admin');
	await page.getByRole('link', { name: '员工账号' }).click();
	await page.getByRole('button', { name: '新建员工账号' }).click();
	await expect(page.getByText('请输入用户名')).toBeVisible();
	await expect(page.getByText('请输入姓名')).toBeVisible();

	await page.getByLabel('用户名').fill('Wang Wu');
	await page.getByLabel('姓名').fill('王五');
	await page.getByLabel('岗位', { exact: true }).selectOption('assistant');
	await page.getByRole('button', { name: '新建员工账号' }).click();
	await expect(page.getByText('用户名为 3–32 位小写字母、数字或 . _ -，以字母开头')).toBeVisible();
	await expect(page.getByLabel('姓名')).toHaveValue('王五');

	await page.getByLabel('用户名').fill('assistant');
	await page.getByRole('button', { name: '新建员工账号' }).click();
	await expect(page.getByText('这个用户名已被使用')).toBeVisible();

	await page.getByLabel('用户名').fill(NEW_USER);
	await page.getByRole('button', { name: '新建员工账号' }).click();
	const notice = await page.getByTestId('new-password').textContent();
	firstPassword = /初始密码：(\S{16})/.exec(notice ?? '')?.[1] ?? '';
	expect(firstPassword).toHaveLength(16);
	await expect(page.locator(`tr[data-username="${NEW_USER}"]`)).toContainText('王五');
});

test('the new colleague must choose their own password before anything else', async ({ page }) => {
	await signIn(page, NEW_USER, firstPassword);
	await expect(page).toHaveURL(/\/console\/account$/);
	await expect(page.getByRole('alert')).toHaveText(
		'请先设置您自己的新密码，然后才能继续使用工作台。'
	);
	await page.goto('/console');
	await expect(page).toHaveURL(/\/console\/account$/);

	await page.getByLabel('当前密码').fill(firstPassword);
	await page.getByLabel('新密码（至少 8 位）').fill('lobbydesk');
	await page.getByLabel('再次输入新密码').fill('lobbydesk');
	await page.getByRole('button', { name: '修改密码' }).click();
	await expect(page.getByText('这个密码太容易被猜到，请换一个')).toBeVisible();

	await page.getByLabel('当前密码').fill(firstPassword);
	await page.getByLabel('新密码（至少 8 位）').fill(NEW_PASSWORD);
	await page.getByLabel('再次输入新密码').fill(`${NEW_PASSWORD}x`);
	await page.getByRole('button', { name: '修改密码' }).click();
	await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();

	await page.getByLabel('当前密码').fill(firstPassword);
	await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
	await page.getByRole('button', { name: '修改密码' }).click();
	await expect(page.getByText('密码已修改，其他设备上的登录已退出。')).toBeVisible();
	await page.goto('/console');
	await expect(page.getByTestId('signed-in-as')).toHaveText('王五（客服助理）');
});

test('a person sees where they are signed in and can end the other sessions', async ({
	browser
}) => {
	const a = await newPage(browser);
	const b = await newPage(browser);
	try {
		await signIn(a.page, NEW_USER, NEW_PASSWORD);
		await signIn(b.page, NEW_USER, NEW_PASSWORD);
		await expect(b.page.getByTestId('live-count')).toBeVisible();

		await a.page.goto('/console/account');
		await expect(a.page.getByRole('row').filter({ hasText: '本设备' })).toHaveCount(1);
		// B's, and the one the previous test left signed in.
		await expect(a.page.getByRole('button', { name: '退出该设备' })).toHaveCount(2);
		await a.page.getByRole('button', { name: '退出其他所有设备' }).click();
		await expect(a.page.getByRole('button', { name: '退出该设备' })).toHaveCount(0);

		// The other browser is told at once, and its next page asks it to sign in.
		await expect(b.page.getByText('您的登录已结束，请重新登录。')).toBeVisible();
		await b.page.goto('/console');
		await expect(b.page).toHaveURL(/\/console\/sign-in/);
	} finally {
		await a.context.close();
		await b.context.close();
	}
});

test('disabling an account ends its sessions at once and keeps it out', async ({ browser }) => {
	const colleague = await newPage(browser);
	const admin = await newPage(browser);
	try {
		await signIn(colleague.page, NEW_USER, NEW_PASSWORD);
		await expect(colleague.page.getByTestId('live-count')).toBeVisible();

		await signIn(admin.page, 'admin');
		await admin.page.goto('/console/staff');
		const row = admin.page.locator(`tr[data-username="${NEW_USER}"]`);
		await row.getByRole('button', { name: '停用' }).click();
		await expect(row).toContainText('已停用');

		await expect(colleague.page.getByText('您的登录已结束，请重新登录。')).toBeVisible();
		await colleague.page.goto('/console/sign-in');
		await colleague.page.getByLabel('用户名').fill(NEW_USER);
		await colleague.page.getByLabel('密码').fill(NEW_PASSWORD);
		await colleague.page.getByRole('button', { name: '登录' }).click();
		await expect(colleague.page.getByRole('alert')).toHaveText('用户名或密码不正确');
	} finally {
		await colleague.context.close();
		await admin.context.close();
	}
});
