import { fail } from '@sveltejs/kit';
import { editPolicy, policyFormValues } from '#lib/domain/clocks/policy-edit.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { policyHistory, publishPolicy } from '#lib/server/clocks/clock-settings.js';
import { loadClockRules } from '#lib/server/clocks/site-clock-rules.js';
import { app } from '#lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'clocks.manage');
	const { policy } = await loadClockRules(db, site.id);
	return {
		timeZone: site.timeZone,
		policy,
		values: policyFormValues(policy),
		history: await policyHistory(db, site.id)
	};
};

export const actions: Actions = {
	save: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'clocks.manage');
		const form = await request.formData();
		const values: Record<string, string> = {};
		for (const [name, value] of form) if (typeof value === 'string') values[name] = value;
		const { policy } = await loadClockRules(db, site.id);
		const edit = editPolicy(policy, values);
		if (!edit.ok) return fail(400, { errors: edit.errors, values });
		return { saved: await publishPolicy(db, site.id, user.id, edit) };
	}
};
