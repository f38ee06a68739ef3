import { Server, type Socket } from 'socket.io';
import { can } from '../../domain/access.js';
import {
	SOCKET_PATH,
	type ClientToServerEvents,
	type ServerToClientEvents
} from '../../realtime/events.js';
import {
	MAX_REPLAY,
	type Audience,
	type SubscribeReply,
	type SubscribeRequest
} from '../../realtime/stream.js';
import type { DatabaseHandle } from '../db/client.js';
import { markDevicesSeen } from '../devices.js';
import {
	CONTROL_CHANNEL,
	EVENTS_CHANNEL,
	parseControlNotice,
	parseEventNotice,
	type ControlMessage
} from './channels.js';
import { databaseAnswers } from '../db/availability.js';
import { watchDatabase } from './database-watch.js';
import { EventForwarder } from './forwarder.js';
import { headSeq, loadMessages, loadSnapshot, type ProjectedMessage } from './projections.js';
import {
	identify,
	sameOrigin,
	staleCredentials,
	type SocketCredentials,
	type SocketIdentity,
	type StaleCredentials
} from './socket-auth.js';

interface SocketData {
	identity: SocketIdentity;
	/** The stream room this socket has joined, if any. */
	streamRoom: string | null;
}

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
/** Node's HTTP server in production, Vite's (possibly HTTP/2) server in development. */
export type HttpServer = Parameters<SocketServer['attach']>[0] & object;

const AUDIENCES: readonly Audience[] = ['staff', 'staff_room', 'public'];
const streamRoom = (siteId: string, audience: Audience) => `site:${siteId}:${audience}`;
const HEARTBEAT_MS = 30_000;
/** How often the database is asked whether it answers, to tell every open page when it does not. */
const DATABASE_WATCH_MS = 2_000;

export interface Realtime {
	io: SocketServer;
	forwarder: EventForwarder;
	close(): Promise<void>;
}

/**
 * Socket.IO on the app's own HTTP server: authenticates every socket from its cookies, lets it
 * join the one stream its session or device may see, replays what it missed, and forwards every
 * committed change (from any process) to the rooms allowed to see it.
 */
