import type { TICKET_CATEGORIES } from '../domain/ticket-categories.js';
import type { TicketType } from '../domain/vocabulary.js';
import type { Locale } from './locales.js';

type Names = {
	[T in TicketType]: { [C in (typeof TICKET_CATEGORIES)[T][number]]: [string, string] };
};

/** Each request category, in Chinese and English; the compiler checks every one is named. */
const NAMES: Names = {
	emergency: {
		medical: ['医疗急救', 'Medical'],
		fire: ['火警', 'Fire'],
		flooding: ['漏水水浸', 'Flooding'],
		security: ['治安（盗窃、打架）', 'Security (theft, fight)'],
		other: ['其他紧急情况', 'Other emergency']
	},
	repair: {
		water: ['水管 / 漏水', 'Water / leak'],
		power: ['电路 / 停电', 'Power'],
		door_lock: ['门锁 / 门窗', 'Doors / locks'],
		fixture: ['灯具 / 设施', 'Fixtures'],
		elevator: ['电梯', 'Lift'],
		common_area: ['公共区域', 'Common areas'],
		other: ['其他', 'Other']
	},
	complaint: {
		staff: ['员工态度', 'Staff'],
		service: ['服务质量', 'Service'],
		neighbour: ['邻里', 'Neighbours'],
		noise: ['噪音', 'Noise'],
		environment: ['卫生 / 环境', 'Cleanliness'],
		other: ['其他', 'Other']
	},
	paid_service: {
		cleaning: ['家政保洁', 'Home cleaning'],
		appliance_repair: ['家电 / 洁具维修', 'Appliance repair'],
		installation: ['安装', 'Installation'],
		pipe_unblocking: ['管道疏通', 'Unblocking pipes'],
		moving: ['搬家', 'Moving'],
		delivery: ['送水 / 送奶', 'Water / milk delivery'],
		printing: ['复印打印', 'Printing'],
		other: ['其他', 'Other']
	},
	consultation: {
		rules: ['管理规定', 'Rules'],
		fees: ['收费', 'Fees'],
		procedures: ['办事流程', 'Procedures'],
		invoices: ['发票', 'Invoices'],
		other: ['其他', 'Other']
	},
	release_pass: {
		moving_out: ['搬出', 'Moving out'],
		goods: ['物品出门', 'Taking goods out']
	},
	other: { general: ['一般求助', 'General help'] }
};

export function categoryLabel(locale: Locale, type: TicketType, category: string): string {
	const names = NAMES[type] as Record<string, [string, string]>;
	const name = names[category];
	return name ? name[locale === 'en' ? 1 : 0] : category;
}
