import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { distinctPhones, emergencyText } from '../domain/emergency-text.js';
import { categoryLabel } from '../i18n/categories.js';
import type { Queryable } from './db/client.js';
import { buildings, sites, staffRoles, staffUsers, tickets } from './db/schema/index.js';
import { SYSTEM, appendEvent } from './event-log.js';
import type { SmsSender } from './notify/sms.js';

/**
 * The phones of the site's directors: enabled accounts with the director's role there and a
 * mobile on record (each person keeps their own under My account). Following the accounts, a
 * director who leaves (disabled, or another role) stops getting texts with nobody to remember it.
 */
export async function directorPhones(db: Queryable, siteId: string): Promise<string[]> {
	const rows = await db
		.select({ phone: staffUsers.phone })
		.from(staffUsers)
		.innerJoin(staffRoles, eq(staffRoles.userId, staffUsers.id))
		.where(
			and(
				eq(staffRoles.siteId, siteId),
				eq(staffRoles.role, 'director'),
				isNull(staffUsers.disabledAt),
				isNotNull(staffUsers.phone)
			)
		)
		.orderBy(staffUsers.username);
	return distinctPhones(rows.map((r) => r.phone));
}

/**
 * Texts the site's directors about an emergency just filed: what, the building and floor, the
 * number. Called once the filing has committed and only for a new one (a kiosk's retry texts no
 * one again). What happened goes on the ticket's timeline, without any number; with no director's
 * phone on record nothing is sent or written.
 */
export async function textDirectors(
	db: Queryable,
	input: { ticketId: string; send: SmsSender },
	now = new Date()
): Promise<{ recipients: number; sent: number }> {
	const [ticket] = await db
		.select({
			siteId: tickets.siteId,
			serial: tickets.serial,
			type: tickets.type,
			category: tickets.category,
			location: tickets.location,
			siteName: sites.name,
			buildingCode: buildings.code,
			buildingName: buildings.name
		})
		.from(tickets)
		.innerJoin(sites, eq(sites.id, tickets.siteId))
		.leftJoin(buildings, eq(buildings.id, tickets.buildingId))
		.where(eq(tickets.id, input.ticketId));
	if (!ticket || ticket.type !== 'emergency') return { recipients: 0, sent: 0 };
	const phones = await directorPhones(db, ticket.siteId);
	if (!phones.length) return { recipients: 0, sent: 0 };

	const text = emergencyText({
		siteName: ticket.siteName,
		kindName: categoryLabel('zh-CN', 'emergency', ticket.category),
		building:
			ticket.buildingName ||
			(ticket.buildingCode ? `${ticket.buildingCode}号楼` : '（未注明楼栋）'),
		floor: ticket.location?.floor ?? '',
		serial: ticket.serial
	});
	const results = await Promise.all(phones.map((to) => input.send({ to, text })));
	const sent = results.filter(Boolean).length;
	// Under the ticket's lock, as every ticket step: the event re-judges the ticket's clocks, and a
	// colleague taking the emergency meanwhile must not have its clocks judged on a stale timeline.
	await db.transaction(async (tx) => {
		await tx
			.select({ id: tickets.id })
			.from(tickets)
			.where(eq(tickets.id, input.ticketId))
			.for('no key update');
		await appendEvent(tx, {
			siteId: ticket.siteId,
			ticketId: input.ticketId,
			type: 'emergency.directors_texted',
			actor: SYSTEM,
			data: { serial: ticket.serial, recipients: phones.length, sent },
			at: now
		});
	});
	return { recipients: phones.length, sent };
}
