import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import {
	nextTextAt,
	OWNER_LINK_REVOKED,
	OWNER_LINK_SEND_FAILED,
	OWNER_LINK_SENT,
	ownerLinkText,
	phoneLast4,
	TEXT_WINDOW_MS,
	textableMobile,
	textsSent,
	type OwnerLinkRefusal
} from '../domain/owner-link-desk.js';
import { hashToken } from './auth/tokens.js';
import type { Queryable } from './db/client.js';
import { events, ownerLinks, residents, sites, tickets } from './db/schema/index.js';
import { appendEvent, type Actor } from './event-log.js';
import type { SmsSender } from './notify/sms.js';
import { mintOwnerLink, OWNER_LINK_DAYS, revokeOwnerLinks } from './owner-links.js';
import type { Ticket } from './tickets.js';

/**
 * The desk's owner links (see `domain/owner-link-desk.ts`): text the reporter a fresh link,
 * withdraw every link of a request, and what the ticket page shows of them. Every sending and
 * withdrawal is an event on the ticket's timeline, with no token and no more of the phone than
 * its last four digits.
 */

export type SendOwnerLinkResult =
	| { ok: true; phoneLast4: string; expiresAt: Date }
	| { ok: false; error: Exclude<OwnerLinkRefusal, 'ownerLinkNoneActive'>; retryAt?: Date };

export type WithdrawOwnerLinksResult =
	{ ok: true; withdrawn: number } | { ok: false; error: 'ownerLinkNoneActive' };

/** What the ticket page's panel shows. */
export interface OwnerLinkPanel {
	/** The last 4 of the mobile a link would go to; null: the ticket has no mobile to text. */
	phoneLast4: string | null;
	/** Links of this ticket that still open it (the kiosk's receipts' included). */
	active: number;
	/** A gateway is configured: without one nothing can be texted. */
	canText: boolean;
}

/** Locks the ticket against other desk link changes (and workflow steps) until the end. */
async function lockTicket(tx: Queryable, ticketId: string): Promise<Ticket> {
	const [ticket] = await tx
		.select()
		.from(tickets)
		.where(eq(tickets.id, ticketId))
		.for('no key update');
	if (!ticket) throw new Error(`No ticket ${ticketId}`);
	return ticket;
}

/** The reporter's phone as the ticket page shows it: the resident's on record, else the caller's. */
async function reporterPhone(db: Queryable, ticket: Ticket): Promise<string | null> {
	if (!ticket.reporterResidentId) return ticket.reporterPhone;
	const [resident] = await db
		.select({ phone: residents.phone })
		.from(residents)
		.where(eq(residents.id, ticket.reporterResidentId));
	return resident?.phone ?? ticket.reporterPhone;
}

export async function activeOwnerLinks(
	db: Queryable,
	ticketId: string,
	now = new Date()
): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(ownerLinks)
		.where(
			and(
				eq(ownerLinks.ticketId, ticketId),
				isNull(ownerLinks.revokedAt),
				gt(ownerLinks.expiresAt, now)
			)
		);
	return row?.n ?? 0;
}

export async function ownerLinkPanel(
	db: Queryable,
	ticket: { id: string; reporterPhone: string | null },
	canText: boolean,
	now = new Date()
): Promise<OwnerLinkPanel> {
	const mobile = textableMobile(ticket.reporterPhone);
	return {
		phoneLast4: mobile && phoneLast4(mobile),
		active: await activeOwnerLinks(db, ticket.id, now),
		canText
	};
}

/**
 * Texts the ticket's reporter a new link to its page at `origin`. The link and the
 * `owner_link.sent` event are committed first, under the ticket's lock, so two sendings at once
 * count against the hour one after the other; the text goes after the commit (no transaction
 * waits for the gateway). A text the gateway refuses withdraws its link and is recorded as not
 * sent, and does not count. Without a gateway (`send` null) nothing is done.
 */
