import { describe, expect, it } from 'vitest';
import { checkActionInput, TEXT_MAX, type ActionInput } from './ticket-action-input.js';

const NOW = new Date('2026-11-22T06:00:00Z');
const LATER = new Date('2026-11-22T08:00:00Z');
const EARLIER = new Date('2026-11-22T05:00:00Z');
const input = (extra: Partial<ActionInput> = {}): ActionInput => ({
	staffId: '',
	contactKind: '',
	text: '',
	reason: '',
	satisfaction: '',
	at: null,
	nextReplyAt: null,
	incidentHappened: '',
	incidentDone: '',
	incidentAttended: '',
	...extra
});
const errorsOf = (result: ReturnType<typeof checkActionInput>) => (result.ok ? {} : result.errors);

describe('what each action needs', () => {
	it('a reason to decline, reopen or wait for the owner', () => {
		for (const action of ['decline', 'reopen', 'wait_owner'] as const) {
			expect(errorsOf(checkActionInput(action, 'repair', input({ reason: '  ' }), NOW))).toEqual({
				reason: 'reasonRequired'
			});
			const ok = checkActionInput(action, 'repair', input({ reason: ' 重复报修 ' }), NOW);
			expect(ok.ok && ok.values.reason).toBe('重复报修');
		}
	});

	it('a kind and the words of a contact; a next-reply time only in the future', () => {
		expect(errorsOf(checkActionInput('contact', 'complaint', input(), NOW))).toEqual({
			contactKind: 'contactKindRequired',
			text: 'textRequired'
		});
		expect(
			errorsOf(
				checkActionInput(
					'contact',
					'complaint',
					input({ contactKind: 'reply', text: '已答复', nextReplyAt: EARLIER }),
					NOW
				)
			)
		).toEqual({ nextReplyAt: 'timePast' });
		const ok = checkActionInput(
			'contact',
			'complaint',
			input({ contactKind: 'reply', text: '已答复', nextReplyAt: LATER }),
			NOW
		);
		expect(ok.ok && ok.values.nextReplyAt).toEqual(LATER);
	});

	it('a future time for an appointment', () => {
		expect(errorsOf(checkActionInput('appoint', 'repair', input(), NOW))).toEqual({
			at: 'timeRequired'
		});
		expect(errorsOf(checkActionInput('appoint', 'repair', input({ at: 'invalid' }), NOW))).toEqual({
			at: 'timeInvalid'
		});
		expect(errorsOf(checkActionInput('appoint', 'repair', input({ at: EARLIER }), NOW))).toEqual({
			at: 'timePast'
		});
		expect(checkActionInput('appoint', 'repair', input({ at: LATER }), NOW).ok).toBe(true);
	});

	it('whom to dispatch to, and what was done to resolve', () => {
		expect(errorsOf(checkActionInput('dispatch', 'repair', input(), NOW))).toEqual({
			staffId: 'staffRequired'
		});
		expect(errorsOf(checkActionInput('resolve', 'repair', input(), NOW))).toEqual({
			text: 'textRequired'
		});
		expect(
			errorsOf(
				checkActionInput('resolve', 'repair', input({ text: 'x'.repeat(TEXT_MAX + 1) }), NOW)
			)
		).toEqual({ text: 'textTooLong' });
	});

	it('a satisfaction for a follow-up, and why when dissatisfied', () => {
		expect(errorsOf(checkActionInput('follow_up', 'repair', input(), NOW))).toEqual({
			satisfaction: 'satisfactionRequired'
		});
		expect(
			errorsOf(
				checkActionInput('follow_up', 'repair', input({ satisfaction: 'dissatisfied' }), NOW)
			)
		).toEqual({ reason: 'reasonRequired' });
		expect(
			checkActionInput('follow_up', 'repair', input({ satisfaction: 'neutral' }), NOW).ok
		).toBe(true);
	});

	it('the incident report to close an emergency, and nothing to close anything else', () => {
		expect(errorsOf(checkActionInput('close', 'emergency', input(), NOW))).toEqual({
			incidentHappened: 'incidentRequired',
			incidentDone: 'incidentRequired',
			incidentAttended: 'incidentRequired'
		});
		const report = checkActionInput(
			'close',
			'emergency',
			input({ incidentHappened: '漏水', incidentDone: '关闭总阀', incidentAttended: '王工' }),
			NOW
		);
		expect(report.ok && report.values.incident).toEqual({
			happened: '漏水',
			done: '关闭总阀',
			attended: '王工'
		});
		expect(checkActionInput('close', 'repair', input(), NOW).ok).toBe(true);
	});
});
