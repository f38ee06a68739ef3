import { fail, redirect } from '@sveltejs/kit';
import { checkNewPassword } from '#lib/domain/staff-rules.js';
import { requireStaff } from '#lib/server/auth/guard.js';
import { app } from '#lib/server/runtime.js';
import { changePassword, endSessions, listSessions } from '#lib/server/staff.js';
import type { Actions, PageServerLoad } from './$types';

/** One's own sessions and password: every signed-in person, whatever their role. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireStaff(locals, url);
	const sessions = await listSessions(app().db, user.id);
	return {
		mustChangePassword: user.mustChangePassword,
		sessions: sessions.map((s) => ({
			// The id is a hash of the token: safe to show, useless to steal.
			id: s.id,
			current: s.id === locals.session?.id,
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt,
			userAgent: s.userAgent,
			ipAddress: s.ipAddress
		}))
	};
};

export const actions: Actions = {
	endSession: async ({ locals, url, request }) => {
		const user = requireStaff(locals, url);
		const id = String((await request.formData()).get('session') ?? '');
		if (id && id !== locals.session?.id) await endSessions(app().db, user.id, { only: [id] });
		return { ended: true };
	},

	endOthers: async ({ locals, url }) => {
		const user = requireStaff(locals, url);
		if (locals.session) await endSessions(app().db, user.id, { allBut: locals.session.id });
		return { ended: true };
	},

	changePassword: async ({ locals, url, request }) => {
		const user = requireStaff(locals, url);
		const form = await request.formData();
		const current = String(form.get('current') ?? '').slice(0, 300);
		const next = String(form.get('next') ?? '').slice(0, 300);
		const confirm = String(form.get('confirm') ?? '').slice(0, 300);
		const errors = {
			current: current ? undefined : ('passwordCurrentRequired' as const),
			next: checkNewPassword(next, user.username) ?? undefined,
			confirm: next === confirm ? undefined : ('passwordMismatch' as const)
		};
		if (errors.current || errors.next || errors.confirm) return fail(400, { errors });
		if (!locals.session) redirect(303, '/console/sign-in');
		const result = await changePassword(app().db, {
			userId: user.id,
			sessionId: locals.session.id,
			current,
			next
		});
		if (!result.ok && result.error === 'throttled') {
			return fail(429, { errors: { current: 'passwordTooManyTries' as const } });
		}
		if (!result.ok) return fail(400, { errors: { current: 'passwordCurrentWrong' as const } });
		return { passwordChanged: true };
	}
};
