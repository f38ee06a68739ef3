import { addDays, siteDate } from '../release-pass.js';
import { formatSerial } from '../serial-number.js';
import { fromSiteLocal, siteDateKey } from '../site-time.js';
import { normaliseInviteCode, randomCode } from './invite-code.js';

/**
 * A visitor's pass: a number like the tickets' serials (`V-20261122-007`: the site's date of
 * approval and that day's counter), valid until the end of that day on the site's calendar.
 *
 * Why the calendar day and not the office's working hours: visitors come in the evening and at
 * weekends, when the office is shut and the guard is on duty; a pass that lapsed at 17:30, or
 * never existed on a Sunday, would be wrong for them. Midnight is the one boundary every site has.
 */

/** No ticket type uses V (`SERIAL_LETTERS`), so a pass is never read as a ticket. */
export const PASS_LETTER = 'V';

export function visitorPassPrefix(dateKey: string): string {
	if (!/^\d{8}$/.test(dateKey)) throw new Error(`Not a YYYYMMDD date key: ${dateKey}`);
	return `${PASS_LETTER}-${dateKey}`;
}

/** The pass number of the `counter`-th visit approved on the site's day containing `approvedAt`. */
export function formatVisitorPass(approvedAt: Date, timeZone: string, counter: number): string {
	return formatSerial(visitorPassPrefix(siteDateKey(approvedAt, timeZone)), counter);
}

export interface ParsedVisitorPass {
	dateKey: string;
	counter: number;
	/** The check code, when the text was the pass's QR code (`V-20261122-007.K7M3`). */
	check: string | null;
}

/**
 * Pass numbers run in sequence, so a number alone is easy to guess: signing out at the kiosk
 * also takes the pass's check code, printed beside the number and held in its QR code. Four
 * symbols of the invitation alphabet: 31⁴ ≈ 920,000, against ten tries per kiosk per ten minutes.
 */
export const PASS_CHECK_LENGTH = 4;

export function generatePassCheck(bytes?: (n: number) => Uint8Array): string {
	return randomCode(PASS_CHECK_LENGTH, bytes);
}

/** What the pass's QR code holds: its number and check code, which a scanner types as one. */
export function passScanText(number: string, check: string): string {
	return `${number}.${check}`;
}

/** Up to 999,999 visitors a day: a longer counter is not a pass, nor is 000. */
const PASS_PATTERN = /^V-(\d{8})-(\d{3,6})(?:\.([0-9A-Z]{4}))?$/;

/** A pass number as typed or scanned, written the one way it is stored; null when it is not one. */
export function canonicalVisitorPass(input: string): string | null {
	const parsed = parseVisitorPass(input);
	return parsed ? formatSerial(visitorPassPrefix(parsed.dateKey), parsed.counter) : null;
}

/**
 * Reads a pass number as typed (any case, full-width, spaces around it) or scanned (with its check
 * code); null when it is not one.
 */
export function parseVisitorPass(input: string): ParsedVisitorPass | null {
	const match = PASS_PATTERN.exec(input.normalize('NFKC').trim().toUpperCase());
	if (!match?.[1] || !match[2] || Number(match[2]) < 1) return null;
	return { dateKey: match[1], counter: Number(match[2]), check: match[3] ?? null };
}

/** A check code as typed: full-width folded, upper case, spaces dropped; '' when none. */
export function normalisePassCheck(raw: string): string {
	return normaliseInviteCode(raw);
}

/**
 * The first instant of a site calendar day (`YYYY-MM-DD`). Where daylight saving skips
 * midnight (some zones change clocks at 00:00), the day starts at the first minute that exists.
 */
export function siteDayStart(date: string, timeZone: string): Date {
	for (let hour = 0; hour < 24; hour++) {
		const start = fromSiteLocal(`${date}T${String(hour).padStart(2, '0')}:00`, timeZone);
		if (start) return start;
	}
	throw new Error(`No such day in ${timeZone}: ${date}`);
}

/** The instant the site's next calendar day begins, after the day that contains `instant`. */
export function nextSiteDayStart(instant: Date, timeZone: string): Date {
	return siteDayStart(addDays(siteDate(instant, timeZone), 1), timeZone);
}

/** A pass lets its visitor stay until, not including, this instant. */
export function passValidUntil(approvedAt: Date, timeZone: string): Date {
	return nextSiteDayStart(approvedAt, timeZone);
}

export function passIsValid(approvedAt: Date, timeZone: string, now: Date): boolean {
	return (
		now.getTime() >= approvedAt.getTime() &&
		now.getTime() < passValidUntil(approvedAt, timeZone).getTime()
	);
}
