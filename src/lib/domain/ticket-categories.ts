import type { Priority, TicketType } from './vocabulary.js';

/** The categories offered for each request type (DOMAIN.md "Request types"). */
export const TICKET_CATEGORIES = {
	emergency: ['medical', 'fire', 'flooding', 'security', 'other'],
	repair: ['water', 'power', 'door_lock', 'fixture', 'elevator', 'common_area', 'other'],
	complaint: ['staff', 'service', 'neighbour', 'noise', 'environment', 'other'],
	paid_service: [
		'cleaning',
		'appliance_repair',
		'installation',
		'pipe_unblocking',
		'moving',
		'delivery',
		'printing',
		'other'
	],
	consultation: ['rules', 'fees', 'procedures', 'invoices', 'other'],
	release_pass: ['moving_out', 'goods'],
	other: ['general']
} as const satisfies Record<TicketType, readonly string[]>;

export type TicketCategory<T extends TicketType = TicketType> =
	(typeof TICKET_CATEGORIES)[T][number];

export function isCategoryOf(type: TicketType, category: string): boolean {
	return (TICKET_CATEGORIES[type] as readonly string[]).includes(category);
}

/** Emergencies come first; complaints are time-critical (2-hour reply); the rest start normal. */
export const DEFAULT_PRIORITY: Record<TicketType, Priority> = {
	emergency: 'urgent',
	repair: 'normal',
	complaint: 'high',
	paid_service: 'normal',
	consultation: 'low',
	release_pass: 'normal',
	other: 'low'
};
