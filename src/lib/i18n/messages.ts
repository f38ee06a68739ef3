import { en } from './en.js';
import type { Locale } from './locales.js';
import { zhCN } from './zh-CN.js';

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;

/** Every locale has exactly the Chinese keys, each with the same parameters. */
export type Messages = { readonly [K in keyof typeof zhCN]: Widen<(typeof zhCN)[K]> };

const CATALOGUES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function messagesFor(locale: Locale): Messages {
	return CATALOGUES[locale];
}
