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
	demoUseAsDisplay: '演示：把本机用作大厅显示屏',
	displayVisitors: (p: { waiting: number; onSite: number }) =>
		`访客：等候 ${p.waiting} 人 · 在场 ${p.onSite} 人`,
	displayToday: (p: { filed: number; resolved: number }) =>
		`今日受理 ${p.filed} · 解决 ${p.resolved}`,
	displayMet: (p: { percent: number }) => `按时 ${p.percent}%`,
	displayMetNone: '按时 —',
	displayBuilding: (p: { code: string }) => `${p.code}号楼`,
	displayEmergencyCalling: '工作人员正在赶来',
	displaySoundEnable: '轻触一次，开启紧急警报声',
	displayStale: (p: { duration: string }) => `连接已中断 ${p.duration}，显示的可能不是最新情况`,
	displayPage: (p: { page: number; pages: number }) => `第 ${p.page}/${p.pages} 页`
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
	demoUseAsDisplay: 'Demo: use this browser as the wall display',
	displayVisitors: (p) => `Visitors: ${p.waiting} waiting · ${p.onSite} on site`,
	displayToday: (p) => `Today: ${p.filed} filed · ${p.resolved} resolved`,
	displayMet: (p) => `${p.percent}% on time`,
	displayMetNone: 'On time: —',
	displayBuilding: (p) => `Building ${p.code}`,
	displayEmergencyCalling: 'Staff are on their way',
	displaySoundEnable: 'Tap once to allow the emergency alarm',
	displayStale: (p) => `Link down for ${p.duration}; this may be out of date`,
	displayPage: (p) => `Page ${p.page} of ${p.pages}`
};
