import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { idLookupInput, type IdDocumentType } from '../../domain/visitors/id-documents.js';
import type { Queryable } from '../db/client.js';
import { installation } from '../db/schema/index.js';

/**
 * The installation's key, read once per process: it never changes after the first start. A
 * WeakMap per database handle keeps test databases (each with its own key) apart.
 */
const keys = new WeakMap<object, Promise<string>>();

async function readKey(db: Queryable): Promise<string> {
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

/**
 * The keyed hash of an ID document (HMAC-SHA-256 of `type:NUMBER`): equal numbers give equal
 * hashes within one installation, so a guard can find a visit and the block list can match, but
 * the table alone does not give the numbers back, not even by trying every possible one.
 */
export async function idHash(
	db: Queryable,
	type: IdDocumentType,
	normalisedNumber: string
): Promise<string> {
	const key = await installationKey(db);
	return createHmac('sha256', key).update(idLookupInput(type, normalisedNumber)).digest('hex');
}
