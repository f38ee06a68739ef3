import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { freshDatabase } from './fault-database.js';
import { createCluster, freePort, type PgCluster } from './pg-cluster.js';
import { demoHome, pairDemo, signIn } from '../e2e/helpers.js';
import { spawnServer, type ServerProcess } from '../e2e/server-process.js';

// The database goes away under a running app and comes back. Nobody restarts the app: it must
// say what is wrong while it lasts, keep what the owner typed, and pick up by itself afterwards.

let cluster: PgCluster;
let server: ServerProcess;
let databaseUrl: string;
test.beforeAll(async () => {
	cluster = await createCluster();
	databaseUrl = await freshDatabase(cluster, 'outage');
	server = spawnServer(await freePort(), {}, databaseUrl);
	await server.ready();
});
test.afterAll(async () => {
	await server?.stop();
	cluster?.remove();
});

const readyz = async () => (await fetch(`${server.baseURL}/readyz`)).status;

async function fillRepair(page: Page, where: ReturnType<typeof demoHome>, description: string) {
	await page.getByRole('link', { name: /报修/ }).click();
	await page.getByLabel('房屋').selectOption({ label: where.zh });
	await page.getByLabel('预留手机号后 4 位').fill(where.last4);
	await page.getByText('水管 / 漏水').click();
	await page.getByLabel('请描述情况').fill(description);
}

test('database outage: readyz, the kiosk and the console say so; afterwards all recovers and the draft is filed once', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const where = demoHome(3);
	const description = '地下车库顶板滴水（停库测试）';
	const kiosk = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
	const desk = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
	await signIn(desk, 'assistant');
	await expect(desk.getByTestId('live-count')).toBeVisible();
	await pairDemo(kiosk, 'kiosk');
	await fillRepair(kiosk, where, description);
	expect(await readyz()).toBe(200);

	cluster.stop('fast');

	// The load balancer's probe, the desk and the kiosk each say it their way.
	await expect.poll(readyz, { timeout: 10_000 }).toBe(503);
	const offline = desk.getByTestId('offline');
	await expect(offline).toContainText('系统离线', { timeout: 10_000 });
	await kiosk.getByRole('button', { name: '提交' }).click();
	const alert = kiosk.getByRole('alert');
	await expect(alert).toContainText('网络暂时中断');
	await expect(alert).toContainText('您填写的内容已保存');
	await expect(kiosk.getByLabel('请描述情况')).toHaveValue(description);
	await expect(kiosk.getByLabel('预留手机号后 4 位')).toHaveValue(where.last4);
	// A desk action meanwhile is refused with a plain word, not a stack trace.
	const answer = await desk.request.get('/console/tickets');
	expect(answer.status()).toBeGreaterThanOrEqual(500);
	expect(await answer.text()).toContain('系统离线');
	// Several automatic tries fail while it lasts; what was typed stays.
	await kiosk.waitForTimeout(5_000);
	await expect(alert).toContainText('网络暂时中断');

	cluster.start();

	// Same app process, no restart: it answers again, the desk is live again, the kiosk's kept
	// draft goes through by itself and the desk sees the new request arrive live.
	await expect.poll(readyz, { timeout: 15_000 }).toBe(200);
	expect(server.child.exitCode).toBeNull();
	await expect(offline).toHaveCount(0, { timeout: 15_000 });
	await expect(kiosk.getByRole('heading', { name: '已收到您的需求' })).toBeVisible({
		timeout: 30_000
	});
	const serial = (await kiosk.getByTestId('serial').textContent()) ?? '';
	expect(serial).toMatch(/^R-\d{8}-\d{3}$/);
	await expect(desk.locator(`tr[data-serial="${serial}"]`)).toContainText(where.zh, {
		timeout: 15_000
	});

	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const rows = await sql<{ serial: string; filed: number }[]>`
			select t.serial,
				(select count(*)::int from events e where e.ticket_id = t.id and e.type = 'ticket.filed') as filed
			from tickets t where t.description = ${description}`;
		expect(rows).toEqual([{ serial, filed: 1 }]);
	} finally {
		await sql.end();
	}
});
