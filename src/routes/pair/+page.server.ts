import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';

const CODE = /^[A-Z0-9]{8}$/;

export const actions: Actions = {
	/**
	 * A code is issued by an administrator when a device is registered; until one is, every code
	 * is refused with the same message as an expired one.
	 */
	default: async ({ request }) => {
		const form = await request.formData();
		const raw = String(form.get('code') ?? '').slice(0, 40);
		const code = raw.replace(/[\s-]/g, '').toUpperCase();
		if (!code) return fail(400, { values: { code: raw }, error: 'pairCodeRequired' as const });
		if (!CODE.test(code))
			return fail(400, { values: { code: raw }, error: 'pairCodeFormat' as const });
		return fail(400, { values: { code: raw }, error: 'pairCodeInvalid' as const });
	}
};
