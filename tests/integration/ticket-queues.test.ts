import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_VALUES } from '../../src/lib/domain/ticket-action-input.js';
import type { QueueQuery } from '../../src/lib/domain/ticket-queues.js';
import { residents, tickets } from '../../src/lib/server/db/schema/index.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { kioskUnits, type KioskUnit } from '../../src/lib/server/kiosk.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { listQueue } from '../../src/lib/server/ticket-queues.js';
import { actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { fileTicket } from '../../src/lib/server/tickets.js';
import { createDemoDatabase, staffIdOf, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;
let units: KioskUnit[];
let assistant: string;
let engineer: string;
const people = demoResidents(40);

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
	units = await kioskUnits(database.db, siteId);
	assistant = await staffIdOf(database, 'assistant');
	engineer = await staffIdOf(database, 'engineer');
});
afterAll(() => database.dispose());

const query = (extra: Partial<QueueQuery> = {}): QueueQuery => ({
	queue: 'open',
	type: null,
	status: null,
	search: '',
	...extra
});

function file(home: number, description: string, type: 'repair' | 'consultation' = 'repair') {
	return fileTicket(database.db, {
		siteId,
		type,
		category: type === 'repair' ? 'water' : 'fees',
		channel: 'kiosk',
		unitId: units[home]?.id ?? null,
		reporterResidentId: null,
		description,
		actor: { kind: 'system' }
	});
}

const list = (extra: Partial<QueueQuery> = {}, role: 'assistant' | 'engineer' = 'assistant') =>
	listQueue(
		database.db,
		siteId,
		{ staffId: role === 'assistant' ? assistant : engineer, role },
		query(extra)
	);

describe('the console lists', () => {
	it('put owners who need special care first among equals, then the longest waiting', async () => {
		// Home 3 is an elderly owner's (demo seed); home 4 is not.
		const plain = await file(4, '普通报修');
		const care = await file(3, '老人家报修');
		const low = await file(3, '咨询物业费', 'consultation');
		const serials = (await list({ queue: 'new' })).map((t) => t.serial);
		expect(serials.indexOf(care.serial)).toBeLessThan(serials.indexOf(plain.serial));
		// Priority still comes first: a consultation (low) follows every repair (normal).
		expect(serials.indexOf(plain.serial)).toBeLessThan(serials.indexOf(low.serial));
	});

	it('give each person their own and their team’s tickets, and the follow-ups due', async () => {
		const ticket = await file(6, '门锁坏了');
		const dispatched = await actOnTicket(database.db, {
			siteId,
			ticketId: ticket.id,
			action: 'dispatch',
			actor: { staffId: assistant, role: 'assistant' },
			values: { ...NO_VALUES, staffId: engineer }
		});
		expect(dispatched.ok).toBe(true);
		const serialsOf = async (extra: Partial<QueueQuery>, role?: 'engineer') =>
			(await list(extra, role)).map((t) => t.serial);
		expect(await serialsOf({ queue: 'mine' }, 'engineer')).toContain(ticket.serial);
		expect(await serialsOf({ queue: 'team' }, 'engineer')).toContain(ticket.serial);
		expect(await serialsOf({ queue: 'mine' })).not.toContain(ticket.serial);
		expect(await serialsOf({ queue: 'new' })).not.toContain(ticket.serial);

		await actOnTicket(database.db, {
			siteId,
			ticketId: ticket.id,
			action: 'resolve',
			actor: { staffId: engineer, role: 'engineer' },
			values: { ...NO_VALUES, text: '换锁芯' }
		});
		expect(await serialsOf({ queue: 'follow_up' })).toContain(ticket.serial);
		expect(await serialsOf({ queue: 'follow_up', type: 'consultation' })).not.toContain(
			ticket.serial
		);
	});

	it('list the open tickets escalated to the director', async () => {
		const ticket = await file(12, '下水道反复堵塞');
		const act = (action: 'claim' | 'resolve' | 'follow_up' | 'close', text = '') =>
			actOnTicket(database.db, {
				siteId,
				ticketId: ticket.id,
				action,
				actor: { staffId: assistant, role: 'assistant' },
				values: {
					...NO_VALUES,
					...(action === 'resolve' ? { text: '已疏通' } : {}),
					...(action === 'follow_up' ? { satisfaction: 'dissatisfied' as const, reason: text } : {})
				}
			});
		const escalatedSerials = async () => (await list({ queue: 'escalated' })).map((t) => t.serial);
		for (const step of ['claim', 'resolve', 'follow_up'] as const) {
			expect((await act(step, '还是堵')).ok).toBe(true);
		}
		// Once dissatisfied: reopened, not escalated.
		expect(await escalatedSerials()).not.toContain(ticket.serial);
		for (const step of ['claim', 'resolve', 'follow_up'] as const) {
			expect((await act(step, '第二次还是堵')).ok).toBe(true);
		}
		expect(await escalatedSerials()).toContain(ticket.serial);
		// A guard reads tickets too and sees the same list; closed ones leave it.
		const guard = { staffId: await staffIdOf(database, 'guard'), role: 'guard' as const };
		const guardList = await listQueue(database.db, siteId, guard, query({ queue: 'escalated' }));
		expect(guardList.map((t) => t.serial)).toContain(ticket.serial);
		await database.db.update(tickets).set({ status: 'closed' }).where(eq(tickets.id, ticket.id));
		expect(await escalatedSerials()).not.toContain(ticket.serial);
	});

	it('find a ticket by its serial, its home or the phone on record, closed ones too', async () => {
		const ticket = await file(9, '阳台晾衣架坏了');
		const home = units[9];
		const phone = people[9]?.[0]?.phone ?? '';
		const [resident] = await database.db
			.select({ id: residents.id })
			.from(residents)
			.where(eq(residents.phone, phone));
		await database.db
			.update(tickets)
			.set({ status: 'closed', reporterResidentId: resident?.id ?? null })
			.where(eq(tickets.id, ticket.id));
		for (const search of [
			ticket.serial,
			`${home?.building}-${home?.entrance}-${home?.room}`,
			phone.slice(-6)
		]) {
			expect(
				(await list({ search })).map((t) => t.serial),
				search
			).toContain(ticket.serial);
		}
		expect((await list()).map((t) => t.serial)).not.toContain(ticket.serial);
		expect(await list({ search: '%' })).toEqual([]);
		// A guard finds by serial or home, never by a phone number.
		const guard = { staffId: await staffIdOf(database, 'guard'), role: 'guard' as const };
		const guardFinds = async (search: string) =>
			(await listQueue(database.db, siteId, guard, query({ search }))).map((t) => t.serial);
		expect(await guardFinds(ticket.serial)).toContain(ticket.serial);
		expect(await guardFinds(phone.slice(-6))).not.toContain(ticket.serial);
	});
});
