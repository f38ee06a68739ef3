import type { StaffRole } from './vocabulary.js';

const EVERYONE = ['assistant', 'supervisor', 'director', 'engineer', 'guard', 'admin'] as const;
const CUSTOMER_SERVICE = ['assistant', 'supervisor', 'director'] as const;

/**
 * Who may do what, in one place (role × action). Every load, action, endpoint and socket
 * subscription asks `can`; nothing is allowed by a layout alone. Signing in, seeing and ending
 * one's own sessions and changing one's own password need only a session.
 */
export const ACCESS = {
	/** Open the staff console. */
	'console.open': EVERYONE,
	/** Receive the site's live event stream with full (staff) payloads. */
	'stream.staff': EVERYONE,
	/**
	 * Read the household archive: residents, phones, special-care flags. Confidential to
	 * customer service (seeds 000, 001).
	 */
	'archive.read': CUSTOMER_SERVICE,
	/** Take a new request on (受理). */
	'ticket.claim': CUSTOMER_SERVICE,
	/** Create staff accounts, set their roles, disable them. */
	'staff.manage': ['admin'],
	/** Register, pair and revoke kiosks and displays; see their state. */
	'device.manage': ['admin']
} as const satisfies Record<string, readonly StaffRole[]>;

export type Action = keyof typeof ACCESS;
export const ACTIONS = Object.keys(ACCESS) as Action[];

export function can(role: StaffRole | null | undefined, action: Action): boolean {
	return !!role && (ACCESS[action] as readonly StaffRole[]).includes(role);
}
