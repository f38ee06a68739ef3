import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { idLookupInput, type IdDocumentType } from '../../domain/visitors/id-documents.js';
import type { Queryable } from '../db/client.js';
import { installation } from '../db/schema/index.js';

/**
 * The key, read once per database handle (a WeakMap keeps test databases apart). Production
 * sets `LOBBYDESK_ID_HASH_KEY` and keeps it out of the database's backups: a resident ID has
 * few unknown digits once its last four are known, so whoever holds both the hashes and the key
 * can find a number by trying them all. Without the variable (the demo, development) the key is
 * the installation's own random secret, in the database.
 */
const keys = new WeakMap<object, Promise<string>>();

async function readKey(db: Queryable): Promise<string> {
	const fromEnvironment = process.env.LOBBYDESK_ID_HASH_KEY?.trim();
	if (fromEnvironment) return fromEnvironment;
	const [row] = await db
		.select({ secret: installation.secret })
		.from(installation)
		.where(eq(installation.id, 1));
	if (!row) throw new Error('No installation row: the app has not finished its first start');
	return row.secret;
}

export function installationKey(db: Queryable): Promise<string> {
	let key = keys.get(db);
	if (!key) {
		key = readKey(db);
		keys.set(db, key);
		key.catch(() => keys.delete(db));
	}
	return key;
}

/** HMAC-SHA-256 under the key: equal inputs give equal hashes, the table alone gives nothing back. */
export async function keyedHash(db: Queryable, input: string): Promise<string> {
	const key = await installationKey(db);
	return createHmac('sha256', key).update(input).digest('hex');
}

/**
 * The keyed hash of an ID document's number, so a guard can find a visit and the block list can
 * match without the number being stored.
 */
export function idHash(
	db: Queryable,
	type: IdDocumentType,
	normalisedNumber: string
): Promise<string> {
	return keyedHash(db, idLookupInput(type, normalisedNumber));
}
