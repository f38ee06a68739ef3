import type { Locale } from '#lib/i18n/locales.js';
import type { Messages } from '#lib/i18n/messages.js';
import type { Session, SessionUser } from '#lib/server/auth/session.js';
import type { DeviceIdentity } from '#lib/server/devices.js';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted to the desk when a person reports a problem; the details stay in the log. */
			errorId?: string;
		}
		/** From the root layout: every page knows its language and whether this is the demo. */
		interface PageData {
			locale: Locale;
			demo: boolean;
			/** The page's messages in its language (the root layout's universal load). */
			messages?: Messages;
		}
		interface Locals {
			locale: Locale;
			user: SessionUser | null;
			session: Session | null;
			/** The paired kiosk or display this request comes from, if any. */
			device: DeviceIdentity | null;
		}
	}
}

export {};