export async function createRealtime(
	httpServer: HttpServer,
	database: DatabaseHandle,
	{ maxReplay = MAX_REPLAY } = {}
): Promise<Realtime> {
	const { db } = database;
	const io: SocketServer = new Server(httpServer, {
		path: SOCKET_PATH,
		serveClient: false,
		// No CORS headers: other sites' pages cannot poll; WebSocket upgrades are checked below.
		cors: { origin: false }
	});

	const forwarder = new EventForwarder(db, (siteId: string, message: ProjectedMessage) => {
		for (const audience of AUDIENCES) {
			io.to(streamRoom(siteId, audience)).emit('stream', message[audience]);
		}
	});

	// Every open page hears when the database stops or starts answering; on its return, notices
	// that may have been lost meanwhile are made up for.
	const databaseWatch = watchDatabase(
		() => databaseAnswers(database),
		DATABASE_WATCH_MS,
		(available) => {
			if (available) forwarder.catchUp();
			io.emit('database', { available });
		}
	);

	io.use((socket, next) => {
		if (!sameOrigin(socket.handshake.headers)) return next(new Error('origin'));
		identify(db, socket.handshake.headers, socket.handshake.auth)
			.then((identity) => {
				socket.data = { identity, streamRoom: null };
				next();
			})
			.catch((error: unknown) => {
				console.error('socket handshake failed', error);
				// The client tries again (see LiveBoard): a database blip is not a verdict.
				next(new Error('unavailable'));
			});
	});

	io.on('connection', (socket) => {
		const { user, device } = socket.data.identity;
		if (user) void socket.join([`user:${user.id}`, `session:${user.sessionId}`]);
		if (device) void socket.join(`device:${device.id}`);
		socket.emit('hello', { serverTime: Date.now() });
		if (!databaseWatch.available()) socket.emit('database', { available: false });
		socket.on('clock:sync', (ack) => {
			if (typeof ack === 'function') ack(Date.now());
		});
		socket.on('stream:subscribe', (request, ack) => {
			if (typeof ack !== 'function') return;
			subscribe(socket, request).then(ack, (error: unknown) => {
				console.error('stream:subscribe failed', error);
				ack({ ok: false, error: 'unavailable' });
			});
		});
	});

	/**
	 * Whether the credential this socket connected with has stopped working. Asked at every
	 * subscription: access ended between the handshake and the socket joining its session's room
	 * would otherwise reach it only at the next sweep.
	 */
	async function credentialGone(socket: LiveSocket): Promise<boolean> {
		const { user, device, household } = socket.data.identity;
		if (!user && !device && !household) return false;
		return isGone(socket, await staleCredentials(db, credentialsOf([socket])));
	}

	async function subscribe(socket: LiveSocket, request: SubscribeRequest): Promise<SubscribeReply> {
		if (await credentialGone(socket)) {
			const device = !!socket.data.identity.device;
			socket.emit('access:ended', device ? 'device-revoked' : 'session-ended');
			socket.disconnect(true);
			return { ok: false, error: device ? 'forbidden' : 'unauthenticated' };
		}
		const audience = AUDIENCES.includes(request?.audience) ? request.audience : null;
		const requested = request?.after;
		const after =
			typeof requested === 'number' && Number.isSafeInteger(requested) && requested >= 0
				? requested
				: null;
		if (!audience) return { ok: false, error: 'forbidden' };
		const siteId = siteFor(socket.data.identity, audience);
		if (siteId === 'unauthenticated' || siteId === 'forbidden') return { ok: false, error: siteId };

		// Join first, then read: a change committed meanwhile arrives twice (the client keeps the
		// first), never not at all.
		const room = streamRoom(siteId, audience);
		if (socket.data.streamRoom && socket.data.streamRoom !== room) {
			await socket.leave(socket.data.streamRoom);
		}
		await socket.join(room);
		socket.data.streamRoom = room;

		const head = await headSeq(db, siteId);
		if (after === null || after > head || head - after > maxReplay) {
			return { ok: true, siteId, snapshot: await loadSnapshot(db, siteId, audience) };
		}
		const missed = await loadMessages(db, siteId, after, head - after);
		return { ok: true, siteId, replay: missed.map((m) => m[audience]) };
	}

	function endAccess(message: ControlMessage): void {
		const [rooms, reason] =
			message.kind === 'device.revoked'
				? [[`device:${message.deviceId}`], 'device-revoked' as const]
				: message.kind === 'user.disabled'
					? [[`user:${message.userId}`], 'session-ended' as const]
					: [message.sessionIds.map((id) => `session:${id}`), 'session-ended' as const];
		if (!rooms.length) return;
		io.to(rooms).emit('access:ended', reason);
		io.in(rooms).disconnectSockets(true);
	}

	const unlisten = await Promise.all([
		database.listen(
			EVENTS_CHANNEL,
			(payload) => {
				const notice = parseEventNotice(payload);
				if (notice) forwarder.notice(notice.siteId, notice.seq);
			},
			// Notices sent while the listening connection was down are lost: read what was missed.
			() => forwarder.catchUp()
		),
		database.listen(CONTROL_CHANNEL, (payload) => {
			const message = parseControlNotice(payload);
			if (message) endAccess(message);
		})
	]);

	/**
	 * One timer for the process, not one per socket: devices with a live socket are marked seen,
	 * and sockets whose session or device token stopped working (expired, ended, disabled,
	 * revoked, re-paired elsewhere) are cut off, whatever happened while they connected.
	 */
	async function sweep(): Promise<void> {
		const sockets = [...io.sockets.sockets.values()].filter((s) => s.data.identity);
		const deviceIds = new Set<string>();
		for (const socket of sockets) {
			const { device } = socket.data.identity;
			if (device) deviceIds.add(device.id);
		}
		const stale = await staleCredentials(db, credentialsOf(sockets));
		for (const socket of sockets) {
			if (!isGone(socket, stale)) continue;
			const { device } = socket.data.identity;
			socket.emit('access:ended', device ? 'device-revoked' : 'session-ended');
			socket.disconnect(true);
			if (device) deviceIds.delete(device.id);
		}
		if (deviceIds.size) await markDevicesSeen(db, [...deviceIds]);
	}
	const heartbeat = setInterval(() => {
		sweep().catch((error: unknown) => console.error('socket sweep failed', error));
	}, HEARTBEAT_MS);
	heartbeat.unref();

	return {
		io,
		forwarder,
		close: async () => {
			clearInterval(heartbeat);
			databaseWatch.stop();
			await Promise.all(unlisten.map((stop) => stop().catch(() => {})));
			// Before the database closes: reads still queued would each fail and fill the log.
			await forwarder.stop();
			await io.close();
		}
	};
}

/** Every credential the sockets connected with, each once. */
function credentialsOf(sockets: LiveSocket[]): SocketCredentials {
	const sessionIds = new Set<string>();
	const deviceTokenHashes = new Set<string>();
	const householdTokenHashes = new Set<string>();
	for (const socket of sockets) {
		const { user, device, household } = socket.data.identity;
		if (user) sessionIds.add(user.sessionId);
		if (device) deviceTokenHashes.add(device.tokenHash);
		if (household) householdTokenHashes.add(household.tokenHash);
	}
	return {
		sessionIds: [...sessionIds],
		deviceTokenHashes: [...deviceTokenHashes],
		householdTokenHashes: [...householdTokenHashes]
	};
}

function isGone(socket: LiveSocket, stale: StaleCredentials): boolean {
	const { user, device, household } = socket.data.identity;
	return (
		(!!user && stale.sessionIds.has(user.sessionId)) ||
		(!!device && stale.deviceTokenHashes.has(device.tokenHash)) ||
		(!!household && stale.householdTokenHashes.has(household.tokenHash))
	);
}

/** The site whose stream this identity may receive for the audience, or why not. */
function siteFor(
	identity: SocketIdentity,
	audience: Audience
): string | 'unauthenticated' | 'forbidden' {
	const { user, device, household } = identity;
	// A household's phone page hears the lobby's public stream, and nothing else.
	if (household && audience === 'public') return household.siteId;
	// A person works at their first site (as the console's pages do) and, until they have
	// chosen their own password, sees nothing.
	const staffSite =
		user && !user.mustChangePassword && can(user.roles[0]?.role, 'stream.staff')
			? (user.roles[0]?.siteId ?? null)
			: null;
	if (audience === 'staff') {
		if (staffSite) return staffSite;
		return user || device || household ? 'forbidden' : 'unauthenticated';
	}
	if (device) {
		if (audience === 'staff_room' && device.audience !== 'staff_room') return 'forbidden';
		return device.siteId;
	}
	if (staffSite) return staffSite;
	return user || household ? 'forbidden' : 'unauthenticated';
}
