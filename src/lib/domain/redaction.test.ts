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
	location: null,
	filedAt: Date.UTC(2026, 10, 22, 2, 0),
	clocks: [
		{
			key: 'repair_arrival',
			deadline: Date.UTC(2026, 10, 22, 2, 20),
			atRiskAt: Date.UTC(2026, 10, 22, 2, 5),
			stoppedAt: null,
			pausedAt: null,
			pausedLeftMs: null
		}
	]
};

/** An emergency called from the kiosk: where to run is for staff, and only for staff. */
const emergency: TicketRecord = {
	...record,
	serial: 'E-20261122-001',
	type: 'emergency',
	category: 'medical',
	priority: 'urgent',
	careFlags: [],
	entrance: null,
	room: null,
	assigneeName: null,
	reporterName: null,
	location: { buildingCode: '2', floor: 'B3', room: '2-1703', note: '地下车库电梯口有人晕倒' }
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

	it("gives staff an emergency's place, and the lobby and staff room only its building", () => {
		expect(toStaffTicket(emergency).location).toEqual({
			buildingCode: '2',
			floor: 'B3',
			room: '2-1703',
			note: '地下车库电梯口有人晕倒'
		});
		const lobby = toPublicTicket(emergency);
		const room = toRoomTicket(emergency);
		expect(lobby).toMatchObject({ buildingCode: '2', type: 'emergency', category: 'medical' });
		expect(room).toMatchObject({ buildingCode: '2', entrance: null, room: null });
		for (const view of [lobby, room]) {
			expect(view).not.toHaveProperty('location');
			const text = JSON.stringify(view);
			for (const place of ['B3', '2-1703', '车库', '晕倒']) expect(text).not.toContain(place);
		}
	});

	it('never lets any place given with an emergency reach the lobby or the staff room', () => {
		const printable = fc.string({ minLength: 3, unit: 'grapheme' }).filter((s) => s.trim() === s);
		fc.assert(
			fc.property(printable, printable, printable, (floor, room, note) => {
				const t = { ...emergency, location: { buildingCode: '2', floor, room, note } };
				expect(toStaffTicket(t).location).toEqual(t.location);
				for (const view of [toPublicTicket(t), toRoomTicket(t)]) {
					expect(Object.keys(view)).not.toContain('location');
					const values = Object.values(view).map(String);
					for (const given of [floor, room, note]) expect(values).not.toContain(given);
				}
			})
		);
	});

	it('gives the lobby each clock as its code and instants only', () => {
		const withExtra = {
			...record,
			clocks: record.clocks.map((c) => ({ ...c, note: '王伟 13800001234' }))
		} as TicketRecord;
		const [clock] = toPublicTicket(withExtra).clocks;
		expect(Object.keys(clock ?? {}).sort()).toEqual(
			['atRiskAt', 'deadline', 'key', 'pausedAt', 'pausedLeftMs', 'stoppedAt'].sort()
		);
		expect(JSON.stringify(toPublicTicket(withExtra))).not.toContain('王伟');
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
