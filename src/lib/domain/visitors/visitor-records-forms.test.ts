import { describe, expect, it } from 'vitest';
import { checkBlockForm } from './block-form.js';
import { checkHostInvite } from './host-invite-form.js';
import { parseLogQuery } from './visitor-log-query.js';
import { checkVisitorSettings } from './visitor-settings-form.js';

// The console's visitor forms and the household's invitation: every message lands at its field.

const TODAY = '2026-11-22';
const ID = '11010519491231002X';
const search = (fields: Record<string, string>) =>
	parseLogQuery(new URLSearchParams(fields), TODAY);

describe('the visitor log search', () => {
	it('is today when nothing is asked', () => {
		const parsed = search({});
		expect(parsed).toMatchObject({
			ok: true,
			query: { from: TODAY, to: TODAY, unitId: null, name: null, phone: null, page: 1 }
		});
	});

	it('runs from a start date to today, or over the one day given', () => {
		expect(search({ from: '2026-11-01' })).toMatchObject({
			query: { from: '2026-11-01', to: TODAY }
		});
		expect(search({ to: '2026-10-01' })).toMatchObject({
			query: { from: '2026-10-01', to: '2026-10-01' }
		});
		expect(search({ from: '2026-12-01' })).toMatchObject({
			query: { from: '2026-12-01', to: '2026-12-01' }
		});
	});

	it('refuses impossible, reversed and too long ranges at the right field', () => {
		expect(search({ from: '2026-02-30' })).toMatchObject({
			ok: false,
			errors: { from: 'visitLogDateInvalid' }
		});
		expect(search({ from: '2026-11-10', to: '2026-11-01' })).toMatchObject({
			errors: { to: 'visitLogDateOrder' }
		});
		expect(search({ from: '2025-11-21', to: '2026-11-22' })).toMatchObject({
			errors: { to: 'visitLogDateRange' }
		});
		expect(search({ from: '2025-11-22', to: '2026-11-22' }).ok).toBe(true);
	});

	it('searches phones by digits, however typed', () => {
		expect(search({ phone: '+86 139-1234' })).toMatchObject({ query: { phone: '1391234' } });
		expect(search({ phone: '１３９１２' })).toMatchObject({ query: { phone: '13912' } });
		expect(search({ phone: '139a' })).toMatchObject({ errors: { phone: 'visitLogPhoneDigits' } });
		expect(search({ phone: '139' })).toMatchObject({ errors: { phone: 'visitLogPhoneShort' } });
	});

	it('needs the document type to search by number, checks the number, and never echoes it', () => {
		const noType = search({ idNumber: ID });
		expect(noType).toMatchObject({ ok: false, errors: { idType: 'visitLogIdTypeRequired' } });
		expect(JSON.stringify(noType)).not.toContain(ID);
		const wrong = search({ idType: 'resident_id', idNumber: '110105194912310021' });
		expect(wrong).toMatchObject({ errors: { idNumber: 'visitorResidentIdInvalid' } });
		const ok = search({ idType: 'resident_id', idNumber: ' 11010519491231002x ' });
		expect(ok).toMatchObject({ ok: true, query: { idType: 'resident_id', idNumber: ID } });
		expect(JSON.stringify(ok.values)).not.toContain(ID);
	});

	it('refuses a home that is not an id, and reads a bad page as the first', () => {
		expect(search({ unit: "1' or 1=1" })).toMatchObject({
			errors: { unit: 'visitLogUnitInvalid' }
		});
		expect(search({ page: '-3' })).toMatchObject({ query: { page: 1 } });
		expect(search({ page: '4' })).toMatchObject({ query: { page: 4 } });
		expect(search({ name: '张'.repeat(21) })).toMatchObject({
			errors: { name: 'visitLogNameTooLong' }
		});
	});
});

describe('a block list entry', () => {
	const form = { name: '王五', phone: '', idType: '', idNumber: '', reason: '多次滋扰住户' };

	it('needs a phone or a document to be recognised by', () => {
		expect(checkBlockForm(form)).toMatchObject({
			ok: false,
			errors: { phone: 'visitBlockMatchRequired' }
		});
		expect(checkBlockForm({ ...form, phone: '139 1234 5678' })).toMatchObject({
			ok: true,
			entry: { phone: '13912345678', idType: null, idNumber: null, idLast4: null }
		});
		expect(checkBlockForm({ ...form, idType: 'resident_id', idNumber: ID })).toMatchObject({
			ok: true,
			entry: { phone: null, idType: 'resident_id', idNumber: ID, idLast4: '002X' }
		});
	});

	it('puts each message at its field', () => {
		const result = checkBlockForm({
			name: '',
			phone: '12345',
			idType: '',
			idNumber: 'E1234567',
			reason: ' '
		});
		expect(result).toEqual({
			ok: false,
			errors: {
				name: 'visitBlockNameRequired',
				phone: 'visitBlockPhoneFormat',
				idType: 'visitBlockIdTypeRequired',
				reason: 'visitBlockReasonRequired'
			}
		});
		expect(
			checkBlockForm({ ...form, phone: '13912345678', reason: '因'.repeat(201) })
		).toMatchObject({ errors: { reason: 'visitBlockReasonTooLong' } });
		expect(checkBlockForm({ ...form, idType: 'passport' })).toMatchObject({
			errors: { idNumber: 'visitorIdNumberRequired' }
		});
	});
});

describe('the visitor settings', () => {
	it('take whole minutes 1–30 and days 30–3650', () => {
		expect(
			checkVisitorSettings({ visitorConsentMinutes: '5', visitorRetentionDays: '90' })
		).toEqual({ ok: true, settings: { visitorConsentMinutes: 5, visitorRetentionDays: 90 } });
		expect(
			checkVisitorSettings({ visitorConsentMinutes: '３０', visitorRetentionDays: '3650' })
		).toMatchObject({ ok: true });
		for (const [consent, retention] of [
			['0', '29'],
			['31', '3651'],
			['2.5', '90.0'],
			['', 'abc']
		] as const) {
			expect(
				checkVisitorSettings({ visitorConsentMinutes: consent, visitorRetentionDays: retention })
			).toEqual({
				ok: false,
				errors: {
					visitorConsentMinutes: 'visitSettingsConsentRange',
					visitorRetentionDays: 'visitSettingsRetentionRange'
				}
			});
		}
	});
});

describe('a household’s invitation', () => {
	const form = { visitDate: TODAY, name: ' 李  雷 ', party: '2', purpose: 'visit_family' };

	it('is for today up to 30 days ahead, with the guest’s name, party and purpose', () => {
		expect(checkHostInvite(form, TODAY)).toEqual({
			ok: true,
			invite: { visitDate: TODAY, name: '李 雷', party: 2, purpose: 'visit_family' }
		});
		expect(checkHostInvite({ ...form, visitDate: '2026-12-22' }, TODAY).ok).toBe(true);
	});

	it('says what is wrong at each field', () => {
		expect(
			checkHostInvite({ visitDate: '2026-12-23', name: '', party: '11', purpose: 'party' }, TODAY)
		).toEqual({
			ok: false,
			errors: {
				visitDate: 'visitorInviteDateTooFar',
				name: 'householdGuestNameRequired',
				party: 'visitorPartyInvalid',
				purpose: 'householdInvitePurposeRequired'
			}
		});
		expect(
			checkHostInvite({ ...form, visitDate: '2026-11-21', name: 'R2D2' }, TODAY)
		).toMatchObject({
			errors: { visitDate: 'visitorInviteDatePast', name: 'householdGuestNameInvalid' }
		});
	});
});
