import { TICKET_CATEGORIES } from '../../src/lib/domain/ticket-categories.js';
import type { FuzzContext } from './fuzz-context.js';

/** Field values that pass the forms' checks, so part of the fuzz reaches the writes behind them. */

export type Fields = (ctx: FuzzContext) => Record<string, string[]>;
export const NO_FIELDS: Fields = () => ({});
export const today = () => new Date().toISOString().slice(0, 10);
export const soon = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
export const key = () => [crypto.randomUUID()];
export const ALL_CATEGORIES = [...new Set(Object.values(TICKET_CATEGORIES).flat())];
export const ID_TYPES = ['resident_id', 'passport', 'other', 'hk_macau_permit', 'taiwan_permit'];
export const PURPOSES = ['visit_family', 'delivery', 'other', 'house_viewing'];

export const identity = (): Record<string, string[]> => ({
	name: ['张三', 'Anna Lee'],
	phone: ['13812345678', '+86 139 1234 5678'],
	idType: ID_TYPES,
	idNumber: ['E12345678', '110101199003078515', 'H12345678']
});
export const visitDetails = (ctx: FuzzContext): Record<string, string[]> => ({
	unitId: ctx.homes.map((h) => h.unitId),
	hostSurname: ['王', '李', 'Smith'],
	purpose: PURPOSES,
	purposeText: ['送文件'],
	party: ['1', '3', '10'],
	remember: ['yes', ''],
	idempotencyKey: key()
});
export const home = (ctx: FuzzContext) => ({
	unitId: ctx.homes.map((h) => h.unitId),
	phoneLast4: ctx.homes.map((h) => h.last4)
});
export const ticketAction: Fields = (ctx) => ({
	staffId: [ctx.spareUserId],
	contactKind: ['call', 'visit', 'note', 'sms'],
	text: ['已联系业主'],
	reason: ['业主要求'],
	satisfaction: ['satisfied', 'dissatisfied'],
	at: [soon()],
	nextReplyAt: [soon()],
	incidentHappened: ['yes'],
	incidentDone: ['yes'],
	incidentAttended: ['yes']
});
export const visitId: Fields = (ctx) => ({ visit: ctx.visitIds, note: ['电话确认'] });

export function logQuery(ctx: FuzzContext): Record<string, string[]> {
	return {
		from: [today(), '2020-01-01'],
		to: [today()],
		unit: ctx.homes.map((h) => h.unitId),
		name: ['李'],
		phone: ['1380000'],
		idType: ID_TYPES,
		idNumber: ['E12345678']
	};
}
