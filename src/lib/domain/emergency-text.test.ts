import { describe, expect, it } from 'vitest';
import { distinctPhones, emergencyText } from './emergency-text.js';

describe('the emergency text to the director', () => {
	it('says what, where (building and floor) and the number, in Chinese', () => {
		expect(
			emergencyText({
				siteName: '阳光花园管理处',
				kindName: '火警',
				building: '2号楼',
				floor: 'B1',
				serial: 'E-20261123-002'
			})
		).toBe(
			'【阳光花园管理处】特别求助：火警，地点2号楼B1层，编号E-20261123-002。值班人员已收到警报，请关注处理。'
		);
	});

	it('leaves out an empty site name rather than showing empty brackets', () => {
		const text = emergencyText({
			siteName: ' ',
			kindName: '医疗急救',
			building: '1号楼',
			floor: '5',
			serial: 'E-20261123-001'
		});
		expect(text.startsWith('特别求助：医疗急救')).toBe(true);
	});

	it('texts each number once, skipping empty ones', () => {
		expect(distinctPhones(['13900001111', null, '', '13900002222', '13900001111'])).toEqual([
			'13900001111',
			'13900002222'
		]);
	});
});
