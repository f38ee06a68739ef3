import { count } from 'drizzle-orm';
import type { Database } from './db/client.js';
import { sites, staffRoles, staffUsers } from './db/schema/index.js';
import { generatePassword, hashPassword } from './auth/password.js';
import { seedDemo } from './demo-seed.js';
import { DEMO_PASSWORD } from './demo-seed.js';

/** What start-up prints for people: who can sign in, and with what. */
export interface SignInNotice {
	kind: 'demo' | 'first-admin';
	accounts: { username: string; password: string }[];
}

/**
 * Demo mode seeds the demo site. Outside it, an empty database gets one site and one `admin`
 * whose random password is printed once and must be changed: there is no default password.
 */
export async function prepareFirstRun(
	db: Database,
	options: { demo: boolean; siteName?: string | undefined }
): Promise<SignInNotice | null> {
	if (options.demo) {
		const seeded = await seedDemo(db);
		const accounts = (seeded?.accounts ?? (await existingDemoAccounts(db))).map(({ username }) => ({
			username,
			password: DEMO_PASSWORD
		}));
		return { kind: 'demo', accounts };
	}
	const [staff] = await db.select({ n: count() }).from(staffUsers);
	if ((staff?.n ?? 0) > 0) return null;

	const password = generatePassword();
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		let [site] = await tx.select({ id: sites.id }).from(sites).limit(1);
		if (!site) {
			const name = options.siteName?.trim() || '物业管理处';
			[site] = await tx
				.insert(sites)
				.values({ slug: 'main', name, nameEn: name })
				.returning({ id: sites.id });
		}
		if (!site) throw new Error('Site insert returned no row');
		const [admin] = await tx
			.insert(staffUsers)
			.values({
				username: 'admin',
				displayName: 'Administrator',
				passwordHash,
				mustChangePassword: true
			})
			.returning({ id: staffUsers.id });
		if (!admin) throw new Error('Staff insert returned no row');
		await tx.insert(staffRoles).values({ userId: admin.id, siteId: site.id, role: 'admin' });
	});
	return { kind: 'first-admin', accounts: [{ username: 'admin', password }] };
}

async function existingDemoAccounts(db: Database) {
	const rows = await db.select({ username: staffUsers.username }).from(staffUsers);
	return rows;
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
		'First start: sign in as this administrator and choose a new password.',
		...notice.accounts.map(({ username, password }) => `  ${username}  ${password}  (shown once)`)
	];
}
