import { describe, expect, it } from 'vitest';
import { checkRequest, type RequestForm } from './kiosk-request.js';

const now = new Date('2026-11-22T02:00:00Z');
const good: RequestForm = {
	unitId: '0b0c2a56-0000-4000-8000-000000000001',
	phoneLast4: '1234',
	category: 'water',
	description: '厨房水龙头一直滴水',
	preferredAt: ''
};

describe('a kiosk request', () => {
	it('passes when every field is right', () => {
		expect(checkRequest('repair', good, null, now)).toEqual({});
		expect(checkRequest('repair', good, new Date('2026-11-23T01:00:00Z'), now)).toEqual({});
	});

	it('names every wrong field at once', () => {
		expect(
			checkRequest(
				'repair',
				{ unitId: '', phoneLast4: '12a4', category: 'noise', description: '  ', preferredAt: 'x' },
				'invalid',
				now
			)
		).toEqual({
			unitId: 'unitRequired',
			phoneLast4: 'phoneLast4Format',
			category: 'categoryRequired',
			description: 'descriptionRequired',
			preferredAt: 'preferredAtInvalid'
		});
	});

	it.each([
		['漏水', 'descriptionTooShort'],
		['水'.repeat(501), 'descriptionTooLong']
	])('measures a description in characters: %s…', (description, error) => {
		expect(checkRequest('repair', { ...good, description }, null, now).description).toBe(error);
	});

	it('takes a preferred time from now until 30 days ahead', () => {
		expect(checkRequest('repair', good, new Date('2026-11-22T01:59:00Z'), now).preferredAt).toBe(
			'preferredAtPast'
		);
		expect(checkRequest('repair', good, new Date('2026-12-23T02:00:00Z'), now).preferredAt).toBe(
			'preferredAtTooFar'
		);
	});
});
