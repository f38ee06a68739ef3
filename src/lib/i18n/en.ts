import type { Messages } from './messages.js';
import { CATALOGUES } from './zh-CN.js';

/** English, gathered from the same catalogues as the Chinese. */
export const en: Messages = Object.assign({}, ...CATALOGUES.map((c) => c.en)) as Messages;
