import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ZH_CATALOGUES, zhCN } from './zh-CN.js';

describe('messages', () => {
	it('exist in both languages for every key', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
	});

	it('come from catalogues that never define the same key twice', () => {
		const keys = ZH_CATALOGUES.flatMap((c) => Object.keys(c));
		expect(keys.length).toBe(new Set(keys).size);
		expect(Object.keys(zhCN).length).toBe(keys.length);
	});

	it('are never left empty or untranslated', () => {
		for (const [key, zh] of Object.entries(zhCN)) {
			const english = en[key as keyof typeof en];
			if (typeof zh === 'string' && typeof english === 'string') {
				expect(zh.trim(), key).not.toBe('');
				expect(english.trim(), key).not.toBe('');
				expect(/[\u4e00-\u9fff]/.test(english), `${key} has Chinese in English`).toBe(
					key === 'languageToggle'
				);
			}
		}
	});

	it('place parameters into the sentence', () => {
		const unit = { building: '1', entrance: '2', room: '301' };
		expect(zhCN.unitLabel(unit)).toBe('1号楼2单元301室');
		expect(en.unitLabel(unit)).toBe('Bldg 1, Entr. 2, Rm 301');
	});
});
