import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_TICKET_FIELDS } from '../../src/lib/domain/public-ticket.js';
import { residents } from '../../src/lib/server/db/schema/index.js';
import { openPublicTickets } from '../../src/lib/server/public-board.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
	database = await createDemoDatabase();
});
afterAll(() => database.dispose());

describe('the public board', () => {
	it('lists open tickets with codes only: no name, phone, room or description', async () => {
		const site = await defaultSite(database.db);
		const board = await openPublicTickets(database.db, site?.id ?? '');
		expect(board.length).toBeGreaterThan(0);
		for (const ticket of board) {
			expect(Object.keys(ticket).sort()).toEqual([...PUBLIC_TICKET_FIELDS].sort());
		}
		const payload = JSON.stringify(board);
		for (const person of await database.db.select().from(residents)) {
			expect(payload).not.toContain(person.name);
			expect(payload).not.toContain(person.phone);
		}
		expect(payload).not.toContain('漏水');
		expect(payload).not.toMatch(/"\d0\d"/);
	});
});
