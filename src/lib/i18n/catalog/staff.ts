/** Staff accounts, managed by the admin. */
export const zh = {
	staffTitle: '员工账号',
	staffCreate: '新建员工账号',
	staffCreated: (p: { username: string; password: string }) =>
		`已创建 ${p.username}，初始密码：${p.password}（只显示这一次，首次登录须修改）`,
	staffSaveRole: '保存',
	staffDisable: '停用',
	staffEnable: '恢复',
	staffDisabled: '已停用',
	usernameRequired: '请输入用户名',
	usernameFormat: '用户名为 3–32 位小写字母、数字或 . _ -，以字母开头',
	usernameTaken: '这个用户名已被使用',
	displayNameRequired: '请输入姓名',
	displayNameTooLong: '姓名最多 40 个字',
	roleRequired: '请选择岗位'
} as const;
