import type { StaffRole } from './vocabulary.js';

/**
 * Who may do what, in one place (role × action). Every load, action, endpoint and socket
 * subscription asks `can`; nothing is allowed by a layout alone.
 */
export const ACCESS = {
	/** Open the staff console at all. */
	'console.open': ['assistant', 'supervisor', 'director', 'engineer', 'guard', 'admin'],
	/**
	 * Read the household archive: residents, phones, special-care flags. Confidential to
	 * customer service (seeds 000, 001).
	 */
	'archive.read': ['assistant', 'supervisor', 'director']
} as const satisfies Record<string, readonly StaffRole[]>;

export type Action = keyof typeof ACCESS;

export function can(role: StaffRole | null | undefined, action: Action): boolean {
	return !!role && (ACCESS[action] as readonly StaffRole[]).includes(role);
}
