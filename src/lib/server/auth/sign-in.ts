import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { staffUsers } from '../db/schema/index.js';
import { hashPassword, verifyPassword } from './password.js';

/** Verified against when the name is unknown, so a wrong name costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

export function normalizeUsername(username: string): string {
	return username.trim().toLowerCase();
}

/** The active staff member with this name and password, or null. */
export async function authenticate(
	db: Queryable,
	username: string,
	password: string
): Promise<{ id: string } | null> {
	const [user] = await db
		.select({ id: staffUsers.id, passwordHash: staffUsers.passwordHash })
		.from(staffUsers)
		.where(
			and(eq(staffUsers.username, normalizeUsername(username)), isNull(staffUsers.disabledAt))
		);
	if (!user?.passwordHash) {
		await verifyPassword(await (decoyHash ??= hashPassword('decoy-password')), password);
		return null;
	}
	return (await verifyPassword(user.passwordHash, password)) ? { id: user.id } : null;
}
