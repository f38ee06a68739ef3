import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitorProfiles } from '../../src/lib/server/db/schema/index.js';
import { idHash } from '../../src/lib/server/visitors/id-hash.js';
import {
	findReturningVisitor,
	registerReturning
} from '../../src/lib/server/visitors/returning-visitor.js';
import { ID, kioskVisitors, MINUTE, NOW, type KioskVisitors } from '../helpers/kiosk-visitors.js';

// A returning visitor at the kiosk: found by phone and the last four of their document, never
// asked for the number again, forgotten when they untick the box, and not found by guessing.

let f: KioskVisitors;
let siteId: string;
let kioskId: string;
beforeAll(async () => {
	f = await kioskVisitors();
	({ siteId, kioskId } = f);
});
afterAll(() => f.database.dispose());

describe('a returning visitor', () => {
	const phone = '13900004444';
	const details = (home: number) => ({
		unitId: f.homes[home]?.unitId ?? '',
		hostSurname: f.homes[home]?.surname ?? '',
		purpose: 'delivery',
		purposeText: '',
		party: '1',
		remember: true
	});

	it('is found by phone and the last 4, shown masked with their last visit to prefill', async () => {
		await f.register(4, {
			name: '孙权',
			phone,
			remember: true,
			purpose: 'maintenance',
			party: '4'
		});
		const found = await findReturningVisitor(
			f.database.db,
			{ siteId, phone, idLast4: '002x' },
			NOW
		);
		expect(found).toEqual({
			ok: true,
			visit: {
				maskedName: '孙*',
				unitId: f.homes[4]?.unitId,
				hostSurname: f.homes[4]?.surname,
				purpose: 'maintenance',
				purposeText: '',
				party: 4
			}
		});
		expect(JSON.stringify(found)).not.toContain('孙权');
	});

	it('registers from the remembered identity: same document hash and last 4, no number typed', async () => {
		const result = await registerReturning(
			f.database.db,
			{
				siteId,
				kioskId,
				phone,
				idLast4: '002X',
				details: details(5),
				idempotencyKey: crypto.randomUUID()
			},
			NOW
		);
		if (!result.ok) throw new Error(JSON.stringify(result));
		expect(result.visit).toMatchObject({
			status: 'waiting_host',
			name: '孙权',
			phone,
			idType: 'resident_id',
			idLast4: '002X',
			idHash: await idHash(f.database.db, 'resident_id', ID),
			unitId: f.homes[5]?.unitId,
			purpose: 'delivery'
		});
		expect(result.ask?.phones.length).toBeGreaterThan(0);
	});

	it('checks this visit’s details like the full form, and forgets a visitor who unticks the box', async () => {
		const input = { siteId, kioskId, phone, idLast4: '002X', idempotencyKey: crypto.randomUUID() };
		const wrong = await registerReturning(
			f.database.db,
			{ ...input, details: { ...details(5), purpose: '', party: '11' } },
			NOW
		);
		expect(wrong).toEqual({
			ok: false,
			errors: { purpose: 'visitorPurposeRequired', party: 'visitorPartyInvalid' }
		});
		const forget = await registerReturning(
			f.database.db,
			{ ...input, details: { ...details(5), remember: false } },
			NOW
		);
		expect(forget.ok).toBe(true);
		const left = await f.database.db
			.select()
			.from(visitorProfiles)
			.where(eq(visitorProfiles.phone, phone));
		expect(left).toHaveLength(0);
		expect(
			await findReturningVisitor(f.database.db, { siteId, phone, idLast4: '002X' }, NOW)
		).toEqual({ ok: false, error: 'kioskVisitReturningNotFound' });
	});

	it('stops answering for a phone after five misses, even with the right last 4', async () => {
		const guessed = '13900005555';
		await f.register(6, { phone: guessed, remember: true });
		const find = (idLast4: string) =>
			findReturningVisitor(f.database.db, { siteId, phone: guessed, idLast4 }, NOW);
		for (let i = 0; i < 4; i++) {
			expect(await find('0000')).toEqual({ ok: false, error: 'kioskVisitReturningNotFound' });
		}
		expect(await find('0000')).toEqual({ ok: false, error: 'kioskVisitReturningLocked' });
		expect(await find('002X')).toEqual({ ok: false, error: 'kioskVisitReturningLocked' });
		const later = new Date(NOW.getTime() + 11 * MINUTE);
		const found = await findReturningVisitor(
			f.database.db,
			{ siteId, phone: guessed, idLast4: '002X' },
			later
		);
		expect(found.ok).toBe(true);
	});
});
