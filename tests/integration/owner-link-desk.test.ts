import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFromDesk } from '../../src/lib/server/desk-filing.js';
import { events } from '../../src/lib/server/db/schema/index.js';
import { demoResidents } from '../../src/lib/server/demo-seed.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { smsSender, type SmsSender } from '../../src/lib/server/notify/sms.js';
import {
	activeOwnerLinks,
	ownerLinkPanel,
	sendOwnerLink,
	withdrawOwnerLinks
} from '../../src/lib/server/owner-link-desk.js';
import { mintOwnerLink, resolveOwnerLink } from '../../src/lib/server/owner-links.js';
import { loadOwnerStatus } from '../../src/lib/server/owner-status.js';
import type { Ticket } from '../../src/lib/server/tickets.js';
import { demoDesk } from '../helpers/desk.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/test-database.js';

// The desk texts an owner who phoned in a link to follow their request, and withdraws links.

let database: TestDatabase;
let desk: Awaited<ReturnType<typeof demoDesk>>;
let unitIds: string[];
const people = demoResidents(40);
const ORIGIN = 'https://desk.example.cn';
const T0 = new Date('2026-11-23T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** The real gateway's file outbox, one per test file. */
const outbox = join(tmpdir(), `lobbydesk-owner-link-${crypto.randomUUID()}.jsonl`);
const send: SmsSender = smsSender({ kind: 'file', path: outbox });
const texts = (): { to: string; text: string }[] => {
	try {
		return readFileSync(outbox, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as { to: string; text: string });
	} catch {
		return [];
	}
};

beforeAll(async () => {
	database = await createDemoDatabase();
	desk = await demoDesk(database, 0);
	unitIds = (await kioskUnits(database.db, desk.siteId)).map((u) => u.id);
});
afterAll(async () => {
	rmSync(outbox, { force: true });
	await database.dispose();
});

/** A repair filed by the desk for a caller at demo home `home`, with the phone they gave. */
function phonedIn(home: number, callerPhone: string): Promise<Ticket> {
	return fileFromDesk(database.db, {
		siteId: desk.siteId,
		staffId: desk.staff.assistant,
		request: {
			type: 'repair',
			channel: 'phone',
			unitId: unitIds[home] ?? '',
			callerName: '张先生',
			callerPhone,
			category: 'water',
			description: '卫生间漏水，电话报修'
		},
		preferredAt: null,
		idempotencyKey: crypto.randomUUID()
	});
}

const text = (ticket: Ticket, now: Date, by = send) =>
	sendOwnerLink(
		database.db,
		{ ticketId: ticket.id, staffId: desk.staff.assistant, origin: ORIGIN, send: by },
		now
	);

function linkEvents(ticket: Ticket) {
	return database.db
		.select({
			seq: events.seq,
			type: events.type,
			actorStaffId: events.actorStaffId,
			data: events.data
		})
		.from(events)
		.where(and(eq(events.ticketId, ticket.id), like(events.type, 'owner_link.%')))
		.orderBy(asc(events.seq));
}

describe('texting the owner a follow link', () => {
	it('sends a new link to the reporter’s mobile on record, and the link opens the request', async () => {
		const owner = people[1]?.[0];
		if (!owner) throw new Error('no demo resident');
		const ticket = await phonedIn(1, owner.phone);
		const before = texts().length;

		const result = await text(ticket, T0);
		expect(result).toMatchObject({ ok: true, phoneLast4: owner.phone.slice(-4) });

		const sent = texts().slice(before);
		expect(sent).toHaveLength(1);
		expect(sent[0]?.to).toBe(owner.phone);
		expect(sent[0]?.text).toContain(ticket.serial);
		const link = /https:\/\/desk\.example\.cn\/o\/([a-z2-7]{32})/.exec(sent[0]?.text ?? '');
		const token = link?.[1] ?? '';
		expect(token).toHaveLength(32);
		const opened = await resolveOwnerLink(database.db, token, at(1));
		expect(opened).toMatchObject({ ok: true, ticketId: ticket.id });
		const status = await loadOwnerStatus(database.db, ticket.id);
		expect(status.serial).toBe(ticket.serial);
		expect(status.page.timeline.map((e) => e.kind)).toEqual(['filed']);

		const recorded = await linkEvents(ticket);
		expect(recorded.map((e) => e.type)).toEqual(['owner_link.sent']);
		expect(recorded[0]?.actorStaffId).toBe(desk.staff.assistant);
		expect(recorded[0]?.data).toMatchObject({
			serial: ticket.serial,
			phoneLast4: owner.phone.slice(-4)
		});
		const data = JSON.stringify(recorded);
		expect(data).not.toContain(token);
		expect(data).not.toContain(owner.phone.slice(0, 7));
		expect(
			await ownerLinkPanel(database.db, { id: ticket.id, reporterPhone: owner.phone }, true, at(1))
		).toEqual({ phoneLast4: owner.phone.slice(-4), active: 1, canText: true });
	});

	it('sends to a caller’s own mobile as the desk recorded it, spaces and all', async () => {
		const ticket = await phonedIn(2, '138 0000 2468');
		expect(await text(ticket, T0)).toMatchObject({ ok: true, phoneLast4: '2468' });
		expect(texts().at(-1)?.to).toBe('13800002468');
	});

	it('allows three texts an hour per ticket, then says when the next may go', async () => {
		const ticket = await phonedIn(3, '13800003333');
		for (const minute of [0, 10, 20]) {
			expect(await text(ticket, at(minute)), `at +${minute}`).toMatchObject({ ok: true });
		}
		const before = texts().length;
		expect(await text(ticket, at(30))).toEqual({
			ok: false,
			error: 'ownerLinkTooMany',
			retryAt: at(60)
		});
		expect(texts()).toHaveLength(before);
		expect(await text(ticket, at(61))).toMatchObject({ ok: true });
		// Another ticket has its own hour.
		expect(await text(await phonedIn(3, '13800003333'), at(31))).toMatchObject({ ok: true });
	});

	it('counts two sendings at once one after the other', async () => {
		const ticket = await phonedIn(4, '13800004444');
		await text(ticket, T0);
		await text(ticket, at(1));
		const results = await Promise.all([text(ticket, at(2)), text(ticket, at(2))]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect((await linkEvents(ticket)).filter((e) => e.type === 'owner_link.sent')).toHaveLength(3);
	});

	it('withdraws the link of a text the gateway refused, and does not count it', async () => {
		const ticket = await phonedIn(5, '13800005555');
		const refusing: SmsSender = () => Promise.resolve(false);
		for (let i = 0; i < 4; i++) {
			expect(await text(ticket, at(i), refusing)).toEqual({
				ok: false,
				error: 'ownerLinkSendFailed'
			});
		}
		expect(await activeOwnerLinks(database.db, ticket.id, at(5))).toBe(0);
		const recorded = await linkEvents(ticket);
		expect(recorded.map((e) => e.type)).toEqual([
			'owner_link.sent',
			'owner_link.send_failed',
			'owner_link.sent',
			'owner_link.send_failed',
			'owner_link.sent',
			'owner_link.send_failed',
			'owner_link.sent',
			'owner_link.send_failed'
		]);
		expect(recorded[1]?.data).toMatchObject({ sentSeq: recorded[0]?.seq, phoneLast4: '5555' });
		expect(await text(ticket, at(6))).toMatchObject({ ok: true });
	});

	it('is refused without a mobile on record or without a gateway, leaving nothing behind', async () => {
		const landline = await phonedIn(6, '0755-88886666');
		const emergency = await desk.file('emergency');
		for (const ticket of [landline, emergency]) {
			expect(await text(ticket, T0)).toEqual({ ok: false, error: 'ownerLinkNoPhone' });
		}
		const mobile = await phonedIn(6, '13800006666');
		expect(await text(mobile, T0, null as unknown as SmsSender)).toEqual({
			ok: false,
			error: 'ownerLinkNoGateway'
		});
		for (const ticket of [landline, emergency, mobile]) {
			expect(await linkEvents(ticket)).toEqual([]);
			expect(await activeOwnerLinks(database.db, ticket.id, T0)).toBe(0);
		}
		expect(
			await ownerLinkPanel(database.db, { id: landline.id, reporterPhone: '0755-88886666' }, true)
		).toMatchObject({ phoneLast4: null });
	});
});

describe('withdrawing the owner’s links', () => {
	it('ends every link that still works, the receipt’s too, and says how many', async () => {
		const ticket = await phonedIn(7, '13800007777');
		const receipt = await mintOwnerLink(database.db, ticket.id, T0);
		await text(ticket, T0);
		const token = /\/o\/([a-z2-7]{32})/.exec(texts().at(-1)?.text ?? '')?.[1] ?? '';
		expect(await activeOwnerLinks(database.db, ticket.id, at(1))).toBe(2);

		expect(
			await withdrawOwnerLinks(
				database.db,
				{ ticketId: ticket.id, staffId: desk.staff.supervisor },
				at(2)
			)
		).toEqual({ ok: true, withdrawn: 2 });
		for (const t of [receipt.token, token]) {
			expect(await resolveOwnerLink(database.db, t, at(3))).toEqual({
				ok: false,
				reason: 'revoked'
			});
		}
		const recorded = await linkEvents(ticket);
		expect(recorded.at(-1)).toMatchObject({
			type: 'owner_link.revoked',
			actorStaffId: desk.staff.supervisor,
			data: { serial: ticket.serial, count: 2 }
		});
		expect(
			await withdrawOwnerLinks(
				database.db,
				{ ticketId: ticket.id, staffId: desk.staff.supervisor },
				at(4)
			)
		).toEqual({ ok: false, error: 'ownerLinkNoneActive' });
		expect((await linkEvents(ticket)).filter((e) => e.type === 'owner_link.revoked')).toHaveLength(
			1
		);
		// A new text afterwards makes a new, working link.
		expect(await text(ticket, at(5))).toMatchObject({ ok: true });
		expect(await activeOwnerLinks(database.db, ticket.id, at(5))).toBe(1);
	});
});
