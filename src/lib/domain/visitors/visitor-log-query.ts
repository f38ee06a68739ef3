import { addDays, isCalendarDate } from '../release-pass.js';
import {
	checkIdNumber,
	isIdDocumentType,
	normaliseIdNumber,
	type IdDocumentType,
	type IdNumberError
} from './id-documents.js';
import { NAME_MAX } from './visitor-form.js';

/**
 * The search of the visitor log (来人来访登记表). It is posted, not put in the address: a search
 * by name, phone or ID number must not sit in the browser's history or a proxy's log. The ID
 * number is searched by its keyed hash and never echoed back into the page.
 */

export const LOG_PAGE_SIZE = 50;
/** A search spans at most a year of site days. */
export const LOG_RANGE_DAYS_MAX = 366;
export const LOG_PHONE_MIN = 4;

export const LOG_QUERY_ERRORS = [
	'visitLogDateInvalid',
	'visitLogDateOrder',
	'visitLogDateRange',
	'visitLogUnitInvalid',
	'visitLogNameTooLong',
	'visitLogPhoneDigits',
	'visitLogPhoneShort',
	'visitLogIdTypeRequired'
] as const;
export type LogQueryError = (typeof LOG_QUERY_ERRORS)[number] | IdNumberError;

/** A real day the log can hold: no visit predates 2000, none is after 2100. */
function isLogDate(value: string): boolean {
	return isCalendarDate(value) && value >= '2000-01-01' && value <= '2100-12-31';
}

export type LogField = 'from' | 'to' | 'unit' | 'name' | 'phone' | 'idType' | 'idNumber';
export type LogQueryErrors = Partial<Record<LogField, LogQueryError>>;

/** What the form shows again: everything typed except the ID number. */
export type LogQueryValues = Record<Exclude<LogField, 'idNumber'>, string>;

export interface LogQuery {
	/** Site dates `YYYY-MM-DD`, both included. */
	from: string;
	to: string;
	unitId: string | null;
	/** Part of the visitor's name. */
	name: string | null;
	/** Digits that the visitor's phone contains (all 11: that phone exactly). */
	phone: string | null;
	idType: IdDocumentType | null;
	/** The normalised number, for the hash only. */
	idNumber: string | null;
	page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A posted form or an address's parameters. */
export interface FieldSource {
	get(name: string): unknown;
}

const read = (source: FieldSource, name: string, max = 100) => {
	const value = source.get(name);
	return (typeof value === 'string' ? value : '').slice(0, max).trim();
};

/** Digits only: spaces, dashes, brackets and a +86 country code are dropped; null if anything else. */
export function phoneDigits(raw: string): string | null {
	const text = raw
		.normalize('NFKC')
		.replace(/[\s()-]/gu, '')
		.replace(/^(?:\+86|0086)/, '');
	return /^\d*$/.test(text) ? text : null;
}

export function parseLogQuery(
	params: FieldSource,
	today: string
):
	| { ok: true; query: LogQuery; values: LogQueryValues }
	| { ok: false; errors: LogQueryErrors; values: LogQueryValues } {
	const values: LogQueryValues = {
		from: read(params, 'from', 20),
		to: read(params, 'to', 20),
		unit: read(params, 'unit', 64),
		name: read(params, 'name', NAME_MAX * 4),
		phone: read(params, 'phone', 40),
		idType: read(params, 'idType', 40)
	};
	const rawId = read(params, 'idNumber', 60);
	const errors: LogQueryErrors = {};

	if (values.from && !isLogDate(values.from)) errors.from = 'visitLogDateInvalid';
	if (values.to && !isLogDate(values.to)) errors.to = 'visitLogDateInvalid';
	const from = values.from || values.to || today;
	const to = values.to || (from > today ? from : today);
	if (!errors.from && !errors.to) {
		if (to < from) errors.to = 'visitLogDateOrder';
		else if (addDays(from, LOG_RANGE_DAYS_MAX - 1) < to) errors.to = 'visitLogDateRange';
	}

	if (values.unit && !UUID.test(values.unit)) errors.unit = 'visitLogUnitInvalid';
	const name = values.name.normalize('NFKC').replace(/\s+/gu, ' ');
	if ([...name].length > NAME_MAX) errors.name = 'visitLogNameTooLong';

	const phone = values.phone ? phoneDigits(values.phone) : '';
	if (phone === null || phone.length > 11) errors.phone = 'visitLogPhoneDigits';
	else if (phone && phone.length < LOG_PHONE_MIN) errors.phone = 'visitLogPhoneShort';

	const idType = isIdDocumentType(values.idType) ? values.idType : null;
	if (values.idType && !idType) errors.idType = 'visitLogIdTypeRequired';
	let idNumber: string | null = null;
	if (rawId) {
		if (!idType) errors.idType = 'visitLogIdTypeRequired';
		else {
			const problem = checkIdNumber(idType, rawId);
			if (problem) errors.idNumber = problem;
			else idNumber = normaliseIdNumber(idType, rawId);
		}
	}

	const pageText = read(params, 'page', 6);
	const page = /^\d+$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;

	if (Object.keys(errors).length) return { ok: false, errors, values };
	return {
		ok: true,
		values: { ...values, from, to },
		query: {
			from,
			to,
			unitId: values.unit ? values.unit.toLowerCase() : null,
			name: name || null,
			phone: phone || null,
			idType,
			idNumber,
			page
		}
	};
}
