/** My account: changing one's password and ending sessions. */
export const zh = {
	accountTitle: '我的账号',
	accountMustChange: '请先设置您自己的新密码，然后才能继续使用工作台。',
	accountChangePassword: '修改密码',
	accountCurrentPassword: '当前密码',
	accountNewPassword: '新密码（至少 8 位）',
	accountConfirmPassword: '再次输入新密码',
	accountPasswordChanged: '密码已修改，其他设备上的登录已退出。',
	accountSessions: '已登录的设备',
	accountSessionDevice: '设备',
	accountSessionStarted: '登录时间',
	accountSessionLastSeen: '最近使用',
	accountThisSession: '本设备',
	accountEndSession: '退出该设备',
	accountEndOthers: '退出其他所有设备',
	passwordCurrentRequired: '请输入当前密码',
	passwordCurrentWrong: '当前密码不正确',
	passwordTooManyTries: '尝试次数过多，请 15 分钟后再试',
	passwordMismatch: '两次输入的新密码不一致',
	passwordTooShort: '新密码至少需要 8 位',
	passwordTooLong: '新密码太长了',
	passwordTooPlain: '这个密码太容易被猜到，请换一个'
} as const;
