import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	nextTextAt,
	OWNER_LINK_SEND_FAILED,
	OWNER_LINK_SENT,
	ownerLinkText,
	phoneLast4,
	TEXT_WINDOW_MS,
	TEXTS_PER_HOUR,
	textableMobile,
	textsSent,
	type LinkEvent
} from './owner-link-desk.js';

const T0 = new Date('2026-11-23T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('the number a follow link goes to', () => {
	it.each([
		['13912345678', '13912345678'],
		['139 1234 5678', '13912345678'],
		['+86 139-1234-5678', '13912345678'],
		['１３９１２３４５６７８', '13912345678']
	])('is the mobile on record: %s', (phone, mobile) => {
		expect(textableMobile(phone)).toBe(mobile);
	});

	it.each([null, undefined, '', '0755-88886666', '88886666', '12912345678', '1391234567'])(
		'is none without a mainland mobile: %s',
		(phone) => {
			expect(textableMobile(phone)).toBeNull();
		}
	);

	it('goes on record by its last four digits only', () => {
		expect(phoneLast4('13912345678')).toBe('5678');
		expect(phoneLast4('139 1234-5678')).toBe('5678');
	});
});

describe('texts per hour', () => {
	it(`allows ${TEXTS_PER_HOUR} an hour, then says when the next may go`, () => {
		expect(TEXTS_PER_HOUR).toBe(3);
		expect(nextTextAt([], T0)).toBeNull();
		expect(nextTextAt([at(0), at(10)], at(20))).toBeNull();
		expect(nextTextAt([at(0), at(10), at(20)], at(30))).toEqual(at(60));
		// The oldest has left the hour.
		expect(nextTextAt([at(0), at(10), at(20)], at(60))).toBeNull();
		// Four in the window (sent before the rule, or at once): wait for the second to leave.
		expect(nextTextAt([at(20), at(0), at(10), at(5)], at(30))).toEqual(at(65));
	});

	it('never allows a fourth within any hour, and always allows one once the hour is clear', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 180 }), { maxLength: 8 }),
				fc.integer({ min: 0, max: 240 }),
				(minutes, nowMinute) => {
					const now = at(nowMinute);
					const sent = minutes.map(at).filter((d) => d <= now);
					const inHour = sent.filter((d) => d.getTime() > now.getTime() - TEXT_WINDOW_MS);
					const next = nextTextAt(sent, now);
					expect(next === null).toBe(inHour.length < TEXTS_PER_HOUR);
					if (next) {
						// The earliest moment another may go: allowed then, not a moment before.
						expect(next.getTime()).toBeGreaterThan(now.getTime());
						expect(nextTextAt(sent, next)).toBeNull();
						expect(nextTextAt(sent, new Date(next.getTime() - 1))).not.toBeNull();
					}
				}
			)
		);
	});

	it('counts only the texts that went out', () => {
		const events: LinkEvent[] = [
			{ seq: 7, type: OWNER_LINK_SENT, at: at(0), data: {} },
			{ seq: 8, type: OWNER_LINK_SEND_FAILED, at: at(0), data: { sentSeq: 7 } },
			{ seq: 12, type: OWNER_LINK_SENT, at: at(5), data: {} },
			{ seq: 13, type: 'ticket.contacted', at: at(6), data: { sentSeq: 12 } },
			{ seq: 15, type: OWNER_LINK_SENT, at: at(9), data: {} }
		];
		expect(textsSent(events)).toEqual([at(5), at(9)]);
	});
});

describe('the text', () => {
	it('names the estate, the request and the link, in Chinese', () => {
		const text = ownerLinkText({
			siteName: '锦绣花园',
			serial: 'R-20261123-004',
			link: 'https://desk.example.cn/o/abcdefghijklmnopqrstuvwxyz234567',
			days: 30
		});
		expect(text).toBe(
			'【锦绣花园】您的服务请求R-20261123-004已登记，可用手机随时查看处理进度：' +
				'https://desk.example.cn/o/abcdefghijklmnopqrstuvwxyz234567（30天内有效，请勿转发）'
		);
	});
});
