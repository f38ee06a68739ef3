import { normaliseMobile } from './visitors/visitor-form.js';

/**
 * The desk's side of the owner's phone link: customer service texts a fresh link to the reporter
 * of a request filed by phone or at the counter (who got no receipt), and withdraws every link of
 * a request (a receipt lost or handed to the wrong person). The rules, without I/O.
 */

/** At most this many texts per ticket within `TEXT_WINDOW_MS`: a resend, not a spam button. */
export const TEXTS_PER_HOUR = 3;
export const TEXT_WINDOW_MS = 60 * 60_000;

export const OWNER_LINK_SENT = 'owner_link.sent';
/** The gateway refused a text recorded as sent; its link was withdrawn at once. */
export const OWNER_LINK_SEND_FAILED = 'owner_link.send_failed';
export const OWNER_LINK_REVOKED = 'owner_link.revoked';

/** Why the desk cannot text a link or withdraw links now (message keys). */
export type OwnerLinkRefusal =
	| 'ownerLinkNoPhone'
	| 'ownerLinkTooMany'
	| 'ownerLinkNoGateway'
	| 'ownerLinkSendFailed'
	| 'ownerLinkNoneActive';

/**
 * The number a link may be texted to: the reporter's phone as recorded on the ticket (the
 * resident's, or the caller's as the desk typed it), when it is a mainland mobile. Staff never
 * type a number here, so a link cannot be sent to whoever asks for it.
 */
export function textableMobile(reporterPhone: string | null | undefined): string | null {
	return reporterPhone ? normaliseMobile(reporterPhone) : null;
}

/** The last four digits: all of a phone number that goes on the record. */
export function phoneLast4(phone: string): string {
	return phone.replace(/\D/g, '').slice(-4);
}

/** One of the ticket's link events, as read from its log. */
export interface LinkEvent {
	seq: number;
	type: string;
	at: Date;
	data: Record<string, unknown>;
}

/** When each text that went out was sent: `owner_link.sent` events no failure names. */
export function textsSent(events: readonly LinkEvent[]): Date[] {
	const failed = new Set(
		events
			.filter((e) => e.type === OWNER_LINK_SEND_FAILED && typeof e.data.sentSeq === 'number')
			.map((e) => e.data.sentSeq)
	);
	return events.filter((e) => e.type === OWNER_LINK_SENT && !failed.has(e.seq)).map((e) => e.at);
}

/**
 * When the next text may go: null for now, else the moment the oldest text that keeps the hour
 * full leaves it.
 */
export function nextTextAt(sent: readonly Date[], now: Date): Date | null {
	const from = now.getTime() - TEXT_WINDOW_MS;
	const recent = sent
		.map((d) => d.getTime())
		.filter((t) => t > from && t <= now.getTime())
		.sort((a, b) => a - b);
	if (recent.length < TEXTS_PER_HOUR) return null;
	return new Date((recent[recent.length - TEXTS_PER_HOUR] ?? now.getTime()) + TEXT_WINDOW_MS);
}

/**
 * The text itself, in Chinese (gateways in China send approved Chinese templates; the page it
 * opens has the language toggle): the estate, the request's number and the link.
 */
export function ownerLinkText(input: {
	siteName: string;
	serial: string;
	link: string;
	days: number;
}): string {
	return (
		`【${input.siteName}】您的服务请求${input.serial}已登记，` +
		`可用手机随时查看处理进度：${input.link}（${input.days}天内有效，请勿转发）`
	);
}
