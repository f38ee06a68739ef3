import { expect, test, type Browser, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { io } from 'socket.io-client';
import { signIn } from './helpers.js';
import { freshDatabase, spawnServer, type ServerProcess } from './server-process.js';
import { freshName, freshPhone, freshResidentId, registerAtKiosk } from './visitor-desk-helpers.js';

// The visitor desk's clockwork, seen as staff see it: a pass still open at the site's midnight is
// closed by itself and listed the next morning; past the retention period the log keeps the visit
// but not the person. On a server of its own whose clock the test moves forward (clock-shift.ts).

const PORT = 4406;
const CLOCK_FILE = join(tmpdir(), `lobbydesk-e2e-clock-${PORT}.txt`);
const DAY = 24 * 60 * 60_000;

let server: ServerProcess;
test.beforeAll(async () => {
	writeFileSync(CLOCK_FILE, '0');
	server = spawnServer(
		PORT,
		{
			NODE_OPTIONS: `--import ${pathToFileURL(resolve('tests/e2e/clock-shift.ts')).href}`,
			LOBBYDESK_TEST_CLOCK_FILE: CLOCK_FILE,
			LOBBYDESK_CLOCK_SWEEP_MS: '500'
		},
		await freshDatabase(`lobbydesk_e2e_${PORT}`)
	);
	await server.ready();
});
test.afterAll(async () => {
	await server?.stop();
});

/**
 * Moves the server's clock to `at` (real time plus the difference), and waits until the server
 * keeps that time: the `hello` its sockets get on connecting carries its clock.
 */
async function serverClockAt(at: Date) {
	const offset = at.getTime() - Date.now();
	writeFileSync(CLOCK_FILE, String(offset));
	await expect
		.poll(async () => {
			const socket = io(server.baseURL, { transports: ['websocket'], reconnection: false });
			try {
				const serverTime = await new Promise<number>((resolve, reject) => {
					socket.once('hello', ({ serverTime }: { serverTime: number }) => resolve(serverTime));
					socket.once('connect_error', reject);
				});
				return Math.abs(serverTime - (Date.now() + offset));
			} finally {
				socket.disconnect();
			}
		})
		.toBeLessThan(5_000);
}

/** The next midnight in Shanghai after `now`. */
function nextShanghaiMidnight(now: Date): Date {
	const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
	return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + DAY);
}

async function pageOn(browser: Browser): Promise<Page> {
	return (await browser.newContext({ baseURL: server.baseURL })).newPage();
}

test('a pass left open is closed at midnight and listed; past retention the log forgets the person', async ({
	browser
}) => {
	test.slow();
	const visitor = { name: freshName(), phone: freshPhone(), idNumber: freshResidentId() };
	const kiosk = await pageOn(browser);
	const visitId = await registerAtKiosk(kiosk, 5, visitor);
	const registered = new Date();

	const desk = await pageOn(browser);
	await signIn(desk, 'assistant');
	await desk.goto('/console/visitors');
	await desk
		.locator(`article[data-visit="${visitId}"]`)
		.getByRole('button', { name: '批准' })
		.click();
	await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('访客通行证');
	const pass = (await kiosk.getByTestId('visit-pass-number').textContent()) ?? '';
	const check = (await kiosk.getByTestId('visit-pass-check').textContent()) ?? '';

	// The visitor leaves without signing out; the site's midnight passes.
	await serverClockAt(new Date(nextShanghaiMidnight(registered).getTime() + 60_000));
	const closed = desk
		.getByRole('region', { name: '昨夜自动签离' })
		.locator(`tr[data-pass="${pass}"]`);
	await expect(async () => {
		await desk.reload();
		await expect(closed).toBeVisible({ timeout: 1_000 });
	}).toPass({ timeout: 20_000 });
	await expect(closed).toContainText(visitor.name);
	await expect(desk.locator(`tr[data-pass="${pass}"]`)).toHaveCount(1); // not on site any more

	// The pass no longer signs out at the kiosk: it is closed.
	await kiosk.goto('/kiosk/visit/sign-out');
	await kiosk.getByLabel('通行证号').fill(pass);
	await kiosk.getByLabel('签离码').fill(check);
	await kiosk.getByLabel('签离码').press('Enter');
	await expect(kiosk.locator('#pass-error')).toHaveText('这张通行证已经签离或已失效');

	// 181 days on (the site keeps visitors' data 180): the visit stays, the person goes.
	await serverClockAt(new Date(registered.getTime() + 181 * DAY));
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(registered);
	const row = desk.locator(`tr[data-visit="${visitId}"]`);
	// The session ran out with the months; the assistant signs in again.
	await signIn(desk, 'assistant');
	await expect(async () => {
		await desk.goto('/console/visitors/log');
		await desk.getByLabel('开始日期').fill(day);
		await desk.getByLabel('结束日期').fill(day);
		await desk.getByRole('button', { name: '查询' }).click();
		await expect(row).toContainText('已匿名', { timeout: 1_000 });
	}).toPass({ timeout: 20_000 });
	await expect(row).toContainText(pass);
	await expect(row).not.toContainText(visitor.name);
	await expect(row).not.toContainText(visitor.phone);
	await kiosk.context().close();
	await desk.context().close();
});
