import { describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action } from './access.js';
import { STAFF_ROLES, type StaffRole } from './vocabulary.js';

/** The expected matrix, written out cell by cell from DOMAIN.md's "Who uses it". */
const EXPECTED: Record<Action, Record<StaffRole, boolean>> = {
	'console.open': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: true,
		guard: true,
		admin: true
	},
	'stream.staff': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: true,
		guard: true,
		admin: true
	},
	'ticket.read': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: true,
		guard: true,
		admin: false
	},
	'ticket.file': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	},
	'emergency.take': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: true,
		guard: true,
		admin: false
	},
	'ticket.dispatch': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	},
	'ticket.work': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: true,
		guard: false,
		admin: false
	},
	'ticket.follow_up': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	},
	'ticket.claim': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	},
	'fee.waive': {
		assistant: false,
		supervisor: false,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	},
	'pass.decide': {
		assistant: false,
		supervisor: true,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	},
	'pass.check': {
		assistant: false,
		supervisor: true,
		director: true,
		engineer: false,
		guard: true,
		admin: false
	},
	'staff.manage': {
		assistant: false,
		supervisor: false,
		director: false,
		engineer: false,
		guard: false,
		admin: true
	},
	'device.manage': {
		assistant: false,
		supervisor: false,
		director: false,
		engineer: false,
		guard: false,
		admin: true
	},
	'clocks.manage': {
		assistant: false,
		supervisor: false,
		director: true,
		engineer: false,
		guard: false,
		admin: true
	},
	'visitors.desk': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: false,
		guard: true,
		admin: false
	},
	'visitors.log': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: false,
		guard: true,
		admin: false
	},
	'visitors.export': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	},
	'visitors.block': {
		assistant: false,
		supervisor: true,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	},
	'ticket.owner_link': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	},
	'archive.read': {
		assistant: true,
		supervisor: true,
		director: true,
		engineer: false,
		guard: false,
		admin: false
	}
};

describe('the access matrix', () => {
	for (const [action, row] of Object.entries(EXPECTED) as [Action, Record<StaffRole, boolean>][]) {
		for (const role of STAFF_ROLES) {
			it(`${role} ${row[role] ? 'may' : 'may not'} ${action}`, () => {
				expect(can(role, action)).toBe(row[role]);
			});
		}
	}

	it('has a row for every action it knows', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
	});

	it('allows nothing without a role', () => {
		expect(can(null, 'console.open')).toBe(false);
		expect(can(undefined, 'archive.read')).toBe(false);
	});
});
