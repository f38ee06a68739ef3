import type { Translation } from './translation.js';

/** The wall display and the demo buttons that make this browser a device. */
export const zh = {
	displayTitle: '服务动态',
	displayOpenTickets: '处理中的工单',
	displayNoTickets: '当前没有待处理的工单',
	displayWaiting: '已等待',
	displayRevoked: '本显示屏已被停用',
	deviceWrongFace: (p: { other: string }) => `本设备已配对为「${p.other}」，不能在此使用。`,
	demoUseAsKiosk: '演示：把本机用作自助终端',
	demoUseAsDisplay: '演示：把本机用作大厅显示屏'
} as const;

export const en: Translation<typeof zh> = {
	displayTitle: 'Service board',
	displayOpenTickets: 'Open requests',
	displayNoTickets: 'No open requests right now',
	displayWaiting: 'Waiting',
	displayRevoked: 'This display has been switched off',
	deviceWrongFace: (p) =>
		`This device is paired as a ${p.other.toLowerCase()}; it cannot be used here.`,
	demoUseAsKiosk: 'Demo: use this browser as the kiosk',
	demoUseAsDisplay: 'Demo: use this browser as the wall display'
};
