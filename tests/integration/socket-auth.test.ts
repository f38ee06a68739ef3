import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	sessionIdOf
} from '../../src/lib/server/auth/session.js';
import { hashToken } from '../../src/lib/server/auth/tokens.js';
import {
	pairDemoDevice,
	registerDevice,
	renewPairingCode,
	revokeDevice
} from '../../src/lib/server/devices.js';
import { eq } from 'drizzle-orm';
import { households, ownerLinks } from '../../src/lib/server/db/schema/index.js';
import { mintHouseholdLink } from '../../src/lib/server/household-links.js';
import { identify, staleCredentials } from '../../src/lib/server/realtime/socket-auth.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { endSessions } from '../../src/lib/server/staff.js';
import { createDemoDatabase, type TestDatabase, staffIdOf } from '../helpers/test-database.js';

let database: TestDatabase;
let siteId: string;

beforeAll(async () => {
	database = await createDemoDatabase();
	siteId = (await defaultSite(database.db))?.id ?? '';
});
afterAll(() => database.dispose());

const userId = (username: string) => staffIdOf(database, username);
const DAY = 24 * 60 * 60 * 1000;

async function pairedDisplay() {
	const { device, code } = await registerDevice(database.db, {
		siteId,
		kind: 'display',
		audience: 'lobby',
		name: 'wall',
		actor: { kind: 'system' }
	});
	const paired = await pairDemoDevice(database.db, code);
	if (!paired) throw new Error('pairing failed');
	return { id: device.id, token: paired.token };
}

describe('who is at the other end of a socket', () => {
	it('is read from the cookies, without renewing the session (a socket cannot set a cookie)', async () => {
		const token = generateSessionToken();
		const start = new Date(Date.now() - 20 * 24 * 60 * 60 * 1000);
		const session = await createSession(database.db, token, await userId('guard'), {}, start);
		const display = await pairedDisplay();
		const identity = await identify(database.db, {
			cookie: `lobbydesk_session=${token}; lobbydesk_device=${display.token}`
		});
		expect(identity.user).toMatchObject({ sessionId: session.id, mustChangePassword: false });
		expect(identity.user?.roles).toEqual([{ siteId, role: 'guard' }]);
		expect(identity.device).toMatchObject({
			id: display.id,
			kind: 'display',
			tokenHash: hashToken(display.token)
		});
		const [again] = await database.db.query.sessions.findMany({
			where: (s, { eq }) => eq(s.id, session.id)
		});
		expect(again?.expiresAt.getTime()).toBe(session.expiresAt.getTime());
	});

	it('is nobody for a made-up or malformed cookie', async () => {
		expect(
			await identify(database.db, { cookie: 'lobbydesk_session=nope; lobbydesk_device=%E0%A4%A' })
		).toEqual({
			user: null,
			device: null,
			household: null
		});
	});

	it('is a household by its phone link in the handshake, for a link that still opens the page', async () => {
		const [household] = await database.db.select({ id: households.id }).from(households).limit(1);
		const link = await mintHouseholdLink(database.db, household?.id ?? '');
		expect((await identify(database.db, {}, { household: link.token })).household).toEqual({
			householdId: household?.id,
			siteId,
			tokenHash: hashToken(link.token)
		});
		for (const auth of [{ household: 'a'.repeat(32) }, { household: 42 }, null, 'x']) {
			expect((await identify(database.db, {}, auth)).household).toBeNull();
		}
	});
});

describe('credentials that stopped working while a socket was open', () => {
	it('are found: ended or expired sessions, revoked or re-paired devices', async () => {
		const kept = generateSessionToken();
		const ended = generateSessionToken();
		const expired = generateSessionToken();
		const assistant = await userId('assistant');
		await createSession(database.db, kept, assistant);
		const endedSession = await createSession(database.db, ended, assistant);
		await createSession(
			database.db,
			expired,
			assistant,
			{},
			new Date(Date.now() - 31 * 24 * 60 * 60 * 1000)
		);
		await endSessions(database.db, assistant, { only: [endedSession.id] });

		const revoked = await pairedDisplay();
		await revokeDevice(database.db, { siteId, deviceId: revoked.id, actor: { kind: 'system' } });
		const moved = await pairedDisplay();
		const code = await renewPairingCode(database.db, { siteId, deviceId: moved.id });
		await pairDemoDevice(database.db, code ?? '');
		const fine = await pairedDisplay();

		const stale = await staleCredentials(database.db, {
			sessionIds: [kept, ended, expired].map(sessionIdOf),
			deviceTokenHashes: [revoked, moved, fine].map((d) => hashToken(d.token))
		});
		expect(stale.sessionIds).toEqual(new Set([sessionIdOf(ended), sessionIdOf(expired)]));
		expect(stale.deviceTokenHashes).toEqual(
			new Set([hashToken(revoked.token), hashToken(moved.token)])
		);
	});

	it('are found for household links: withdrawn, expired, or of a household that moved out', async () => {
		const rows = await database.db.select({ id: households.id }).from(households).limit(3);
		const [good, withdrawn, movedOut] = await Promise.all(
			rows.map((r) => mintHouseholdLink(database.db, r.id))
		);
		const old = await mintHouseholdLink(
			database.db,
			rows[0]?.id ?? '',
			new Date(Date.now() - 31 * DAY)
		);
		await database.db
			.update(ownerLinks)
			.set({ revokedAt: new Date() })
			.where(eq(ownerLinks.tokenHash, hashToken(withdrawn?.token ?? '')));
		await database.db
			.update(households)
			.set({ movedOutOn: '2026-01-01' })
			.where(eq(households.id, rows[2]?.id ?? ''));
		const hashes = [good, withdrawn, movedOut, old].map((l) => hashToken(l?.token ?? ''));
		const stale = await staleCredentials(database.db, {
			sessionIds: [],
			deviceTokenHashes: [],
			householdTokenHashes: hashes
		});
		expect(stale.householdTokenHashes).toEqual(new Set(hashes.slice(1)));
	});
});
