/**
 * The process's lifecycle: open and migrate the database, prepare a first run, attach
 * Socket.IO, and close it all on shutdown. `server.js` (production) and the Vite plugin (dev)
 * call it; SvelteKit's `init` hook awaits the same boot, so all of them share one database.
 */
import { readConfig, type AppConfig } from './config.js';
import { smsSender, type SmsSender } from './notify/sms.js';
import { openDatabase, type Database, type DatabaseHandle } from './db/client.js';
import { prepareFirstRun, type FirstRunResult, type SignInNotice } from './first-run.js';

export { describeSignIn } from './first-run.js';
import { createRealtime, type HttpServer, type Realtime } from './realtime/socket-server.js';
import { sweepDueClocks } from './clocks/clock-sweep.js';
import { sweepExpiredPasses } from './release-pass-expiry.js';
import { startScheduler } from './scheduler.js';
import { sweepVisitors } from './visitors/visitor-sweep.js';

export interface AppContext {
	config: AppConfig;
	/** Texts to hosts and directors (see `notify/sms.ts`). */
	sms: SmsSender;
	database: DatabaseHandle;
	db: Database;
	/** Whether this database is the demo (decided by its first start). */
	demo: boolean;
	signIn: SignInNotice | null;
}

interface RuntimeState {
	booting?: Promise<AppContext>;
	context?: AppContext;
	realtime?: Promise<Realtime>;
	stopClocks?: () => Promise<void>;
}

/**
 * Kept on `globalThis` under a private symbol so that re-evaluating this module (Vite's dev
 * server after an edit) finds the database already open instead of opening it twice.
 */
const STATE_KEY = Symbol.for('lobby-desk.runtime');
const state: RuntimeState = ((globalThis as Record<symbol, RuntimeState | undefined>)[STATE_KEY] ??=
	{});

export function boot(env: Record<string, string | undefined> = process.env): Promise<AppContext> {
	state.booting ??= start(env).catch((error: unknown) => {
		state.booting = undefined;
		throw error;
	});
	return state.booting;
}

async function start(env: Record<string, string | undefined>): Promise<AppContext> {
	const config = readConfig(env);
	const database = await openDatabase({
		url: config.databaseUrl,
		dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`
	});
	try {
		const { demo, signIn } = await prepareDatabase(database, config, env.LOBBYDESK_SITE_NAME);
		const context: AppContext = {
			config,
			sms: smsSender(config.sms),
			database,
			db: database.db,
			demo,
			signIn
		};
		state.context = context;
		return context;
	} catch (error) {
		await database.close();
		throw error;
	}
}

/**
 * Migrates and prepares a first run; processes starting together on one Postgres take turns, so
 * exactly one of them seeds.
 */
export function prepareDatabase(
	database: DatabaseHandle,
	config: Pick<AppConfig, 'migrationsDir' | 'demo' | 'databaseUrl'>,
	siteName?: string
): Promise<FirstRunResult> {
	return database.exclusive(async () => {
		await database.migrate(config.migrationsDir);
		return prepareFirstRun(database.db, {
			demo: config.demo,
			demoByDefault: config.databaseUrl === undefined,
			siteName
		});
	});
}

/** The booted app, for request handlers: `init` has awaited `boot()` before any request. */
export function app(): AppContext {
	if (!state.context) throw new Error('Lobby Desk has not booted');
	return state.context;
}

/** Socket.IO on this HTTP server, forwarding every committed change; once per process. */
export function attachRealtime(httpServer: HttpServer): Promise<Realtime> {
	const { database, config } = app();
	state.realtime ??= createRealtime(httpServer, database, { maxReplay: config.streamMaxReplay });
	// The server process also keeps the clocks, the visitor desk and the item passes on time (safe
	// with several processes): warnings and breaches, silent hosts, the day's end, visitor data
	// retention and passes whose day is over.
	state.stopClocks ??= startScheduler(config.clockSweepMs, [
		{ name: 'Clock sweep', run: () => sweepDueClocks(database.db) },
		{
			name: 'Visitor sweep',
			run: () =>
				sweepVisitors(database.db, new Date(), { consentSeconds: config.visitorConsentSeconds })
		},
		{ name: 'Pass expiry sweep', run: () => sweepExpiredPasses(database.db) }
	]);
	return state.realtime;
}

/** Closes sockets first, then the database. Safe to call more than once, and during boot. */
export async function shutdown(): Promise<void> {
	await state.booting?.catch(() => {});
	const { realtime, context } = state;
	// No sweep starts from here on; one under way finishes before the database closes.
	const clocksStopped = state.stopClocks?.();
	state.stopClocks = undefined;
	state.realtime = undefined;
	state.context = undefined;
	state.booting = undefined;
	if (realtime) await (await realtime.catch(() => null))?.close().catch(() => {});
	await clocksStopped;
	if (context) await context.database.close();
}