export async function sendOwnerLink(
	db: Queryable,
	input: { ticketId: string; staffId: string; origin: string; send: SmsSender | null },
	now = new Date()
): Promise<SendOwnerLinkResult> {
	const { send } = input;
	if (!send) return { ok: false, error: 'ownerLinkNoGateway' };
	const actor: Actor = { kind: 'staff', staffId: input.staffId };
	const prepared = await db.transaction(async (tx) => {
		const ticket = await lockTicket(tx, input.ticketId);
		const mobile = textableMobile(await reporterPhone(tx, ticket));
		if (!mobile) return { ok: false as const, error: 'ownerLinkNoPhone' as const };
		const recent = await tx
			.select({ seq: events.seq, type: events.type, at: events.at, data: events.data })
			.from(events)
			.where(
				and(
					eq(events.ticketId, ticket.id),
					inArray(events.type, [OWNER_LINK_SENT, OWNER_LINK_SEND_FAILED]),
					gt(events.at, new Date(now.getTime() - TEXT_WINDOW_MS))
				)
			)
			.orderBy(asc(events.seq));
		const retryAt = nextTextAt(textsSent(recent), now);
		if (retryAt) return { ok: false as const, error: 'ownerLinkTooMany' as const, retryAt };
		const [site] = await tx
			.select({ name: sites.name })
			.from(sites)
			.where(eq(sites.id, ticket.siteId));
		const link = await mintOwnerLink(tx, ticket.id, now);
		const last4 = phoneLast4(mobile);
		const seq = await appendEvent(tx, {
			siteId: ticket.siteId,
			ticketId: ticket.id,
			type: OWNER_LINK_SENT,
			actor,
			data: { serial: ticket.serial, phoneLast4: last4, expiresAt: link.expiresAt.toISOString() },
			at: now
		});
		return { ok: true as const, ticket, mobile, last4, link, seq, siteName: site?.name ?? '' };
	});
	if (!prepared.ok) return prepared;

	const { ticket, mobile, last4, link, seq } = prepared;
	const text = ownerLinkText({
		siteName: prepared.siteName,
		serial: ticket.serial,
		link: new URL(`/o/${link.token}`, input.origin).toString(),
		days: OWNER_LINK_DAYS
	});
	if (await send({ to: mobile, text })) {
		return { ok: true, phoneLast4: last4, expiresAt: link.expiresAt };
	}
	await db.transaction(async (tx) => {
		await lockTicket(tx, ticket.id);
		await tx
			.update(ownerLinks)
			.set({ revokedAt: now })
			.where(eq(ownerLinks.tokenHash, hashToken(link.token)));
		await appendEvent(tx, {
			siteId: ticket.siteId,
			ticketId: ticket.id,
			type: OWNER_LINK_SEND_FAILED,
			actor,
			data: { serial: ticket.serial, phoneLast4: last4, sentSeq: seq },
			at: now
		});
	});
	return { ok: false, error: 'ownerLinkSendFailed' };
}

/** Ends every link of the ticket that still works; refused when none does. */
export async function withdrawOwnerLinks(
	db: Queryable,
	input: { ticketId: string; staffId: string },
	now = new Date()
): Promise<WithdrawOwnerLinksResult> {
	return db.transaction(async (tx) => {
		const ticket = await lockTicket(tx, input.ticketId);
		const active = await activeOwnerLinks(tx, ticket.id, now);
		if (active === 0) return { ok: false, error: 'ownerLinkNoneActive' };
		await revokeOwnerLinks(tx, ticket.id, now);
		await appendEvent(tx, {
			siteId: ticket.siteId,
			ticketId: ticket.id,
			type: OWNER_LINK_REVOKED,
			actor: { kind: 'staff', staffId: input.staffId },
			data: { serial: ticket.serial, count: active },
			at: now
		});
		return { ok: true, withdrawn: active };
	});
}
