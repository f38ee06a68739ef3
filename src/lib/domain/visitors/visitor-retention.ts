import type { IdDocumentType } from './id-documents.js';
import type { VisitPurpose } from './visitor-form.js';
import type { VisitStatus } from './visit-lifecycle.js';

/**
 * The visitor log (来人来访登记表) keeps personal data only for the site's retention days. After
 * that a record keeps what the monthly figures need (when, which unit, how many, what kind of
 * visit, how it ended) and loses everything that names or reaches a person.
 */
export interface VisitorRecord {
	id: string;
	siteId: string;
	unitId: string;
	status: VisitStatus;
	name: string | null;
	phone: string | null;
	idType: IdDocumentType | null;
	idLast4: string | null;
	/** The server's keyed hash of `idLookupInput`. */
	idHash: string | null;
	hostSurname: string | null;
	purpose: VisitPurpose;
	purposeText: string | null;
	/** Staff's free text, such as how consent was taken by phone: it names people. */
	note: string | null;
	party: number;
	remember: boolean;
	passNumber: string | null;
	createdAt: Date;
	approvedAt: Date | null;
	signedOutAt: Date | null;
	anonymisedAt: Date | null;
}

/** The fields anonymisation empties; everything else is kept as it was. */
export const PERSONAL_FIELDS = [
	'name',
	'phone',
	'idLast4',
	'idHash',
	'hostSurname',
	'purposeText',
	'note'
] as const satisfies readonly (keyof VisitorRecord)[];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Records created before this instant are anonymised. Whole days of 24 hours: a site's daylight
 * saving shift moves the cutoff by an hour at most, which no retention rule cares about.
 */
export function retentionCutoff(now: Date, days: number): Date {
	if (!Number.isInteger(days) || days < 1) throw new RangeError(`Bad retention days: ${days}`);
	return new Date(now.getTime() - days * DAY_MS);
}

/**
 * Due by the record's creation, whatever its status: a visit somehow left open still may not
 * keep a person's data past the retention period.
 */
export function isDueForAnonymisation(record: VisitorRecord, cutoff: Date): boolean {
	return record.anonymisedAt === null && record.createdAt.getTime() < cutoff.getTime();
}

/** A copy with nothing personal left. Anonymising again changes nothing, not even the date. */
export function anonymise(record: VisitorRecord, now: Date): VisitorRecord {
	const blank = Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, null])) as Record<
		(typeof PERSONAL_FIELDS)[number],
		null
	>;
	return { ...record, ...blank, anonymisedAt: record.anonymisedAt ?? now };
}
