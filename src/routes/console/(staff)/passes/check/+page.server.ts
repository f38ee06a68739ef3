import { fail } from '@sveltejs/kit';
import { checkUse, normalizePassCode } from '#lib/domain/release-pass.js';
import { requirePermission } from '#lib/server/auth/guard.js';
import { formId } from '#lib/server/http/form-values.js';
import { passByCode } from '#lib/server/release-pass-views.js';
import { siteToday, usePass } from '#lib/server/release-passes.js';
import { app } from '#lib/server/runtime.js';
import type { Actions, PageServerLoad } from './$types';

/**
 * 放行核对 at the exit: the guard types the code (or scans the QR code, which opens this page with
 * it filled in), sees the pass and whether it may go out now, and marks it used.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'pass.check');
	const typed = (url.searchParams.get('code') ?? '').slice(0, 20);
	if (!typed.trim()) return { typed: '', codeError: null, pass: null, refusal: null };
	const code = normalizePassCode(typed);
	if (!code) return { typed, codeError: 'passCodeFormat' as const, pass: null, refusal: null };
	const pass = await passByCode(db, site.id, code);
	if (!pass) return { typed, codeError: 'passNotFound' as const, pass: null, refusal: null };
	const today = await siteToday(db, site.id, new Date());
	return { typed, codeError: null, pass, refusal: checkUse(pass, today) };
};

export const actions: Actions = {
	use: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'pass.check');
		const passId = formId(await request.formData(), 'pass');
		if (!passId) return fail(404, { useError: 'passNotFound' as const });
		const now = new Date();
		const result = await usePass(
			db,
			{ siteId: site.id, passId, actor: { kind: 'staff', staffId: user.id } },
			now
		);
		if (!result.ok) {
			return fail(result.error === 'passNotFound' ? 404 : 409, { useError: result.error });
		}
		return { used: { code: result.code, at: now } };
	}
};
