import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PUBLIC_TICKET_FIELDS } from './public-ticket.js';
import { toPublicTicket, toRoomTicket, toStaffTicket, type TicketRecord } from './redaction.js';

const record: TicketRecord = {
	id: '5b0c2a56-0000-4000-8000-000000000001',
	serial: 'R-20261122-007',
	type: 'repair',
	category: 'water',
	status: 'new',
	priority: 'normal',
	channel: 'kiosk',
	careFlags: ['elderly'],
	buildingCode: '2',
	entrance: '1',
	room: '502',
	assigneeName: '李师傅',
	reporterName: '王伟',
	filedAt: Date.UTC(2026, 10, 22, 2, 0)
};

describe('redaction', () => {
	it('gives the lobby codes, a building and a time — nothing else', () => {
		const ticket = toPublicTicket(record);
		expect(Object.keys(ticket).sort()).toEqual([...PUBLIC_TICKET_FIELDS].sort());
		const text = JSON.stringify(ticket);
		for (const personal of ['王伟', '李师傅', '502', 'elderly', record.id]) {
			expect(text).not.toContain(personal);
		}
	});

	it('adds the room for the staff room, but no name', () => {
		const ticket = toRoomTicket(record);
		expect(ticket).toMatchObject({ room: '502', entrance: '1', buildingCode: '2' });
		expect(JSON.stringify(ticket)).not.toContain('王伟');
		expect(JSON.stringify(ticket)).not.toContain('李师傅');
	});

	it('gives staff everything they work with', () => {
		expect(toStaffTicket(record)).toMatchObject({
			reporterName: '王伟',
			assigneeName: '李师傅',
			careFlags: ['elderly']
		});
	});

	it('never lets a field added to the record reach the lobby', () => {
		fc.assert(
			fc.property(fc.string(), fc.string({ minLength: 1 }), (key, value) => {
				const extended = { ...record, [`x${key}`]: value } as TicketRecord;
				expect(Object.keys(toPublicTicket(extended)).sort()).toEqual(
					[...PUBLIC_TICKET_FIELDS].sort()
				);
			})
		);
	});
});
