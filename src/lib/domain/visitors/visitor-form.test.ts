import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkVisitorForm,
	nameError,
	normaliseMobile,
	parseParty,
	VISIT_PURPOSES,
	type VisitorForm
} from './visitor-form.js';

/** The field errors, or none when the form passed. */
const errorsOf = (form: VisitorForm) => {
	const result = checkVisitorForm(form);
	return result.ok ? {} : result.errors;
};

const good: VisitorForm = {
	name: ' 李  明 ',
	phone: '138 0013-8000',
	idType: 'resident_id',
	idNumber: '110105 19491231 002x',
	unitId: '0b0c2a56-0000-4000-8000-000000000001',
	hostSurname: ' 张 ',
	purpose: 'visit_family',
	purposeText: 'ignored unless other',
	party: '2',
	remember: true
};

describe('the visitor’s kiosk form', () => {
	it('gives back the registration, made plain', () => {
		expect(checkVisitorForm(good)).toEqual({
			ok: true,
			visitor: {
				name: '李 明',
				phone: '13800138000',
				idType: 'resident_id',
				idNumber: '11010519491231002X',
				idLast4: '002X',
				unitId: good.unitId,
				hostSurname: '张',
				purpose: 'visit_family',
				purposeText: null,
				party: 2,
				remember: true
			}
		});
	});

	it('remembers the visitor only when they ticked the box', () => {
		const unticked: VisitorForm = { ...good };
		delete unticked.remember;
		const result = checkVisitorForm(unticked);
		expect(result.ok && result.visitor.remember).toBe(false);
	});

	it('names every wrong field at once', () => {
		expect(
			checkVisitorForm({
				name: '',
				phone: '',
				idType: '',
				idNumber: '',
				unitId: '',
				hostSurname: '',
				purpose: '',
				purposeText: '',
				party: ''
			})
		).toEqual({
			ok: false,
			errors: {
				name: 'visitorNameRequired',
				phone: 'visitorPhoneRequired',
				idType: 'visitorIdTypeRequired',
				idNumber: 'visitorIdNumberRequired',
				unitId: 'visitorUnitRequired',
				hostSurname: 'visitorHostSurnameRequired',
				purpose: 'visitorPurposeRequired',
				party: 'visitorPartyInvalid'
			}
		});
	});

	it('checks the number against the document chosen', () => {
		const errors = (idType: string, idNumber: string) => errorsOf({ ...good, idType, idNumber });
		expect(errors('resident_id', '110105194912310021')).toEqual({
			idNumber: 'visitorResidentIdInvalid'
		});
		expect(errors('passport', '11010519491231002X')).toEqual({});
		expect(errors('hk_macau_permit', 'h12345678')).toEqual({});
		expect(errors('taiwan_permit', 'H12345678')).toEqual({
			idNumber: 'visitorTaiwanPermitFormat'
		});
		// No type chosen: the number waits for one, unless it is missing too.
		expect(errors('driving_licence', '12345678')).toEqual({ idType: 'visitorIdTypeRequired' });
	});

	it('keeps the last four characters of the number, never needing more', () => {
		const result = checkVisitorForm({ ...good, idType: 'passport', idNumber: 'e 1234 5678' });
		expect(result.ok && [result.visitor.idNumber, result.visitor.idLast4]).toEqual([
			'E12345678',
			'5678'
		]);
	});

	it('asks for a few words when the purpose is “other”', () => {
		const other = (purposeText: string) => ({ ...good, purpose: 'other', purposeText });
		expect(errorsOf(other(''))).toEqual({ purposeText: 'visitorPurposeTextRequired' });
		expect(errorsOf(other('事'.repeat(41)))).toEqual({ purposeText: 'visitorPurposeTextTooLong' });
		expect(errorsOf(other('事'.repeat(40)))).toEqual({});
		const fine = checkVisitorForm(other(' 取回借用的梯子 '));
		expect(fine.ok && fine.visitor.purposeText).toBe('取回借用的梯子');
	});

	it('takes every purpose it offers', () => {
		for (const purpose of VISIT_PURPOSES) {
			expect(checkVisitorForm({ ...good, purpose, purposeText: '面试' }).ok).toBe(true);
		}
		expect(checkVisitorForm({ ...good, purpose: 'party' }).ok).toBe(false);
	});
});

describe('names', () => {
	it.each([
		['张伟', null],
		['买买提·艾力', null],
		['Anna Lee', null],
		['李'.repeat(20), null],
		['李'.repeat(21), 'visitorNameTooLong'],
		['', 'visitorNameRequired'],
		[' \t ', 'visitorNameRequired'],
		['张伟2', 'visitorNameInvalid'],
		['张伟２', 'visitorNameInvalid'],
		['·-·', 'visitorNameInvalid'],
		['张\u0000伟', 'visitorNameInvalid']
	] as const)('%j → %s', (raw, error) => {
		expect(nameError(raw)).toBe(error);
	});

	it('refuses any name with a digit in it', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 9 }), (text, digit) => {
				return nameError(`${text}${digit}`) !== null;
			})
		);
	});
});

describe('mobile numbers', () => {
	it.each([
		['13800138000', '13800138000'],
		['138 0013 8000', '13800138000'],
		['138-0013-8000', '13800138000'],
		['+86 138 0013 8000', '13800138000'],
		['0086-13800138000', '13800138000'],
		['１３８００１３８０００', '13800138000'],
		['19912345678', '19912345678'],
		['12800138000', null],
		['1380013800', null],
		['138001380001', null],
		['+85291234567', null],
		['010-12345678', null]
	])('%j → %j', (raw, phone) => {
		expect(normaliseMobile(raw)).toBe(phone);
	});

	it('takes any mainland mobile however it is spaced', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^1[3-9]\d{9}$/),
				fc.array(fc.constantFrom(' ', '-'), { maxLength: 11 }),
				(phone, gaps) => {
					const typed = [...phone].map((d, i) => d + (gaps[i] ?? '')).join('');
					return normaliseMobile(typed) === phone;
				}
			)
		);
	});
});

describe('the number of people', () => {
	it.each([
		['1', 1],
		[' 10 ', 10],
		['３', 3],
		['0', null],
		['11', null],
		['2.5', null],
		['-1', null],
		['两', null],
		['', null]
	])('%j → %j', (raw, party) => {
		expect(parseParty(raw)).toBe(party);
	});
});
