import type { Translation } from './catalog/translation.js';
import { en } from './en.js';
import type { Locale } from './locales.js';
import { zhCN } from './zh-CN.js';

/** Every locale has exactly the Chinese keys, each with the same parameters. */
export type Messages = Translation<typeof zhCN>;

const CATALOGUES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function messagesFor(locale: Locale): Messages {
	return CATALOGUES[locale];
}
