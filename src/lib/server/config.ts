import { resolve } from 'node:path';
import { MAX_REPLAY } from '../realtime/stream.js';

/** Clocks turn amber and red within this long of their instant. */
const CLOCK_SWEEP_MS = 5_000;

export interface AppConfig {
	/** Postgres through postgres.js when set; the embedded PGlite in `dataDir` otherwise. */
	databaseUrl: string | undefined;
	dataDir: string;
	migrationsDir: string;
	/**
	 * LOBBYDESK_DEMO: undefined when not set. The first start of a database decides whether it is
	 * the demo (by default: yes on the embedded database, no on Postgres); see `prepareFirstRun`.
	 */
	demo: boolean | undefined;
	/** How many missed changes a reconnecting client is sent before it gets a snapshot instead. */
	streamMaxReplay: number;
	/** How often the scheduler looks for clocks turning amber or red, in milliseconds. */
	clockSweepMs: number;
	/** Where text messages to hosts go: a gateway's webhook, a file (one JSON line each), or nowhere. */
	sms: SmsConfig;
	/**
	 * LOBBYDESK_VISITOR_CONSENT_SECONDS: for tests and drills only, every site's time for a host
	 * to answer, in seconds, instead of the site's own setting (in whole minutes).
	 */
	visitorConsentSeconds: number | undefined;
}

export type SmsConfig =
	{ kind: 'webhook'; url: string } | { kind: 'file'; path: string } | { kind: 'none' };

function smsConfig(env: Record<string, string | undefined>, cwd: string): SmsConfig {
	const url = env.LOBBYDESK_SMS_WEBHOOK?.trim();
	if (url) {
		if (!/^https?:\/\//.test(url)) {
			throw new ConfigError('LOBBYDESK_SMS_WEBHOOK must be an http:// or https:// URL');
		}
		return { kind: 'webhook', url };
	}
	const path = env.LOBBYDESK_SMS_OUTBOX?.trim();
	return path ? { kind: 'file', path: resolve(cwd, path) } : { kind: 'none' };
}

export class ConfigError extends Error {
	override name = 'ConfigError';
}

const YES = ['1', 'true', 'on', 'yes'];
const NO = ['0', 'false', 'off', 'no'];

function flag(name: string, value: string | undefined): boolean | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const normalized = value.trim().toLowerCase();
	if (YES.includes(normalized)) return true;
	if (NO.includes(normalized)) return false;
	throw new ConfigError(`${name} must be one of ${[...YES, ...NO].join(', ')}; got "${value}"`);
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined || value.trim() === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1)
		throw new ConfigError(`${name} must be a whole number above 0; got "${value}"`);
	return n;
}

/**
 * Reads the configuration once, at start-up, and refuses a bad value at once rather than at the
 * first request that needs it. With nothing set, Lobby Desk runs on the embedded database in
 * `./data`, which its first start makes the demo.
 */
export function readConfig(
	env: Record<string, string | undefined>,
	cwd = process.cwd()
): AppConfig {
	const databaseUrl = env.DATABASE_URL?.trim() || undefined;
	const idKey = env.LOBBYDESK_ID_HASH_KEY?.trim();
	if (idKey !== undefined && idKey !== '' && idKey.length < 32) {
		// Read where it is used (`visitors/id-hash.ts`); checked here so a weak key stops the start.
		throw new ConfigError('LOBBYDESK_ID_HASH_KEY must be at least 32 characters');
	}
	if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
		throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
	}
	return {
		databaseUrl,
		dataDir: resolve(cwd, env.LOBBYDESK_DATA_DIR?.trim() || 'data'),
		migrationsDir: resolve(cwd, 'drizzle'),
		demo: flag('LOBBYDESK_DEMO', env.LOBBYDESK_DEMO),
		streamMaxReplay: positiveInteger(
			'LOBBYDESK_STREAM_MAX_REPLAY',
			env.LOBBYDESK_STREAM_MAX_REPLAY,
			MAX_REPLAY
		),
		clockSweepMs: positiveInteger(
			'LOBBYDESK_CLOCK_SWEEP_MS',
			env.LOBBYDESK_CLOCK_SWEEP_MS,
			CLOCK_SWEEP_MS
		),
		sms: smsConfig(env, cwd),
		visitorConsentSeconds: env.LOBBYDESK_VISITOR_CONSENT_SECONDS?.trim()
			? positiveInteger(
					'LOBBYDESK_VISITOR_CONSENT_SECONDS',
					env.LOBBYDESK_VISITOR_CONSENT_SECONDS,
					0
				)
			: undefined
	};
}
