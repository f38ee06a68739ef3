import { NO_VALUES, type ActionValues } from '../../src/lib/domain/ticket-action-input.js';
import type { TicketAction } from '../../src/lib/domain/ticket-workflow.js';
import { STAFF_ROLES, type StaffRole, type TicketType } from '../../src/lib/domain/vocabulary.js';
import { kioskUnits } from '../../src/lib/server/kiosk.js';
import { defaultSite } from '../../src/lib/server/sites.js';
import { actOnTicket } from '../../src/lib/server/ticket-workflow.js';
import { fileTicket, type Ticket } from '../../src/lib/server/tickets.js';
import { staffIdOf, type TestDatabase } from './test-database.js';

/** A category of each type that the demo knows. */
const CATEGORY: Partial<Record<TicketType, string>> = {
	emergency: 'fire',
	repair: 'water',
	complaint: 'noise',
	paid_service: 'cleaning'
};

/**
 * The demo site's front desk for data-layer tests: files tickets for a demo home as a phone call
 * and works them as any demo role, at the instant given (now by default).
 */
export async function demoDesk(database: TestDatabase, homeIndex: number) {
	const siteId = (await defaultSite(database.db))?.id ?? '';
	const unitId = (await kioskUnits(database.db, siteId))[homeIndex]?.id ?? '';
	const staff = {} as Record<StaffRole, string>;
	for (const role of STAFF_ROLES) staff[role] = await staffIdOf(database, role);

	function file(type: TicketType = 'repair', now?: Date, category = CATEGORY[type] ?? 'other') {
		return fileTicket(database.db, {
			siteId,
			type,
			category,
			channel: 'phone',
			unitId,
			description: '卫生间漏水',
			actor: { kind: 'staff', staffId: staff.assistant },
			...(now ? { now } : {})
		});
	}

	function act(
		ticket: Ticket,
		action: TicketAction,
		role: StaffRole,
		values: Partial<ActionValues> = {},
		now?: Date
	) {
		return actOnTicket(
			database.db,
			{
				siteId,
				ticketId: ticket.id,
				action,
				actor: { staffId: staff[role], role },
				values: { ...NO_VALUES, ...values }
			},
			now
		);
	}

	/** Acts and insists it was allowed. */
	async function done(...args: Parameters<typeof act>): Promise<Ticket> {
		const result = await act(...args);
		if (!result.ok) throw new Error(`${args[1]} refused: ${result.error}`);
		return result.ticket;
	}

	return { siteId, unitId, staff, file, act, done };
}
