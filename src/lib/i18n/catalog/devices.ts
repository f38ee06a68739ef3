/** Kiosks and displays: registering, pairing, revoking. */
export const zh = {
	devicesTitle: '终端与显示屏',
	devicesRegister: '登记新设备',
	devicesName: '设备名称',
	devicesKind: '类型',
	devicesAudience: '显示内容',
	devicesAudienceLobby: '大厅（公开，不含房号）',
	devicesAudienceStaffRoom: '员工室（含房号）',
	devicesState: '状态',
	devicesLastSeen: '最近在线',
	devicesOnline: '在线',
	devicesOffline: '离线',
	devicesUnpaired: '未配对',
	devicesRevoked: '已停用',
	devicesNewCode: '新配对码',
	devicesRevoke: '停用',
	devicesCodeFor: (p: { name: string }) =>
		`${p.name ? `「${p.name}」的` : ''}配对码（10 分钟内有效，只能用一次）`,
	devicesCodeHow: '在该设备上打开 /pair 页面并输入此配对码。',
	deviceNameRequired: '请给设备起个名字，例如「一楼大厅终端」',
	deviceKindRequired: '请选择设备类型',
	pairTitle: '配对设备',
	pairIntro: '请输入管理员在工作台生成的配对码（10 分钟内有效）。',
	pairCode: '配对码',
	pairSubmit: '配对',
	pairCodeRequired: '请输入配对码',
	pairCodeFormat: '配对码为 8 位字母或数字',
	pairCodeInvalid: '配对码无效或已过期，请向管理员重新获取',
	pairTooManyTries: '尝试次数过多，请 15 分钟后再试',
	pairAlreadyPaired: (p: { name: string }) =>
		`本机已配对为「${p.name}」。输入新的配对码可改为其他设备。`
} as const;
