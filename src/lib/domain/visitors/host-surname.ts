/**
 * The visitor names the host by surname: a light check that they know whom they visit, never a
 * secret. Chinese surnames are one or two characters (复姓 such as 欧阳), four at most for some
 * minority names; Latin surnames are longer (Smith, van Dyke), so they get room of their own.
 */

export const SURNAME_HAN_MAX = 4;
export const SURNAME_LATIN_MAX = 20;

export const HOST_SURNAME_ERRORS = [
	'visitorHostSurnameRequired',
	'visitorHostSurnameFormat'
] as const;
export type HostSurnameError = (typeof HOST_SURNAME_ERRORS)[number];

const HAN = /^\p{Script=Han}+$/u;
/** Latin letters, with single spaces, hyphens or apostrophes between them (O'Brien, Le-Roy). */
const LATIN = /^\p{Script=Latin}+(?:[ '’-]\p{Script=Latin}+)*$/u;

/** As typed, made plain: full-width letters folded, spaces trimmed and single. */
export function normaliseSurname(raw: string): string {
	return raw.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

export function checkHostSurname(raw: string): HostSurnameError | null {
	const surname = normaliseSurname(raw);
	if (!surname) return 'visitorHostSurnameRequired';
	const length = [...surname].length;
	if (HAN.test(surname) && length <= SURNAME_HAN_MAX) return null;
	if (LATIN.test(surname) && length <= SURNAME_LATIN_MAX) return null;
	return 'visitorHostSurnameFormat';
}

const fold = (text: string) => normaliseSurname(text).toLowerCase();

/**
 * Whether a resident's recorded full name carries the surname the visitor typed, ignoring case.
 * A Chinese name starts with its surname (张伟, 欧阳娜娜); a Latin name may put it anywhere
 * (John Smith, Smith John), so there it must be one or more whole words.
 */
export function hostSurnameMatches(typed: string, residentName: string): boolean {
	const surname = fold(typed);
	const name = fold(residentName);
	if (!surname || !name) return false;
	if (HAN.test(surname)) return name.replace(/ /g, '').startsWith(surname);
	return ` ${name} `.includes(` ${surname} `);
}
