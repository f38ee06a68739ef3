import { fail } from '@sveltejs/kit';
import { requirePermission } from '#lib/server/auth/guard.js';
import { formId } from '#lib/server/http/form-values.js';
import { app } from '#lib/server/runtime.js';
import { blockFromForm, blockFromVisit, visitToBlock } from '#lib/server/visitors/block-entries.js';
import { liftBlock, listBlocks } from '#lib/server/visitors/blocks.js';
import type { Actions, PageServerLoad } from './$types';

/**
 * The block list: who the kiosk sends to the desk without saying why. Supervisors and the
 * director keep it; `?visit=<id>` (from a row of the visitor log) offers to block that visitor.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const { site } = await requirePermission(db, locals, url, 'visitors.block');
	const visitId = url.searchParams.get('visit');
	return {
		timeZone: site.timeZone,
		blocks: await listBlocks(db, site.id),
		fromVisit: visitId ? await visitToBlock(db, site.id, visitId) : null,
		fromVisitAsked: !!visitId
	};
};

const text = (form: FormData, name: string, max: number) =>
	String(form.get(name) ?? '').slice(0, max);

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'visitors.block');
		const form = await request.formData();
		const values = {
			name: text(form, 'name', 100),
			phone: text(form, 'phone', 40),
			idType: text(form, 'idType', 40),
			idNumber: text(form, 'idNumber', 60),
			reason: text(form, 'reason', 1000)
		};
		const result = await blockFromForm(db, {
			siteId: site.id,
			form: values,
			actor: { kind: 'staff', staffId: user.id }
		});
		// The ID number is not sent back into the page.
		if (!result.ok)
			return fail(400, { add: { values: { ...values, idNumber: '' }, errors: result.errors } });
		return { added: true };
	},

	fromVisit: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'visitors.block');
		const form = await request.formData();
		const visitId = formId(form, 'visit');
		const reason = text(form, 'reason', 1000);
		const result = visitId
			? await blockFromVisit(db, {
					siteId: site.id,
					visitId,
					reason,
					actor: { kind: 'staff', staffId: user.id }
				})
			: ({ ok: false, error: 'visitNotFound' } as const);
		if (!result.ok) {
			if ('errors' in result) {
				return fail(400, { fromVisit: { values: { reason }, errors: result.errors } });
			}
			return fail(404, {
				fromVisit: { values: { reason }, errors: {}, error: 'visitBlockFromVisitGone' as const }
			});
		}
		return { added: true };
	},

	lift: async ({ locals, url, request }) => {
		const { db } = app();
		const { site, user } = await requirePermission(db, locals, url, 'visitors.block');
		const blockId = formId(await request.formData(), 'block');
		const lifted = blockId
			? await liftBlock(db, {
					siteId: site.id,
					blockId,
					actor: { kind: 'staff', staffId: user.id }
				})
			: false;
		if (!lifted) return fail(409, { liftError: 'visitBlockLiftGone' as const });
		return { lifted: true };
	}
};
