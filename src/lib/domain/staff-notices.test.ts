import { describe, expect, it } from 'vitest';
import { noticeFor, type NoticeEvent } from './staff-notices.js';
import { STAFF_ROLES, type StaffRole } from './vocabulary.js';

const at = Date.UTC(2026, 10, 23, 2, 0);
const escalated: NoticeEvent = {
	type: 'ticket.escalated',
	at,
	reason: '仍然漏水',
	data: { serial: 'R-20261123-004', to: 'director' }
};
const breached: NoticeEvent = {
	type: 'clock.breached',
	at,
	reason: null,
	data: { serial: 'C-20261123-001', clock: 'complaint_reply', to: ['supervisor', 'director'] }
};

const toldOf = (event: NoticeEvent) =>
	STAFF_ROLES.filter((role) => noticeFor(event, role) !== null).sort();

describe('the console notices', () => {
	it('tell the director and the supervisor of an escalated ticket, with the reason', () => {
		expect(toldOf(escalated)).toEqual(['director', 'supervisor']);
		expect(noticeFor(escalated, 'director')).toEqual({
			kind: 'escalated',
			id: `ticket.escalated:R-20261123-004:${at}`,
			serial: 'R-20261123-004',
			reason: '仍然漏水'
		});
		expect(noticeFor({ ...escalated, reason: '  ' }, 'supervisor')).toMatchObject({
			reason: null
		});
	});

	it('tell a clock’s warning or breach to the roles it names, and only those', () => {
		expect(toldOf(breached)).toEqual(['director', 'supervisor']);
		expect(noticeFor(breached, 'supervisor')).toMatchObject({
			kind: 'clock',
			clock: 'complaint_reply',
			breached: true
		});
		const warned = {
			...breached,
			type: 'clock.at_risk',
			data: { ...breached.data, to: ['supervisor'] }
		};
		expect(toldOf(warned)).toEqual(['supervisor']);
		expect(noticeFor(warned, 'supervisor')).toMatchObject({ breached: false });
		// A malformed recipient list tells no one.
		expect(toldOf({ ...breached, data: { ...breached.data, to: 'director' } })).toEqual([]);
	});

	it('make nothing of other events, of events without a serial, or without a role', () => {
		const roles: (StaffRole | null)[] = [...STAFF_ROLES, null];
		for (const role of roles) {
			expect(noticeFor({ ...escalated, type: 'ticket.reopened' }, role)).toBeNull();
			expect(noticeFor({ ...escalated, data: { to: 'director' } }, role)).toBeNull();
			expect(noticeFor({ ...breached, data: { ...breached.data, serial: 7 } }, role)).toBeNull();
		}
		expect(noticeFor(escalated, null)).toBeNull();
	});

	it('tell the desk when an owner rates the work dissatisfied or turns a quote down', () => {
		const rated = {
			type: 'owner.rated',
			at: 1,
			reason: null,
			data: { serial: 'R-20261123-004', rating: 'dissatisfied', comment: ' 还在漏 ' }
		};
		expect(STAFF_ROLES.filter((r) => noticeFor(rated, r))).toEqual([
			'assistant',
			'supervisor',
			'director'
		]);
		expect(noticeFor(rated, 'assistant')).toMatchObject({
			kind: 'owner',
			said: 'dissatisfied',
			text: '还在漏'
		});
		expect(
			noticeFor({ ...rated, data: { ...rated.data, rating: 'neutral' } }, 'assistant')
		).toBeNull();
		const declined = { ...rated, type: 'quote.declined', data: { serial: 'S-1', by: 'owner' } };
		expect(noticeFor(declined, 'director')).toMatchObject({ said: 'quote_declined', text: null });
		// Staff recording the owner's refusal told the desk themselves.
		expect(noticeFor({ ...declined, data: { serial: 'S-1', by: 'desk' } }, 'director')).toBeNull();
	});
});
