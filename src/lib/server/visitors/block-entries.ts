import { and, eq } from 'drizzle-orm';
import {
	blockReasonError,
	checkBlockForm,
	type BlockForm,
	type BlockFormError,
	type BlockFormErrors
} from '../../domain/visitors/block-form.js';
import type { IdDocumentType } from '../../domain/visitors/id-documents.js';
import type { Queryable } from '../db/client.js';
import { visits } from '../db/schema/index.js';
import { isUuid } from '../http/form-values.js';
import { addBlock } from './blocks.js';
import { idHash } from './id-hash.js';

/**
 * How entries reach the block list from the console: typed by a supervisor, or taken from a
 * visit in the log (the server copies the person's details, so the browser never needs the
 * visit's ID hash, and the number itself was never stored).
 */

type StaffActor = { kind: 'staff'; staffId: string };

export async function blockFromForm(
	db: Queryable,
	input: { siteId: string; form: BlockForm; actor: StaffActor },
	now = new Date()
): Promise<{ ok: true; id: string } | { ok: false; errors: BlockFormErrors }> {
	const checked = checkBlockForm(input.form);
	if (!checked.ok) return checked;
	const { entry } = checked;
	const hash =
		entry.idType && entry.idNumber ? await idHash(db, entry.idType, entry.idNumber) : null;
	const id = await addBlock(
		db,
		{
			siteId: input.siteId,
			actor: input.actor,
			block: {
				name: entry.name,
				phone: entry.phone,
				idType: hash ? entry.idType : null,
				idLast4: hash ? entry.idLast4 : null,
				idHash: hash,
				reason: entry.reason
			}
		},
		now
	);
	return { ok: true, id };
}

/** What the console shows of a visit about to be blocked: never the hash. */
export interface VisitToBlock {
	id: string;
	name: string;
	phone: string | null;
	idType: IdDocumentType | null;
	idLast4: string | null;
}

async function blockableVisit(db: Queryable, siteId: string, visitId: string) {
	if (!isUuid(visitId)) return null;
	const [visit] = await db
		.select({
			id: visits.id,
			name: visits.name,
			phone: visits.phone,
			idType: visits.idType,
			idLast4: visits.idLast4,
			idHash: visits.idHash
		})
		.from(visits)
		.where(and(eq(visits.id, visitId), eq(visits.siteId, siteId)));
	// Anonymised, or an invitation never used: nothing to recognise the person by.
	if (!visit?.name || (!visit.phone && !visit.idHash)) return null;
	return { ...visit, name: visit.name };
}

export async function visitToBlock(
	db: Queryable,
	siteId: string,
	visitId: string
): Promise<VisitToBlock | null> {
	const visit = await blockableVisit(db, siteId, visitId);
	if (!visit) return null;
	// The hash stays on the server.
	return {
		id: visit.id,
		name: visit.name,
		phone: visit.phone,
		idType: visit.idType,
		idLast4: visit.idLast4
	};
}

export type BlockVisitResult =
	| { ok: true; id: string }
	| { ok: false; error: 'visitNotFound' }
	| { ok: false; errors: { reason: BlockFormError } };

export async function blockFromVisit(
	db: Queryable,
	input: { siteId: string; visitId: string; reason: string; actor: StaffActor },
	now = new Date()
): Promise<BlockVisitResult> {
	const visit = await blockableVisit(db, input.siteId, input.visitId);
	if (!visit) return { ok: false, error: 'visitNotFound' };
	const problem = blockReasonError(input.reason);
	if (problem) return { ok: false, errors: { reason: problem } };
	const id = await addBlock(
		db,
		{
			siteId: input.siteId,
			actor: input.actor,
			block: {
				name: visit.name,
				phone: visit.phone,
				idType: visit.idHash ? visit.idType : null,
				idLast4: visit.idHash ? visit.idLast4 : null,
				idHash: visit.idHash,
				reason: input.reason.trim()
			}
		},
		now
	);
	return { ok: true, id };
}
