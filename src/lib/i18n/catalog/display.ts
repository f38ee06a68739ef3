/** The wall display and the demo buttons that make this browser a device. */
export const zh = {
	displayTitle: '服务动态',
	displayOpenTickets: '处理中的工单',
	displayNoTickets: '当前没有待处理的工单',
	displayWaiting: '已等待',
	displayRevoked: '本显示屏已被停用',
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
