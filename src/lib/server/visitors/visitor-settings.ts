import { eq, sql } from 'drizzle-orm';
import { resolveSiteSettings } from '../../domain/site-settings.js';
import {
	checkVisitorSettings,
	type VisitorSettings,
	type VisitorSettingsError,
	type VisitorSettingsForm
} from '../../domain/visitors/visitor-settings-form.js';
import type { Queryable } from '../db/client.js';
import { sites } from '../db/schema/index.js';
import { appendEvent, lockSiteStream } from '../event-log.js';

/** The site's visitor settings as they stand (defaults filled in). */
export async function readVisitorSettings(db: Queryable, siteId: string): Promise<VisitorSettings> {
	const [site] = await db
		.select({ settings: sites.settings })
		.from(sites)
		.where(eq(sites.id, siteId));
	const settings = resolveSiteSettings(site?.settings);
	return {
		visitorConsentMinutes: settings.visitorConsentMinutes,
		visitorRetentionDays: settings.visitorRetentionDays
	};
}

export type SaveVisitorSettingsResult =
	| { ok: true; settings: VisitorSettings }
	| { ok: false; errors: Partial<Record<keyof VisitorSettingsForm, VisitorSettingsError>> };

/**
 * Saves the two fields into the site's stored settings, leaving every other setting as it was
 * (a JSON merge in the database, so a concurrent change to another field is not lost), and
 * records who changed what from what.
 */
export async function saveVisitorSettings(
	db: Queryable,
	input: { siteId: string; staffId: string; form: VisitorSettingsForm },
	now = new Date()
): Promise<SaveVisitorSettingsResult> {
	const checked = checkVisitorSettings(input.form);
	if (!checked.ok) return checked;
	const { settings } = checked;
	return db.transaction(async (tx) => {
		await lockSiteStream(tx, input.siteId);
		const before = await readVisitorSettings(tx, input.siteId);
		await tx
			.update(sites)
			.set({ settings: sql`${sites.settings} || ${JSON.stringify(settings)}::jsonb` })
			.where(eq(sites.id, input.siteId));
		await appendEvent(tx, {
			siteId: input.siteId,
			type: 'site.visitor_settings_changed',
			actor: { kind: 'staff', staffId: input.staffId },
			data: { before, after: settings },
			at: now
		});
		return { ok: true, settings };
	});
}
