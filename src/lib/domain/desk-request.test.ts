import { describe, expect, it } from 'vitest';
import { checkDeskRequest, type DeskForm } from './desk-request.js';
import { parseHomeSearch, parseQueueQuery } from './ticket-queues.js';

const now = new Date('2026-11-22T02:00:00Z');
const good: DeskForm = {
	type: 'complaint',
	channel: 'phone',
	unitId: '0b0c2a56-0000-4000-8000-000000000001',
	callerName: ' 张先生 ',
	callerPhone: '138-0000 1234',
	category: 'noise',
	description: '楼上深夜装修',
	preferredAt: ''
};

describe('a request filed at the desk', () => {
	it('passes with the caller and channel recorded, the phone without spaces', () => {
		const result = checkDeskRequest(good, null, now);
		expect(result).toEqual({
			ok: true,
			request: {
				type: 'complaint',
				channel: 'phone',
				unitId: good.unitId,
				callerName: '张先生',
				callerPhone: '13800001234',
				category: 'noise',
				description: '楼上深夜装修'
			}
		});
	});

	it('names every wrong field at once', () => {
		const result = checkDeskRequest(
			{
				...good,
				type: 'emergency',
				channel: 'kiosk',
				unitId: '',
				callerName: '',
				callerPhone: '12',
				description: ''
			},
			'invalid',
			now
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				type: 'typeRequired',
				channel: 'channelRequired',
				unitId: 'unitRequired',
				callerName: 'callerNameRequired',
				callerPhone: 'callerPhoneFormat',
				description: 'descriptionRequired',
				preferredAt: 'preferredAtInvalid'
			}
		});
	});

	it('refuses a category of another type', () => {
		const result = checkDeskRequest({ ...good, category: 'water' }, null, now);
		expect(result).toEqual({ ok: false, errors: { category: 'categoryRequired' } });
	});
});

describe('the console lists', () => {
	it('read their query, falling back to all open tickets', () => {
		expect(
			parseQueueQuery(new URLSearchParams('queue=mine&type=repair&status=new&q= 301 '))
		).toEqual({ queue: 'mine', type: 'repair', status: 'new', search: '301' });
		expect(parseQueueQuery(new URLSearchParams('queue=everything&type=x&status=y'))).toEqual({
			queue: 'open',
			type: null,
			status: null,
			search: ''
		});
	});

	it('understand a home however the desk types it', () => {
		const home = { building: '1', entrance: '2', room: '301' };
		expect(parseHomeSearch('1-2-301')).toEqual(home);
		expect(parseHomeSearch('1/2/301')).toEqual(home);
		expect(parseHomeSearch('1号楼2单元301室')).toEqual(home);
		expect(parseHomeSearch('R-20261122-001')).toBeNull();
		expect(parseHomeSearch('13800001234')).toBeNull();
	});
});
