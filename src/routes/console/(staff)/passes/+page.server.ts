import { fail } from '@sveltejs/kit';
import { checkRefusalReason, REFUSAL_MAX } from '#lib/domain/release-pass.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { formId } from '#lib/server/http/form-values.js';
import { decidedPasses, pendingPasses } from '#lib/server/release-pass-views.js';
import { decidePass } from '#lib/server/release-passes.js';
import { app } from '#lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

/** 放行审批: the duty supervisor's list of passes to approve or refuse, and the latest decided. */
export const load: PageServerLoad = async ({ locals, url, depends }) => {
	// Read again when the live stream says a pass was filed or decided elsewhere.
	depends('app:passes');
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'pass.decide');
	const [pending, decided] = await Promise.all([
		pendingPasses(db, site.id),
		decidedPasses(db, site.id)
	]);
	return { pending, decided };
};

export const actions: Actions = {
	approve: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'pass.decide');
		const passId = formId(await request.formData(), 'pass');
		if (!passId) return fail(404, { passError: { passId: '', error: 'passNotFound' as const } });
		const result = await decidePass(db, {
			siteId: site.id,
			passId,
			decision: 'approve',
			actor: { kind: 'staff', staffId: user.id }
		});
		if (!result.ok) {
			const status = result.error === 'passNotFound' ? 404 : 409;
			return fail(status, { passError: { passId, error: result.error } });
		}
		return { approved: result.code };
	},

	refuse: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'pass.decide');
		const form = await request.formData();
		const passId = formId(form, 'pass');
		const reason = String(form.get('reason') ?? '').slice(0, REFUSAL_MAX * 2);
		if (!passId) return fail(404, { passError: { passId: '', error: 'passNotFound' as const } });
		const reasonError = checkRefusalReason(reason);
		if (reasonError) {
			return fail(400, { refuse: { passId, values: { reason }, errors: { reason: reasonError } } });
		}
		const result = await decidePass(db, {
			siteId: site.id,
			passId,
			decision: 'refuse',
			reason,
			actor: { kind: 'staff', staffId: user.id }
		});
		if (!result.ok) {
			const status = result.error === 'passNotFound' ? 404 : 409;
			return fail(status, { passError: { passId, error: result.error } });
		}
		return { refused: result.code };
	}
};
