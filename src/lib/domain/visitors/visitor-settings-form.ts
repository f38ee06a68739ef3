/**
 * The visitor settings a director may change: how long a host has to answer before the desk
 * takes over, and after how many days a visit's personal data is anonymised.
 */

export const CONSENT_MINUTES_MIN = 1;
export const CONSENT_MINUTES_MAX = 30;
/** The log serves the monthly reports: at least a month; at most ten years. */
export const RETENTION_DAYS_MIN = 30;
export const RETENTION_DAYS_MAX = 3650;

export const VISITOR_SETTINGS_ERRORS = [
	'visitSettingsConsentRange',
	'visitSettingsRetentionRange'
] as const;
export type VisitorSettingsError = (typeof VISITOR_SETTINGS_ERRORS)[number];

export interface VisitorSettingsForm {
	visitorConsentMinutes: string;
	visitorRetentionDays: string;
}
export interface VisitorSettings {
	visitorConsentMinutes: number;
	visitorRetentionDays: number;
}

/** A whole number as typed (full-width digits too) within the bounds, or null. */
function wholeNumber(raw: string, min: number, max: number): number | null {
	const text = raw.normalize('NFKC').trim();
	if (!/^\d{1,6}$/.test(text)) return null;
	const n = Number(text);
	return n >= min && n <= max ? n : null;
}

export function checkVisitorSettings(
	form: VisitorSettingsForm
):
	| { ok: true; settings: VisitorSettings }
	| { ok: false; errors: Partial<Record<keyof VisitorSettingsForm, VisitorSettingsError>> } {
	const consent = wholeNumber(form.visitorConsentMinutes, CONSENT_MINUTES_MIN, CONSENT_MINUTES_MAX);
	const retention = wholeNumber(form.visitorRetentionDays, RETENTION_DAYS_MIN, RETENTION_DAYS_MAX);
	const errors: Partial<Record<keyof VisitorSettingsForm, VisitorSettingsError>> = {};
	if (consent === null) errors.visitorConsentMinutes = 'visitSettingsConsentRange';
	if (retention === null) errors.visitorRetentionDays = 'visitSettingsRetentionRange';
	if (consent === null || retention === null) return { ok: false, errors };
	return {
		ok: true,
		settings: { visitorConsentMinutes: consent, visitorRetentionDays: retention }
	};
}
