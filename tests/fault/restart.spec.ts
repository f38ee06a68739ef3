import { expect, test } from '@playwright/test';
import { freshDatabase } from './fault-database.js';
import {
	fileRepair,
	fileUntilAnswered,
	homes,
	inBatches,
	pairKiosk,
	type Filing
} from './kiosk-client.js';
import { createCluster, freePort, type PgCluster } from './pg-cluster.js';
import { workTicket } from './staff-client.js';
import { expectWallShowsDatabase, openWall } from './wall.js';
import { sessionCookie } from '../e2e/helpers.js';
import { spawnServer } from '../e2e/server-process.js';

// A wall display stays up while its server is stopped and started again (same port, same
// database), with kiosks filing and staff working tickets all along. Whatever happened while it
// was cut off, once the link is back the wall shows exactly the open tickets the server has.

/** A busy two-core machine may take its time; the waits are for what a person would see. */
const patiently = { timeout: 30_000 };

let cluster: PgCluster;
test.beforeAll(async () => {
	cluster = await createCluster();
});
test.afterAll(() => cluster?.remove());

/** Two kiosks filing one request after another, each sent again until answered, until stopped. */
function keepFiling(baseURL: string, cookie: string, next: () => Filing) {
	let running = true;
	const misses: string[] = [];
	const serials: string[] = [];
	const lanes = Array.from({ length: 2 }, async () => {
		while (running) {
			serials.push(
				await fileUntilAnswered(baseURL, cookie, next(), (error) => misses.push(String(error)))
			);
		}
	});
	return {
		serials,
		misses,
		stop: async () => {
			running = false;
			await Promise.all(lanes);
		}
	};
}

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
	test(`a wall connected through a restart (${signal}) ends showing exactly the server's open tickets`, async ({
		browser,
		request
	}) => {
		test.setTimeout(90_000);
		const databaseUrl = await freshDatabase(cluster, `restart_${signal.toLowerCase()}`);
		const port = await freePort();
		let server = spawnServer(port, {}, databaseUrl);
		await server.ready();
		const { baseURL } = server;
		const wall = await openWall(browser, baseURL);
		try {
			const kiosk = await pairKiosk(baseURL);
			const supervisor = await sessionCookie(request, baseURL, 'supervisor');
			const all = await homes(databaseUrl);
			let n = 0;
			const next = (): Filing => ({
				home: all[n % all.length] ?? { unitId: '', last4: '' },
				key: crypto.randomUUID(),
				description: `restart #${n++}: 水管漏水`
			});

			// The wall is live: what is filed appears on it.
			const before = await inBatches(Array.from({ length: 6 }, next), 3, (filing) =>
				fileRepair(baseURL, kiosk, filing)
			);
			await expect(wall.locator(`tr[data-serial="${before.at(-1)}"]`)).toBeVisible(patiently);
			await workTicket(request, baseURL, supervisor, before[0] ?? '', 'claim');
			await workTicket(request, baseURL, supervisor, before[1] ?? '', 'claim');
			await workTicket(request, baseURL, supervisor, before[1] ?? '', 'resolve');

			// Kiosks keep filing; the server goes away under them.
			const filing = keepFiling(baseURL, kiosk, next);
			await expect.poll(() => filing.serials.length, patiently).toBeGreaterThanOrEqual(4);
			server.child.kill(signal);
			await server.exited;
			await expect(wall.getByText('连接中断，正在重新连接…')).toBeVisible(patiently);
			// Kiosks got no answer while it was down; they keep trying.
			await expect.poll(() => filing.misses.length, patiently).toBeGreaterThan(2);
			const filedBeforeStop = filing.serials.length;

			server = spawnServer(port, {}, databaseUrl);
			await server.ready();
			await expect
				.poll(() => filing.serials.length, patiently)
				.toBeGreaterThanOrEqual(filedBeforeStop + 6);
			// Staff work tickets from before the stop and after, while kiosks still file.
			const afterStop = filing.serials.slice(filedBeforeStop);
			await workTicket(request, baseURL, supervisor, before[0] ?? '', 'resolve');
			await workTicket(request, baseURL, supervisor, before[2] ?? '', 'claim');
			await workTicket(request, baseURL, supervisor, filing.serials[0] ?? '', 'claim');
			await workTicket(request, baseURL, supervisor, afterStop[0] ?? '', 'claim');
			await workTicket(request, baseURL, supervisor, afterStop[0] ?? '', 'resolve');
			await workTicket(request, baseURL, supervisor, afterStop[1] ?? '', 'claim');
			await filing.stop();
			// Refused or unreachable while it stopped, never a server error from a half-closed app.
			expect(filing.misses.filter((m) => /not filed: 5\d\d/.test(m))).toEqual([]);

			await expectWallShowsDatabase(wall, databaseUrl);
		} finally {
			await wall.context().close();
			await server.stop();
		}
	});
}
