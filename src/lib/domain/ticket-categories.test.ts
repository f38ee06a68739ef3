import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY, isCategoryOf, TICKET_CATEGORIES } from './ticket-categories.js';
import { TICKET_TYPES } from './vocabulary.js';

describe('ticket categories', () => {
	it('offer categories for every request type in DOMAIN.md', () => {
		for (const type of TICKET_TYPES) expect(TICKET_CATEGORIES[type].length).toBeGreaterThan(0);
	});

	it('cover the emergencies of seed 001: medical, fire, flooding, security', () => {
		expect(TICKET_CATEGORIES.emergency).toEqual(
			expect.arrayContaining(['medical', 'fire', 'flooding', 'security'])
		);
	});

	it('keep each category to its own type', () => {
		expect(isCategoryOf('repair', 'water')).toBe(true);
		expect(isCategoryOf('repair', 'noise')).toBe(false);
		expect(isCategoryOf('complaint', 'noise')).toBe(true);
	});

	it('put emergencies first', () => {
		expect(DEFAULT_PRIORITY.emergency).toBe('urgent');
		expect(Object.values(DEFAULT_PRIORITY).filter((p) => p === 'urgent')).toHaveLength(1);
	});
});
