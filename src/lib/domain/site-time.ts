/**
 * Instants shown and keyed in a site's own time zone, 24-hour, whatever the server's zone.
 */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = partsCache.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		});
		partsCache.set(timeZone, formatter);
	}
	return formatter;
}

export interface LocalParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
	const parts: Record<string, number> = {};
	for (const part of partsFormatter(timeZone).formatToParts(instant)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year ?? 0,
		month: parts.month ?? 0,
		day: parts.day ?? 0,
		hour: parts.hour ?? 0,
		minute: parts.minute ?? 0,
		second: parts.second ?? 0
	};
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDD` of the site's calendar day that contains `instant`. */
export function siteDateKey(instant: Date, timeZone: string): string {
	const { year, month, day } = localParts(instant, timeZone);
	return `${pad(year, 4)}${pad(month)}${pad(day)}`;
}

/** `YYYY-MM-DD HH:mm`, the site's wall-clock time, 24-hour, the same in every language. */
export function formatSiteDateTime(instant: Date, timeZone: string): string {
	const { year, month, day, hour, minute } = localParts(instant, timeZone);
	return `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
}

/** `HH:mm` on the site's clock. */
export function formatSiteTime(instant: Date, timeZone: string): string {
	const { hour, minute } = localParts(instant, timeZone);
	return `${pad(hour)}:${pad(minute)}`;
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/**
 * The instant a site's wall clock shows `YYYY-MM-DDTHH:mm` (what a datetime-local field sends),
 * or null when it is not such a time. Works for any zone, daylight saving included.
 */
export function fromSiteLocal(value: string, timeZone: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
	if (!match) return null;
	const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
	const asUtc = Date.UTC(y, mo - 1, d, h, mi);
	if (Number.isNaN(asUtc)) return null;
	// The zone's offset at that moment, found by reading the guess back on the site's clock.
	let guess = asUtc;
	for (let i = 0; i < 2; i++) {
		const p = localParts(new Date(guess), timeZone);
		const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
		guess += asUtc - shown;
	}
	const check = localParts(new Date(guess), timeZone);
	const valid =
		check.year === y &&
		check.month === mo &&
		check.day === d &&
		check.hour === h &&
		check.minute === mi;
	return valid ? new Date(guess) : null;
}
