import { expect, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { OPEN_STATUSES } from '../../src/lib/domain/public-ticket.js';
import type { TicketStatus } from '../../src/lib/domain/vocabulary.js';
import { statusLabel } from '../../src/lib/i18n/labels.js';
import { messagesFor } from '../../src/lib/i18n/messages.js';
import { pairDemo } from '../e2e/helpers.js';

/**
 * The lobby's wall display in Chromium, read as a person reads it: which serials it lists and
 * the status shown beside each, set against the open tickets the database holds.
 */

const zh = messagesFor('zh-CN');

/**
 * A wall display paired through the home page's demo button, tall enough to list every open
 * ticket on one page (a real wall pages through a longer list every ten seconds).
 */
export async function openWall(browser: Browser, baseURL: string, height = 8000): Promise<Page> {
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height } });
	const wall = await context.newPage();
	await pairDemo(wall, 'display');
	await expect(wall.getByRole('heading', { level: 1 })).toHaveText(zh.displayTitle);
	return wall;
}

/** `serial status` for every row the wall shows, sorted by serial. */
export async function wallRows(wall: Page): Promise<string[]> {
	const rows = await wall
		.locator('tr[data-serial]')
		.evaluateAll((trs) =>
			trs.map(
				(tr) => `${tr.getAttribute('data-serial')} ${tr.querySelector('.status')?.textContent}`
			)
		);
	return rows.sort();
}

/** `serial status` for every open ticket in the database, as the wall labels statuses. */
export async function openTickets(databaseUrl: string): Promise<string[]> {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const rows = await sql<{ serial: string; status: TicketStatus }[]>`
			select serial, status from tickets where status in ${sql([...OPEN_STATUSES])}`;
		return rows.map((r) => `${r.serial} ${statusLabel(zh, r.status)}`).sort();
	} finally {
		await sql.end();
	}
}

/**
 * Waits until the wall lists exactly the database's open tickets with their statuses, all on one
 * page (no pager: nothing hidden on a page not shown), with the link up (no reconnecting banner).
 */
export async function expectWallShowsDatabase(wall: Page, databaseUrl: string): Promise<void> {
	const expected = await openTickets(databaseUrl);
	await expect(wall.getByText(zh.connectionReconnecting)).toBeHidden({ timeout: 30_000 });
	await expect.poll(() => wallRows(wall), { timeout: 30_000 }).toEqual(expected);
	await expect(wall.getByTestId('open-count')).toHaveText(String(expected.length));
	await expect(wall.getByTestId('display-page')).toHaveCount(0);
}
