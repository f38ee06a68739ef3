import type { StaffRole } from './vocabulary.js';

const EVERYONE = ['assistant', 'supervisor', 'director', 'engineer', 'guard', 'admin'] as const;
const CUSTOMER_SERVICE = ['assistant', 'supervisor', 'director'] as const;
const FIELD_WORK = [...CUSTOMER_SERVICE, 'engineer'] as const;
const ON_DUTY = [...FIELD_WORK, 'guard'] as const;

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
	/** Open a ticket's page: what, where, its timeline. */
	'ticket.read': ON_DUTY,
	/** File a request for an owner who phoned or walked in. */
	'ticket.file': CUSTOMER_SERVICE,
	/** Take a new request on (受理). */
	'ticket.claim': CUSTOMER_SERVICE,
	/** Take an emergency: whoever is nearest goes (seed 001). */
	'emergency.take': ON_DUTY,
	/** Assign, dispatch to an engineer, decline as invalid, reopen, close. */
	'ticket.dispatch': CUSTOMER_SERVICE,
	/**
	 * Record contacts, set the appointment, mark on site, resolve, record the owner's acceptance.
	 * Engineers only on the tickets assigned to them (see `ticket-workflow.ts`).
	 */
	'ticket.work': FIELD_WORK,
	/** 回访: call the owner back and record their satisfaction. */
	'ticket.follow_up': CUSTOMER_SERVICE,
	/**
	 * Waive all or part of a paid service's fee, with a reason, at most 200 yuan a month each: the
	 * project manager's alone (seed 003).
	 */
	'fee.waive': ['director'],
	/**
	 * Text the reporter a link to follow the request on their phone, and withdraw a request's
	 * links (a lost receipt): the desk that spoke with the owner.
	 */
	'ticket.owner_link': CUSTOMER_SERVICE,
	/** 物品放行条: the duty supervisor approves or refuses an owner's pass (seed 000). */
	'pass.decide': ['supervisor', 'director'],
	/** Look a pass up at the exit and mark it used; supervisors stand in for the gate. */
	'pass.check': ['guard', 'supervisor', 'director'],
	/** Create staff accounts, set their roles, disable them. */
	'staff.manage': ['admin'],
	/** Register, pair and revoke kiosks and displays; see their state. */
	'device.manage': ['admin'],
	/** Change the service policy (each clock's promise) and the working calendar. */
	'clocks.manage': ['director', 'admin'],
	/**
	 * The visitor desk: see who waits and who is in, record the host's consent taken by phone or
	 * intercom, invite a visitor, check a pass and sign a visitor out (seed 000).
	 */
	'visitors.desk': [...CUSTOMER_SERVICE, 'guard'],
	/** Search the visitor log (来人来访登记表): the guard looks up who came through the door. */
	'visitors.log': [...CUSTOMER_SERVICE, 'guard'],
	/**
	 * Take the log away as a file: every visitor's name and phone for any span of dates. The
	 * office's, not the gate's.
	 */
	'visitors.export': CUSTOMER_SERVICE,
	/** Keep the block list: who is sent to the desk, never told why. */
	'visitors.block': ['supervisor', 'director']
} as const satisfies Record<string, readonly StaffRole[]>;

export type Action = keyof typeof ACCESS;
export const ACTIONS = Object.keys(ACCESS) as Action[];

export function can(role: StaffRole | null | undefined, action: Action): boolean {
	return !!role && (ACCESS[action] as readonly StaffRole[]).includes(role);
}
