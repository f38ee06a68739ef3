import type { Locale } from './locales.js';
import type { Messages } from './messages.js';

/**
 * The messages a page needs, loaded with it rather than shipped with every page: one language,
 * and on the kiosk only the kiosk's catalogues, the fewest on its home screen (a kiosk's first
 * visit must stay light on a slow kiosk computer; see `npm run bench:kiosk`; the rest loads as
 * the owner reaches for a tile). Every other face gets every message of its language.
 *
 * The kiosk's sets are typed as all messages. `kiosk-messages.test.ts` checks that every message
 * the kiosk's pages and the modules they import name is in their set.
 */
export type Face = 'kiosk-home' | 'kiosk' | 'all';

export function faceOf(routeId: string | null): Face {
	if (routeId === '/kiosk') return 'kiosk-home';
	return routeId?.startsWith('/kiosk/') ? 'kiosk' : 'all';
}

const LOADERS: Record<Face, Record<Locale, () => Promise<Messages>>> = {
	'kiosk-home': {
		'zh-CN': async () =>
			(await import('./kiosk-home-zh-CN.js')).kioskHomeZhCN as unknown as Messages,
		en: async () => (await import('./kiosk-home-en.js')).kioskHomeEn as unknown as Messages
	},
	kiosk: {
		'zh-CN': async () => (await import('./kiosk-zh-CN.js')).kioskZhCN as unknown as Messages,
		en: async () => (await import('./kiosk-en.js')).kioskEn as unknown as Messages
	},
	all: {
		'zh-CN': async () => (await import('./zh-CN.js')).zhCN,
		en: async () => (await import('./en.js')).en
	}
};

export function loadMessages(locale: Locale, routeId: string | null): Promise<Messages> {
	return LOADERS[faceOf(routeId)][locale]();
}
