import { describe, expect, it } from 'vitest';
import { BLOCK_FORM_ERRORS } from '../domain/visitors/block-form.js';
import { HOST_INVITE_ERRORS } from '../domain/visitors/host-invite-form.js';
import { LOG_QUERY_ERRORS } from '../domain/visitors/visitor-log-query.js';
import { VISITOR_SETTINGS_ERRORS } from '../domain/visitors/visitor-settings-form.js';
import { en } from './en.js';
import type { Messages } from './messages.js';
import { zhCN } from './zh-CN.js';

/** Every code the console's visitor forms and the household page return is a message key. */
const CODES: readonly (keyof Messages)[] = [
	...LOG_QUERY_ERRORS,
	...BLOCK_FORM_ERRORS,
	...VISITOR_SETTINGS_ERRORS,
	...HOST_INVITE_ERRORS
];

describe('visitor records and household messages', () => {
	it('exist in both languages for every code', () => {
		for (const code of CODES) {
			expect(typeof zhCN[code], code).toBe('string');
			expect(typeof en[code], code).toBe('string');
		}
	});

	it('name the host’s two buttons as the kiosk’s browser tests expect', () => {
		expect(zhCN.householdApprove).toBe('批准');
		expect(zhCN.householdRefuse).toBe('拒绝');
	});
});
