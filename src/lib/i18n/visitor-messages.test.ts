import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_DOCUMENT_TYPES } from '../domain/visitors/id-documents.js';
import {
	INVITE_CODE_ERRORS,
	INVITE_DATE_ERRORS,
	INVITE_USE_ERRORS
} from '../domain/visitors/invite-code.js';
import {
	AT_DESK_REASONS,
	KIOSK_OUTCOMES,
	VISIT_STATUSES,
	visitOutcomeForKiosk
} from '../domain/visitors/visit-lifecycle.js';
import { VISIT_PURPOSES, VISITOR_FORM_ERRORS } from '../domain/visitors/visitor-form.js';
import { en } from './en.js';
import type { Messages } from './messages.js';
import {
	atDeskReasonLabel,
	idTypeLabel,
	purposeLabel,
	visitStatusLabel
} from './visitor-labels.js';
import { zhCN } from './zh-CN.js';

/** Every code the visitor domain returns is a message key: the compiler checks this list. */
const CODES: readonly (keyof Messages)[] = [
	...VISITOR_FORM_ERRORS,
	...INVITE_CODE_ERRORS,
	...INVITE_USE_ERRORS,
	...INVITE_DATE_ERRORS,
	...KIOSK_OUTCOMES
];

describe('visitor messages', () => {
	it('exist in both languages for every code the domain returns', () => {
		fc.assert(
			fc.property(fc.constantFrom(...CODES), (code) => {
				expect(typeof zhCN[code]).toBe('string');
				expect(typeof en[code]).toBe('string');
				expect(en[code]).not.toMatch(/[\u4e00-\u9fff]/);
				expect(zhCN[code]).toMatch(/[\u4e00-\u9fff]/);
			})
		);
	});

	it('are all prefixed, so they never clash with another face’s keys', () => {
		for (const code of CODES) expect(code).toMatch(/^visitor[A-Z]/);
	});

	it('name every document, purpose, status and desk reason in both languages', () => {
		for (const m of [zhCN, en]) {
			const labels = [
				...ID_DOCUMENT_TYPES.map((t) => idTypeLabel(m, t)),
				...VISIT_PURPOSES.map((p) => purposeLabel(m, p)),
				...VISIT_STATUSES.map((s) => visitStatusLabel(m, s)),
				...AT_DESK_REASONS.map((r) => atDeskReasonLabel(m, r))
			];
			for (const label of labels) expect(label.trim()).not.toBe('');
			// Two statuses may not read alike on the console.
			const statuses = VISIT_STATUSES.map((s) => visitStatusLabel(m, s));
			expect(new Set(statuses).size).toBe(statuses.length);
		}
	});

	it('tell a visitor sent to the desk nothing about why', () => {
		const words = zhCN[visitOutcomeForKiosk('at_desk')];
		expect(words).not.toMatch(/限制|黑名单|拒绝|禁止/);
		expect(en[visitOutcomeForKiosk('at_desk')]).not.toMatch(/block|restrict|ban|list/i);
	});
});
