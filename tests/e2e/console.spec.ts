import { expect, test } from '@playwright/test';

test('the console asks staff to sign in, and says what is wrong at the field', async ({ page }) => {
	await page.goto('/console');
	await expect(page).toHaveURL(/\/console\/sign-in\?redirectTo=%2Fconsole$/);
	await expect(page.getByRole('heading', { name: '员工登录' })).toBeVisible();

	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByText('请填写用户名和密码')).toHaveCount(2);

	await page.getByLabel('用户名').fill('assistant');
	await page.getByLabel('密码').fill('not-the-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确');
	await expect(page.getByLabel('用户名')).toHaveValue('assistant');
});

test('a signed-in assistant sees the demo site: buildings, homes, residents, care, tickets', async ({
	page
}) => {
	await page.goto('/console/sign-in');
	await page.getByLabel('用户名').fill('assistant');
	await page.getByLabel('密码').fill('lobbydesk');
	await page.getByRole('button', { name: '登录' }).click();

	await expect(page).toHaveURL(/\/console$/);
	await expect(page.getByTestId('signed-in-as')).toHaveText('王芳（客服助理）');
	await expect(page.getByTestId('building-count')).toHaveText('2');
	await expect(page.getByTestId('unit-count')).toHaveText('40');
	expect(Number(await page.getByTestId('resident-count').textContent())).toBeGreaterThanOrEqual(40);
	await expect(page.getByRole('cell', { name: /^R-\d{8}-\d{3}$/ }).first()).toBeVisible();
	await expect(page.getByRole('cell', { name: /^C-\d{8}-\d{3}$/ }).first()).toBeVisible();
	await expect(page.getByRole('cell', { name: '老人' }).first()).toBeVisible();
	await expect(page.getByRole('cell', { name: '1号楼1单元101室' })).toBeVisible();

	await page.getByRole('button', { name: '切换语言' }).click();
	await expect(page.getByTestId('signed-in-as')).toHaveText('王芳 (Customer-service assistant)');
	await expect(page.getByRole('cell', { name: 'Bldg 1, Entr. 1, Rm 101' })).toBeVisible();

	// A second tab of the same browser is live too, and is told when the session ends.
	const otherTab = await page.context().newPage();
	await otherTab.goto('/console');
	await expect(otherTab.getByTestId('live-count')).toBeVisible();

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/console\/sign-in$/);
	await expect(otherTab.getByText('Your session has ended. Please sign in again.')).toBeVisible();
	await page.goto('/console');
	await expect(page).toHaveURL(/\/console\/sign-in/);
});

test('the household archive is for customer service only: a guard does not see who needs care', async ({
	page
}) => {
	await page.goto('/console/sign-in');
	await page.getByLabel('用户名').fill('guard');
	await page.getByLabel('密码').fill('lobbydesk');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByTestId('signed-in-as')).toHaveText('赵强（保安）');
	await expect(page.getByTestId('unit-count')).toHaveText('40');
	await expect(page.getByRole('heading', { name: '需特别关照的住户' })).toHaveCount(0);
	await expect(page.getByRole('cell', { name: '老人' })).toHaveCount(0);
});
