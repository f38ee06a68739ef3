import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	sessionIdOf
} from '../../src/lib/server/auth/session.js';
import { hashToken } from '../../src/lib/server/auth/tokens.js';
import {
	pairDevice,
	registerDevice,
	renewPairingCode,
	revokeDevice
} from '../../src/lib/server/devices.js';
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

async function pairedDisplay() {
	const { device, code } = await registerDevice(database.db, {
		siteId,
		kind: 'display',
		audience: 'lobby',
		name: 'wall',
		actor: { kind: 'system' }
	});
	const paired = await pairDevice(database.db, code);
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
			device: null
		});
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
		await pairDevice(database.db, code ?? '');
		const fine = await pairedDisplay();

		const stale = await staleCredentials(
			database.db,
			[kept, ended, expired].map(sessionIdOf),
			[revoked, moved, fine].map((d) => hashToken(d.token))
		);
		expect(stale.sessionIds).toEqual(new Set([sessionIdOf(ended), sessionIdOf(expired)]));
		expect(stale.deviceTokenHashes).toEqual(
			new Set([hashToken(revoked.token), hashToken(moved.token)])
		);
	});
});
