import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { HOSTILE } from './fuzz-inputs.js';
import type { Credential, FuzzContext } from './fuzz-context.js';

/**
 * The live connection's events (`stream:subscribe`, `clock:sync`) and its handshake, fed junk:
 * every subscription is answered (yes or no), and junk never takes the connection or the server
 * down for anyone else.
 */

const AUDIENCES = ['staff', 'staff_room', 'public', '__proto__', 'toString', '', 'STAFF'];
const AFTERS = [null, -1, 0, 1, 2 ** 53, 1e308, '5', {}, [], true, 'NaN'];

const payloadArb = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			audience: fc.constantFrom('staff', 'staff_room', 'public'),
			after: fc.constantFrom(...AFTERS)
		})
	},
	{
		weight: 2,
		arbitrary: fc.record(
			{
				audience: fc.oneof(fc.constantFrom(...AUDIENCES), fc.constantFrom(...HOSTILE)),
				after: fc.constantFrom(...AFTERS)
			},
			{ requiredKeys: [] }
		)
	},
	{ weight: 2, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true }) },
	{ weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
	{ weight: 1, arbitrary: fc.constant('x'.repeat(200_000)) }
);

const inputArb = (credentials: Credential[]) =>
	fc.record({
		credential: fc.constantFrom(...credentials),
		household: fc.option(fc.oneof(fc.constant('real'), fc.constantFrom(...HOSTILE), fc.anything())),
		origin: fc.constantFrom('own', 'own', 'foreign'),
		events: fc.array(
			fc.record({
				name: fc.constantFrom('stream:subscribe', 'stream:subscribe', 'clock:sync', 'nonsense'),
				payload: payloadArb
			}),
			{ minLength: 1, maxLength: 4 }
		)
	});

type AnySocket = Socket<Record<string, (...args: unknown[]) => void>>;

async function connect(
	ctx: FuzzContext,
	cookie: string,
	origin: string,
	household: unknown
): Promise<AnySocket | null> {
	const socket: AnySocket = io(ctx.baseURL, {
		transports: ['websocket'],
		reconnection: false,
		extraHeaders: { cookie, origin },
		auth: household === undefined ? {} : { household }
	});
	const connected = await new Promise<boolean>((resolve) => {
		socket.once('connect', () => resolve(true));
		socket.once('connect_error', () => resolve(false));
		setTimeout(() => resolve(false), 10_000);
	});
	if (connected) return socket;
	socket.close();
	return null;
}

export interface SocketFuzzResult {
	/** What went wrong, one line each. */
	failures: string[];
	connected: number;
	/** Subscriptions answered yes: the fuzz reached past the handshake's checks. */
	admitted: number;
}

export async function fuzzSockets(
	ctx: FuzzContext,
	seed: number,
	runs: number
): Promise<SocketFuzzResult> {
	const failures: string[] = [];
	let connected = 0;
	let admitted = 0;
	const credentials = Object.keys(ctx.cookies) as Credential[];
	const own = new URL(ctx.baseURL).origin;
	await fc.assert(
		fc.asyncProperty(inputArb(credentials), async (input) => {
			const household =
				input.household === 'real' ? ctx.householdToken : (input.household ?? undefined);
			const origin = input.origin === 'own' ? own : 'https://evil.example';
			const socket = await connect(ctx, ctx.cookies[input.credential], origin, household);
			if (!socket) return;
			connected += 1;
			try {
				for (const { name, payload } of input.events) {
					if (name !== 'stream:subscribe') {
						socket.emit(name, payload);
						continue;
					}
					const reply: unknown = await socket
						.timeout(10_000)
						.emitWithAck(name, payload)
						.catch((error: unknown) => ({ unanswered: String(error) }));
					const ok = (reply as { ok?: unknown } | null)?.ok;
					if (ok === true) admitted += 1;
					// A socket cut off on purpose (its access ended) has nobody left to answer.
					if (typeof ok !== 'boolean' && socket.connected) {
						failures.push(
							`${input.credential} subscribe ${JSON.stringify(payload)?.slice(0, 80)} → ${JSON.stringify(reply)}`
						);
					}
				}
				// Still a working connection: the clock answers.
				if (socket.connected) {
					const time = await socket
						.timeout(10_000)
						.emitWithAck('clock:sync')
						.catch(() => null);
					if (typeof time !== 'number')
						failures.push(`${input.credential}: clock:sync unanswered after junk`);
				}
			} finally {
				socket.close();
			}
		}),
		{ seed, numRuns: runs }
	);
	return { failures, connected, admitted };
}
