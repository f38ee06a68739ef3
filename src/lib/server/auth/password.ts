import { hash, verify } from '@node-rs/argon2';
import { randomString } from './tokens.js';

/** argon2id with OWASP's minimum: 19 MiB, 2 passes, 1 lane (~33 ms here). */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A one-time password for a new account: 16 characters, no look-alikes. */
export function generatePassword(length = 16): string {
	return randomString('abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789', length);
}
