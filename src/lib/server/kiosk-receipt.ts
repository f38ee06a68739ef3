import { and, eq, gte } from 'drizzle-orm';
import { loadClockRules } from './clocks/site-clock-rules.js';
import { nextSteps, type NextStep } from '../domain/next-steps.js';
import type { TicketType } from '../domain/vocabulary.js';
import type { Queryable } from './db/client.js';
import { sites, tickets } from './db/schema/index.js';
import { mintOwnerLink } from './owner-links.js';
import { homeOf, type Home } from './owner-status.js';

/**
 * How long after filing the kiosk that filed a request may show its receipt. A lobby kiosk must
 * not show anyone's request by number: only the one just filed, to the person still standing there.
 */
export const RECEIPT_MINUTES = 15;

/** The receipt (客户需求处理单) as printed for the owner, with the link behind its QR code. */
export interface KioskReceipt {
	serial: string;
	type: TicketType;
	category: string;
	filedAt: Date;
	home: Home | null;
	description: string;
	preferredAt: Date | null;
	/** The household is flagged for special care (老幼病残孕): the desk sees it on the ticket. */
	specialCare: boolean;
	/** The estate's name, in Chinese and English, for the form's heading. */
	siteName: { zh: string; en: string };
	timeZone: string;
	nextSteps: NextStep[];
	/** The owner's phone link's token; each receipt shown makes a new one. */
	token: string;
}

/**
 * The receipt of the request `serial` if this kiosk filed it in the last 15 minutes, else null.
 * Each call mints a fresh owner link.
 */
export async function kioskReceipt(
	db: Queryable,
	kiosk: { id: string; siteId: string },
	serial: string,
	now = new Date()
): Promise<KioskReceipt | null> {
	const [ticket] = await db
		.select()
		.from(tickets)
		.where(
			and(
				eq(tickets.siteId, kiosk.siteId),
				eq(tickets.serial, serial),
				eq(tickets.createdByDeviceId, kiosk.id),
				gte(tickets.createdAt, new Date(now.getTime() - RECEIPT_MINUTES * 60_000))
			)
		);
	if (!ticket) return null;
	const [site] = await db
		.select({
			name: sites.name,
			nameEn: sites.nameEn,
			timeZone: sites.timeZone
		})
		.from(sites)
		.where(eq(sites.id, kiosk.siteId));
	if (!site) throw new Error(`No site ${kiosk.siteId}`);
	const link = await mintOwnerLink(db, ticket.id, now);
	return {
		serial: ticket.serial,
		type: ticket.type,
		category: ticket.category,
		filedAt: ticket.createdAt,
		home: await homeOf(db, ticket.unitId),
		description: ticket.description,
		preferredAt: ticket.preferredAt,
		specialCare: ticket.careFlags.length > 0,
		siteName: { zh: site.name, en: site.nameEn },
		timeZone: site.timeZone,
		nextSteps: nextSteps(ticket.type, (await loadClockRules(db, ticket.siteId)).policy),
		token: link.token
	};
}
