import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_DOCUMENT_TYPES } from './id-documents.js';
import { VISIT_PURPOSES } from './visitor-form.js';
import {
	anonymise,
	isDueForAnonymisation,
	PERSONAL_FIELDS,
	retentionCutoff,
	type VisitorRecord
} from './visitor-retention.js';
import { VISIT_STATUSES } from './visit-lifecycle.js';

const now = new Date('2026-11-22T02:00:00Z');

const record: VisitorRecord = {
	id: '7d1c0000-0000-4000-8000-000000000001',
	siteId: '5e7e0000-0000-4000-8000-000000000001',
	unitId: '0b0c2a56-0000-4000-8000-000000000001',
	status: 'signed_out',
	name: '李明',
	phone: '13800138000',
	idType: 'resident_id',
	idLast4: '002X',
	idHash: 'c0ffee',
	hostSurname: '张',
	purpose: 'other',
	purposeText: '送还李先生的钥匙',
	note: '电话联系张女士，同意来访',
	party: 2,
	remember: true,
	passNumber: 'V-20260501-004',
	createdAt: new Date('2026-05-01T02:00:00Z'),
	approvedAt: new Date('2026-05-01T02:03:00Z'),
	signedOutAt: new Date('2026-05-01T04:00:00Z'),
	anonymisedAt: null
};

/** Personal text carries a mark no kept field can contain, so any leak is found. */
const personal = fc.string({ unit: 'binary', maxLength: 20 }).map((s) => `§${s}`);
const anyRecord = fc.record({
	...Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fc.constant(v)])),
	status: fc.constantFrom(...VISIT_STATUSES),
	idType: fc.option(fc.constantFrom(...ID_DOCUMENT_TYPES)),
	purpose: fc.constantFrom(...VISIT_PURPOSES),
	party: fc.integer({ min: 1, max: 10 }),
	remember: fc.boolean(),
	name: fc.option(personal),
	phone: fc.option(personal),
	idLast4: fc.option(personal),
	idHash: fc.option(personal),
	hostSurname: fc.option(personal),
	purposeText: fc.option(personal),
	note: fc.option(personal),
	anonymisedAt: fc.option(fc.date({ noInvalidDate: true }))
}) as fc.Arbitrary<VisitorRecord>;

describe('retention', () => {
	it('keeps personal data for the site’s retention days', () => {
		expect(retentionCutoff(now, 180).toISOString()).toBe('2026-05-26T02:00:00.000Z');
		expect(retentionCutoff(now, 1).toISOString()).toBe('2026-11-21T02:00:00.000Z');
	});

	it.each([0, -1, 1.5, Number.NaN])('refuses %f retention days', (days) => {
		expect(() => retentionCutoff(now, days)).toThrow(RangeError);
	});

	it('is due once created before the cutoff, whatever its status, and only once', () => {
		const cutoff = retentionCutoff(now, 180);
		expect(isDueForAnonymisation(record, cutoff)).toBe(true);
		expect(isDueForAnonymisation({ ...record, status: 'approved' }, cutoff)).toBe(true);
		expect(isDueForAnonymisation({ ...record, createdAt: cutoff }, cutoff)).toBe(false);
		expect(isDueForAnonymisation(anonymise(record, now), cutoff)).toBe(false);
	});
});

describe('anonymising', () => {
	it('empties what names a person and keeps what the figures need', () => {
		expect(anonymise(record, now)).toEqual({
			...record,
			name: null,
			phone: null,
			idLast4: null,
			idHash: null,
			hostSurname: null,
			purposeText: null,
			note: null,
			anonymisedAt: now
		});
		expect(record.name).toBe('李明');
	});

	it('twice is once', () => {
		fc.assert(
			fc.property(anyRecord, fc.date(), fc.date(), (r, first, second) => {
				const once = anonymise(r, first);
				expect(anonymise(once, second)).toEqual(once);
			})
		);
	});

	it('lets nothing personal survive, and changes nothing else', () => {
		fc.assert(
			fc.property(anyRecord, (r) => {
				const after = anonymise(r, now);
				expect(JSON.stringify(after)).not.toContain('§');
				for (const field of PERSONAL_FIELDS) expect(after[field]).toBeNull();
				const kept = (x: VisitorRecord) => {
					const copy: Partial<VisitorRecord> = { ...x };
					for (const field of [...PERSONAL_FIELDS, 'anonymisedAt'] as const) delete copy[field];
					return copy;
				};
				expect(kept(after)).toEqual(kept(r));
			})
		);
	});
});
