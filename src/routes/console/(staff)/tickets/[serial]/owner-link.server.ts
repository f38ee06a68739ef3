import { fail } from '@sveltejs/kit';
import { can } from '#lib/domain/access.js';
import type { OwnerLinkRefusal } from '#lib/domain/owner-link-desk.js';
import { formatSiteTime } from '#lib/domain/site-time.js';
import type { StaffRole } from '#lib/domain/vocabulary.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import type { Queryable } from '#lib/server/db/client.js';
import {
	ownerLinkPanel,
	sendOwnerLink,
	withdrawOwnerLinks,
	type OwnerLinkPanel
} from '#lib/server/owner-link-desk.js';
import { app } from '#lib/server/runtime.js';
import { findTicket } from '#lib/server/ticket-view.js';
import type { RequestEvent } from './$types';

/**
 * The ticket page's owner-link panel and its two form actions (`sendOwnerLink`,
 * `revokeOwnerLinks`), kept apart from the workflow's. Their answers travel under `ownerLink`, so
 * they never open or close the workflow's forms.
 */

export type OwnerLinkOutcome =
	| { done: 'sent'; phoneLast4: string }
	| { done: 'revoked'; count: number }
	/** `retryAt`: when the hour's texts allow another, on the site's clock (HH:mm). */
	| { refusal: OwnerLinkRefusal | 'ticketNotFound'; retryAt: string | null };

const STATUS: Record<OwnerLinkRefusal | 'ticketNotFound', number> = {
	ticketNotFound: 404,
	ownerLinkNoPhone: 409,
	ownerLinkTooMany: 429,
	ownerLinkNoGateway: 409,
	ownerLinkSendFailed: 409,
	ownerLinkNoneActive: 409
};

function refuse(refusal: OwnerLinkRefusal | 'ticketNotFound', retryAt: string | null = null) {
	const ownerLink: OwnerLinkOutcome = { refusal, retryAt };
	return fail(STATUS[refusal], { ownerLink });
}

/** The panel for those who may use it; null for everyone else. */
export async function loadOwnerLinkPanel(
	db: Queryable,
	role: StaffRole,
	ticket: { id: string; reporterPhone: string | null }
): Promise<OwnerLinkPanel | null> {
	if (!can(role, 'ticket.owner_link')) return null;
	return ownerLinkPanel(db, ticket, app().config.sms.kind !== 'none');
}

export async function sendOwnerLinkAction({ locals, url, params }: RequestEvent) {
	const { db, sms, config } = app();
	const { user, site } = await requirePermission(db, locals, url, 'ticket.owner_link');
	const ticket = await findTicket(db, site.id, params.serial);
	if (!ticket) return refuse('ticketNotFound');
	const result = await sendOwnerLink(db, {
		ticketId: ticket.id,
		staffId: user.id,
		// `ORIGIN` (adapter-node) sets the address phones reach, as for the kiosk's QR code.
		origin: url.origin,
		send: config.sms.kind === 'none' ? null : sms
	});
	if (!result.ok) {
		return refuse(
			result.error,
			result.retryAt ? formatSiteTime(result.retryAt, site.timeZone) : null
		);
	}
	const ownerLink: OwnerLinkOutcome = { done: 'sent', phoneLast4: result.phoneLast4 };
	return { ownerLink };
}

export async function revokeOwnerLinksAction({ locals, url, params }: RequestEvent) {
	const { db } = app();
	const { user, site } = await requirePermission(db, locals, url, 'ticket.owner_link');
	const ticket = await findTicket(db, site.id, params.serial);
	if (!ticket) return refuse('ticketNotFound');
	const result = await withdrawOwnerLinks(db, { ticketId: ticket.id, staffId: user.id });
	if (!result.ok) return refuse(result.error);
	const ownerLink: OwnerLinkOutcome = { done: 'revoked', count: result.withdrawn };
	return { ownerLink };
}
