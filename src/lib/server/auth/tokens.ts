import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 20 random bytes, base32: a bearer token that lives only with its holder. */
export function generateToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

/** What the database keeps of a token: its SHA-256, so a leaked table grants nothing. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

const random: RandomReader = {
	read: (bytes) => {
		crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>);
	}
};

/** Uniformly random characters from `alphabet` (no modulo bias). */
export function randomString(alphabet: string, length: number): string {
	return generateRandomString(random, alphabet, length);
}
