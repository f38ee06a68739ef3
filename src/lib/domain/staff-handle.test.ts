import { describe, expect, it } from 'vitest';
import { staffHandle } from './staff-handle.js';

describe('a staff member as the owner sees them', () => {
	it.each([
		['王建国', 'engineer', '王师傅', 'Engineer Wang'],
		['李师傅', 'engineer', '李师傅', 'Engineer Li'],
		['王芳', 'assistant', '王助理', 'Assistant Wang'],
		['陈丽', 'supervisor', '陈主管', 'Supervisor Chen'],
		['周建国', 'director', '周主任', 'Director Zhou'],
		['赵强', 'guard', '赵师傅', 'Guard Zhao'],
		['欧阳娜娜', 'assistant', '欧阳助理', 'Assistant Ouyang'],
		['  吕明 ', 'engineer', '吕师傅', 'Engineer Lü'],
		['亓官', 'engineer', '亓师傅', 'Engineer 亓']
	] as const)('%s (%s) is %s / %s', (name, role, zh, en) => {
		expect(staffHandle(name, role)).toEqual({ zh, en });
	});

	it('gives a name in Latin letters by its first word only', () => {
		expect(staffHandle('Anna Schmidt', 'assistant')).toEqual({
			zh: '客服助理 Anna',
			en: 'Assistant Anna'
		});
	});

	it('falls back to the role without a name', () => {
		expect(staffHandle('  ', 'engineer')).toEqual({ zh: '维修师傅', en: 'Engineer' });
	});

	it('never contains the given name', () => {
		for (const name of ['王建国', '欧阳娜娜', '张秀英']) {
			const handle = staffHandle(name, 'engineer');
			const given = name.slice(-1);
			expect(handle.zh).not.toContain(given);
			expect(handle.en).not.toContain(given);
		}
	});
});
