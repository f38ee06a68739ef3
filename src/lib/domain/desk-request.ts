import { descriptionError, isKioskRequestType, preferredAtError } from './kiosk-request.js';
import type { KioskRequestType, RequestError } from './kiosk-request.js';
import { isCategoryOf } from './ticket-categories.js';
import type { Channel } from './vocabulary.js';

/** The ways an owner reaches the desk other than the kiosk. */
export const DESK_CHANNELS = ['phone', 'walk_in'] as const satisfies readonly Channel[];
export type DeskChannel = (typeof DESK_CHANNELS)[number];

/** What customer service types when filing for an owner who phoned or walked in. */
export interface DeskForm {
	type: string;
	channel: string;
	unitId: string;
	callerName: string;
	callerPhone: string;
	category: string;
	description: string;
	preferredAt: string;
}

export type DeskField = keyof DeskForm;
export type DeskError =
	| RequestError
	| 'typeRequired'
	| 'channelRequired'
	| 'callerNameRequired'
	| 'callerNameTooLong'
	| 'callerPhoneFormat';

export interface DeskRequest {
	type: KioskRequestType;
	channel: DeskChannel;
	unitId: string;
	callerName: string;
	callerPhone: string;
	category: string;
	description: string;
}

/** Every field at once, so each message shows beside its field. */
export function checkDeskRequest(
	form: DeskForm,
	preferredAt: Date | null | 'invalid',
	now: Date
):
	| { ok: true; request: DeskRequest }
	| { ok: false; errors: Partial<Record<DeskField, DeskError>> } {
	const errors: Partial<Record<DeskField, DeskError>> = {};
	const type = isKioskRequestType(form.type) ? form.type : null;
	if (!type) errors.type = 'typeRequired';
	const channel = (DESK_CHANNELS as readonly string[]).includes(form.channel)
		? (form.channel as DeskChannel)
		: null;
	if (!channel) errors.channel = 'channelRequired';
	if (!form.unitId) errors.unitId = 'unitRequired';
	const callerName = form.callerName.trim();
	if (!callerName) errors.callerName = 'callerNameRequired';
	else if ([...callerName].length > 40) errors.callerName = 'callerNameTooLong';
	const callerPhone = form.callerPhone.replace(/[\s-]/g, '');
	if (!/^\+?\d{7,15}$/.test(callerPhone)) errors.callerPhone = 'callerPhoneFormat';
	if (type && !isCategoryOf(type, form.category)) errors.category = 'categoryRequired';
	const description = descriptionError(form.description);
	if (description) errors.description = description;
	const preferred = preferredAtError(preferredAt, now);
	if (preferred) errors.preferredAt = preferred;
	if (!type || !channel || Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		request: {
			type,
			channel,
			unitId: form.unitId,
			callerName,
			callerPhone,
			category: form.category,
			description: form.description.trim()
		}
	};
}
