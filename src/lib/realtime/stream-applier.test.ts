import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublicTicket } from '../domain/public-ticket.js';
import { TICKET_STATUSES } from '../domain/vocabulary.js';
import type { StreamMessage } from './stream.js';
import { StreamApplier } from './stream-applier.js';

const ticket = (serial: string, status: PublicTicket['status']): PublicTicket => ({
	serial,
	type: 'repair',
	category: 'water',
	buildingCode: '1',
	status,
	filedAt: 0,
	clocks: []
});

const message = (seq: number, t: PublicTicket | null = null): StreamMessage<'public'> => ({
	seq,
	ticket: t,
	event: null
});

describe('applying the stream', () => {
	it('applies changes in order, once, and drops closed tickets from the board', () => {
		const applier = new StreamApplier<PublicTicket>({ seq: 4, tickets: [ticket('R-1', 'new')] });
		const result = applier.offer([
			message(6, ticket('R-1', 'closed')),
			message(5, ticket('R-2', 'new')),
			message(5, ticket('R-2', 'new')),
			message(3)
		]);
		expect(result.applied).toEqual([5, 6]);
		expect([...applier.tickets.keys()]).toEqual(['R-2']);
		expect(result.gap).toBe(false);
	});

	it('holds what lies beyond a missing change, and says so', () => {
		const applier = new StreamApplier<PublicTicket>({ seq: 10, tickets: [] });
		const first = applier.offer([message(12), message(13)]);
		expect(first).toMatchObject({ applied: [], gap: true });
		expect(applier.seq).toBe(10);
		const second = applier.offer([message(11)]);
		expect(second).toMatchObject({ applied: [11, 12, 13], gap: false });
	});

	it('starts over from a snapshot, keeping only what is newer', () => {
		const applier = new StreamApplier<PublicTicket>({ seq: 1, tickets: [] });
		applier.offer([message(5), message(9)]);
		applier.reset({ seq: 8, tickets: [ticket('C-1', 'accepted')] });
		// 5 is covered by the snapshot and dropped; 9, waiting, follows it at once.
		expect(applier.offer([message(5)])).toMatchObject({ applied: [9], gap: false });
		expect(applier.offer([message(10)]).applied).toEqual([10]);
		expect([...applier.tickets.keys()]).toEqual(['C-1']);
	});

	it('whatever the order, duplication and batching, ends as if applied once in order', () => {
		const change = fc.record({
			serial: fc.constantFrom('A', 'B', 'C', 'D'),
			status: fc.constantFrom(...TICKET_STATUSES)
		});
		fc.assert(
			fc.property(
				fc.array(change, { minLength: 1, maxLength: 40 }),
				fc.infiniteStream(fc.integer({ min: 0, max: 1000 })),
				fc.integer({ min: 1, max: 6 }),
				(changes, noise, batchSize) => {
					const messages = changes.map((c, i) => message(i + 1, ticket(c.serial, c.status)));
					// Shuffled, with every message sent once or twice.
					const it = noise[Symbol.iterator]();
					const delivered = [...messages, ...messages.filter(() => it.next().value % 2 === 0)]
						.map((m) => ({ m, key: it.next().value }))
						.sort((a, b) => a.key - b.key)
						.map(({ m }) => m);

					const applier = new StreamApplier<PublicTicket>({ seq: 0, tickets: [] });
					const applied: number[] = [];
					for (let i = 0; i < delivered.length; i += batchSize) {
						applied.push(...applier.offer(delivered.slice(i, i + batchSize)).applied);
					}
					expect(applied).toEqual(messages.map((m) => m.seq));

					const expected = new Map<string, string>();
					for (const c of changes) {
						if (
							['new', 'accepted', 'in_progress', 'waiting_owner', 'reopened'].includes(c.status)
						) {
							expected.set(c.serial, c.status);
						} else expected.delete(c.serial);
					}
					const board = new Map([...applier.tickets].map(([k, t]) => [k, t.status as string]));
					expect(board).toEqual(expected);
				}
			)
		);
	});
});
