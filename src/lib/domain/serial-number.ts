import { TICKET_TYPES, type TicketType } from './vocabulary.js';

/**
 * 客户需求处理单 NO.: a type letter, the site's calendar date and a daily counter, e.g.
 * `R-20261122-007`. Unique per site; the counter restarts each day and grows past 999 if needed.
 */
export const SERIAL_LETTERS: Record<TicketType, string> = {
	emergency: 'E',
	repair: 'R',
	complaint: 'C',
	paid_service: 'S',
	consultation: 'Q',
	release_pass: 'G',
	other: 'O'
};

/** The part of a serial shared by every ticket of one type on one day: `R-20261122`. */
export function serialPrefix(type: TicketType, dateKey: string): string {
	if (!/^\d{8}$/.test(dateKey)) throw new Error(`Not a YYYYMMDD date key: ${dateKey}`);
	return `${SERIAL_LETTERS[type]}-${dateKey}`;
}

export function formatSerial(prefix: string, counter: number): string {
	if (!Number.isInteger(counter) || counter < 1) throw new Error(`Bad serial counter: ${counter}`);
	return `${prefix}-${String(counter).padStart(3, '0')}`;
}

export interface ParsedSerial {
	type: TicketType;
	dateKey: string;
	counter: number;
}

const SERIAL_PATTERN = /^([A-Z])-(\d{8})-(\d{3,})$/;

/** Reads a serial typed by a person (any case, spaces around it); null when it is not one. */
export function parseSerial(input: string): ParsedSerial | null {
	const match = SERIAL_PATTERN.exec(input.trim().toUpperCase());
	if (!match) return null;
	const [, letter, dateKey, counter] = match;
	const type = TICKET_TYPES.find((t) => SERIAL_LETTERS[t] === letter);
	if (!type || !dateKey || !counter) return null;
	return { type, dateKey, counter: Number(counter) };
}
