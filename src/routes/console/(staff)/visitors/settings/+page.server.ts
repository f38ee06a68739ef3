import { fail } from '@sveltejs/kit';
import { requirePermission } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { readVisitorSettings, saveVisitorSettings } from '#lib/server/visitors/visitor-settings.js';
import type { Actions, PageServerLoad } from './$types';

/** 访客设置: the host's time to answer and how long visitors' personal data is kept. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, config } = app();
	const { site } = await requirePermission(db, locals, url, 'clocks.manage');
	const settings = await readVisitorSettings(db, site.id);
	return {
		values: {
			visitorConsentMinutes: String(settings.visitorConsentMinutes),
			visitorRetentionDays: String(settings.visitorRetentionDays)
		},
		/** A test or drill server answers in seconds, whatever the site's setting says. */
		overrideSeconds: config.visitorConsentSeconds ?? null
	};
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 20);

export const actions: Actions = {
	save: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'clocks.manage');
		const form = await request.formData();
		const values = {
			visitorConsentMinutes: text(form, 'visitorConsentMinutes'),
			visitorRetentionDays: text(form, 'visitorRetentionDays')
		};
		const result = await saveVisitorSettings(db, {
			siteId: site.id,
			staffId: user.id,
			form: values
		});
		if (!result.ok) return fail(400, { values, errors: result.errors });
		return { saved: true };
	}
};
