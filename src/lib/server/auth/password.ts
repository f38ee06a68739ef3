import { hash, verify } from '@node-rs/argon2';
import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';

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

/** A one-time password for a first administrator: 16 characters, no look-alikes. */
export function generatePassword(length = 16): string {
	return generateRandomString(
		random,
		'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789',
		length
	);
}

const random: RandomReader = {
	read: (bytes) => {
		crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>);
	}
};
