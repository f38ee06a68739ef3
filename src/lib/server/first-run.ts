import { seedSiteClocks } from './clocks/site-clock-rules.js';
import type { Queryable } from './db/client.js';
import { installation, sites, staffRoles, staffUsers } from './db/schema/index.js';
import { ConfigError } from './config.js';
import { generatePassword, hashPassword } from './auth/password.js';
import { DEMO_PASSWORD, seedDemo } from './demo-seed.js';

/** What start-up prints for people: who can sign in, and with what. */
export interface SignInNotice {
	kind: 'demo' | 'first-admin';
	accounts: { username: string; password: string }[];
}

export interface FirstRunOptions {
	/** What LOBBYDESK_DEMO asked for; undefined when it is not set. */
	demo: boolean | undefined;
	/** Whether a brand-new database becomes the demo when LOBBYDESK_DEMO is not set. */
	demoByDefault: boolean;
	siteName?: string | undefined;
}

export interface FirstRunResult {
	/** Whether this database is the demo; decided once, by its first start. */
	demo: boolean;
	signIn: SignInNotice | null;
}

/**
 * The first start decides, once, whether the database is the demo, and prepares it: the demo
 * estate with one account per role, or one `admin` with a random password printed once — outside
 * the demo there is no default password. Later starts only check that LOBBYDESK_DEMO, when set,
 * agrees with what the database is.
 */
export async function prepareFirstRun(
	db: Queryable,
	options: FirstRunOptions
): Promise<FirstRunResult> {
	const [installed] = await db.select().from(installation);
	if (installed) {
		if (options.demo !== undefined && options.demo !== installed.demo) {
			throw new ConfigError(
				installed.demo
					? 'LOBBYDESK_DEMO is off, but this database is the demo: use another database, or unset LOBBYDESK_DEMO'
					: 'LOBBYDESK_DEMO is on, but this database holds a real site: the demo needs its own database'
			);
		}
		return { demo: installed.demo, signIn: installed.demo ? await demoNotice(db) : null };
	}

	const demo = options.demo ?? options.demoByDefault;
	if (demo) {
		await db.transaction(async (tx) => {
			await tx.insert(installation).values({ demo });
			await seedDemo(tx);
		});
		return { demo, signIn: await demoNotice(db) };
	}

	const password = generatePassword();
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		await tx.insert(installation).values({ demo });
		const [site] = await tx
			.insert(sites)
			.values({
				slug: 'main',
				name: options.siteName?.trim() || '物业管理处',
				nameEn: 'Property office'
			})
			.returning({ id: sites.id });
		const [admin] = await tx
			.insert(staffUsers)
			.values({
				username: 'admin',
				displayName: 'Administrator',
				passwordHash,
				mustChangePassword: true
			})
			.returning({ id: staffUsers.id });
		if (!site || !admin) throw new Error('First-run insert returned no row');
		await seedSiteClocks(tx, site.id);
		await tx.insert(staffRoles).values({ userId: admin.id, siteId: site.id, role: 'admin' });
	});
	return { demo, signIn: { kind: 'first-admin', accounts: [{ username: 'admin', password }] } };
}

async function demoNotice(db: Queryable): Promise<SignInNotice> {
	const staff = await db.select({ username: staffUsers.username }).from(staffUsers);
	return {
		kind: 'demo',
		accounts: staff.map(({ username }) => ({ username, password: DEMO_PASSWORD }))
	};
}

/** The lines start-up prints about signing in, the same in production and in `vite dev`. */
export function describeSignIn(notice: SignInNotice | null): string[] {
	if (!notice) return [];
	if (notice.kind === 'demo') {
		return [
			'Demo mode. Sign in to the console at /console with (user name, password):',
			...notice.accounts.map(({ username, password }) => `  ${username.padEnd(12)} ${password}`)
		];
	}
	return [
		'First start: sign in as this administrator; the password is shown only this once.',
		...notice.accounts.map(({ username, password }) => `  ${username}  ${password}  (shown once)`)
	];
}
