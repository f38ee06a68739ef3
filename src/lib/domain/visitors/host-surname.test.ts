import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHostSurname, hostSurnameMatches, normaliseSurname } from './host-surname.js';

describe('the host’s surname', () => {
	it.each([
		['张', null],
		['欧阳', null],
		[' 司马 ', null],
		['爱新觉罗', null],
		['Smith', null],
		['van Dyke', null],
		["O'Brien", null],
		['Ｌｅｅ', null],
		['', 'visitorHostSurnameRequired'],
		['  ', 'visitorHostSurnameRequired'],
		['爱新觉罗氏', 'visitorHostSurnameFormat'],
		['Wolfeschlegelsteinhaus', 'visitorHostSurnameFormat'],
		['张3', 'visitorHostSurnameFormat'],
		['张Smith', 'visitorHostSurnameFormat'],
		['张 伟', 'visitorHostSurnameFormat'],
		['-Lee', 'visitorHostSurnameFormat'],
		['李先生?', 'visitorHostSurnameFormat']
	] as const)('%j → %s', (raw, error) => {
		expect(checkHostSurname(raw)).toBe(error);
	});

	it.each([
		['张', '张伟', true],
		['欧阳', '欧阳娜娜', true],
		['欧', '欧阳娜娜', true],
		['阳', '欧阳娜娜', false],
		['王', '张伟', false],
		['张', '张 伟', true],
		['smith', 'John Smith', true],
		['SMITH', 'Smith John', true],
		['van dyke', 'Anna van Dyke', true],
		['Smit', 'John Smith', false],
		['Ｌｅｅ', 'lee min-ho', true],
		['', '张伟', false],
		['张', '', false]
	] as const)('%j matches %j: %s', (typed, name, expected) => {
		expect(hostSurnameMatches(typed, name)).toBe(expected);
	});

	it('matches a Latin surname whatever its case', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^[A-Za-z]{1,12}$/),
				fc.stringMatching(/^[A-Za-z]{1,12}$/),
				(given, surname) => {
					const name = `${given} ${surname}`;
					return (
						hostSurnameMatches(surname.toUpperCase(), name) &&
						hostSurnameMatches(surname.toLowerCase(), name.toUpperCase())
					);
				}
			)
		);
	});

	it('normalises stably', () => {
		fc.assert(
			fc.property(
				fc.string(),
				(raw) => normaliseSurname(normaliseSurname(raw)) === normaliseSurname(raw)
			)
		);
	});
});
