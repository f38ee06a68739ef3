import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freshDatabase, spawnServer, type ServerProcess } from './server-process.js';

// A display paired in the browser, kept live by staff changes, cut off when revoked, and
// recovering by itself from a server restart. Its own server, so a restart disturbs no one else.
test.describe.configure({ mode: 'serial' });

const PORT = 4403;
const dataDir = mkdtempSync(join(tmpdir(), 'lobbydesk-devices-'));
let databaseUrl: string | undefined;
let server: ServerProcess;

const start = async () => {
	server = spawnServer(PORT, { LOBBYDESK_DATA_DIR: dataDir }, databaseUrl);
	await server.ready();
};

test.beforeAll(async () => {
	// A first start migrates and seeds a fresh database: give a busy machine time for it.
	test.setTimeout(90_000);
	databaseUrl = await freshDatabase(`lobbydesk_e2e_${PORT}`);
	await start();
});
test.afterAll(async () => {
	await server?.stop();
});

async function open(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.baseURL });
	return context.newPage();
}

async function signIn(page: Page, username: string) {
	await page.goto('/console/sign-in');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill('lobbydesk');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/console$/);
}

let admin: Page;
let display: Page;

test('an administrator registers a display and pairs it by typing the code on it', async ({
	browser
}) => {
	admin = await open(browser);
	await signIn(admin, 'admin');
	await admin.getByRole('link', { name: '终端与显示屏' }).click();
	await admin.getByRole('button', { name: '登记新设备' }).click();
	await expect(admin.getByText('请给设备起个名字，例如「一楼大厅终端」')).toBeVisible();
	await admin.getByLabel('设备名称').fill('大堂显示屏');
	await admin.getByLabel('类型').selectOption('display');
	await admin.getByRole('button', { name: '登记新设备' }).click();
	const code = (await admin.getByTestId('pairing-code').textContent()) ?? '';
	expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

	display = await open(browser);
	await display.goto('/pair');
	await display.getByLabel('配对码').fill(code.toLowerCase());
	await display.getByRole('button', { name: '配对' }).click();
	await expect(display).toHaveURL(/\/display$/);
	await expect(display.getByRole('heading', { name: '服务动态' })).toBeVisible();
	await expect(display.getByTestId('open-count')).toHaveText('2');

	// The code works once.
	const other = await open(browser);
	await other.goto('/pair');
	await other.getByLabel('配对码').fill(code);
	await other.getByRole('button', { name: '配对' }).click();
	await expect(other.getByText('配对码无效或已过期，请向管理员重新获取')).toBeVisible();
	await other.context().close();

	await admin.reload();
	await expect(admin.locator('tr[data-device="大堂显示屏"]')).toContainText('在线');
});

test('a staff member takes a request and the display shows it at once, without reloading', async ({
	browser
}) => {
	const assistant = await open(browser);
	await signIn(assistant, 'assistant');
	const row = assistant.locator('tr[data-serial^="R-"]');
	const serial = (await row.getAttribute('data-serial')) ?? '';
	await row.getByRole('button', { name: '受理' }).click();
	await expect(row.locator('.status')).toHaveText('已受理');
	await expect(assistant.getByTestId('feed')).toContainText('受理了工单');

	await expect(display.locator(`tr[data-serial="${serial}"] .status`)).toHaveText('已受理');
	await assistant.context().close();
});

test('the display says it is reconnecting while the server is away, and recovers by itself', async () => {
	await server.stop();
	await expect(display.getByText('连接中断，正在重新连接…')).toBeVisible();
	await start();
	await expect(display.getByText('连接中断，正在重新连接…')).toBeHidden({ timeout: 15_000 });
	await expect(display.getByTestId('open-count')).toHaveText('2');
});

test('revoking the display cuts it off live; afterwards it is just an unpaired browser', async () => {
	await admin.goto('/console/devices');
	await admin.locator('tr[data-device="大堂显示屏"]').getByRole('button', { name: '停用' }).click();
	await expect(admin.locator('tr[data-device="大堂显示屏"]')).toContainText('已停用');

	await expect(display.getByRole('heading', { name: '本显示屏已被停用' })).toBeVisible();
	await display.reload();
	await expect(display.getByRole('status')).toHaveText('本终端尚未配对，请联系物业管理处。');
});

test('a kiosk left open shows online, and revoking it turns it back into an unpaired screen at once', async ({
	browser
}) => {
	const kiosk = await open(browser);
	await kiosk.goto('/');
	await kiosk.getByRole('button', { name: '演示：把本机用作自助终端' }).click();
	await expect(kiosk.getByRole('link', { name: /报修/ })).toBeVisible();

	await admin.goto('/console/devices');
	const row = admin.locator('tr[data-device="演示终端 Demo kiosk"]');
	await expect(row).toContainText('在线');
	await row.getByRole('button', { name: '停用' }).click();
	await expect(row).toContainText('已停用');

	await expect(kiosk.getByRole('status')).toHaveText('本终端尚未配对，请联系物业管理处。');
	await expect(kiosk.getByRole('link', { name: /报修/ })).toHaveCount(0);
});
