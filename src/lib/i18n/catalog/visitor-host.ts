/**
 * The household's phone page (`/h/<token>`): the visitors waiting for its answer, inviting a
 * guest, the household's invitations and recent visitors.
 */
export const zh = {
	householdTitle: '访客',
	householdHome: (p: { home: string }) => `${p.home}的访客`,
	householdWaitingTitle: '等您确认的访客',
	householdNoneWaiting: '现在没有等您确认的访客',
	householdApprove: '批准',
	householdRefuse: '拒绝',
	householdName: '姓名',
	householdPhoneLast4: '手机尾号',
	householdId: '证件',
	householdParty: '人数',
	householdPartyCount: (p: { n: number }) => `${p.n} 人`,
	householdPurpose: '来访事由',
	householdArrived: '到达时间',
	householdDeskTookOver: '您没有及时答复，服务台正在处理；您仍然可以在这里答复。',
	householdApproved: '已批准，访客可以进入。',
	householdRefused: '已拒绝，服务台会告知访客。',
	householdAlreadyDecided: '这位访客已经有人答复过了（服务台或您的家人），无需再答复。',
	householdVisitGone: '找不到这位访客，可能已经离开。',
	householdInviteTitle: '邀请访客',
	householdInviteIntro:
		'访客在来访当天到大堂自助终端输入邀请码并登记证件，即可领取访客通行证，无需再等您确认。',
	householdInviteDate: '来访日期',
	householdGuestName: '访客姓名',
	householdInviteSubmit: '生成邀请码',
	householdInviteDone: (p: { name: string; date: string }) =>
		`已为 ${p.name} 生成 ${p.date} 的邀请码`,
	householdInviteSend: '请把邀请码发给您的访客',
	householdInviteQr: (p: { code: string }) => `邀请码 ${p.code} 的二维码`,
	householdInvitationsTitle: '即将到来的邀请',
	householdNoInvitations: '没有即将到来的邀请',
	householdInviteCode: '邀请码',
	householdDate: '日期',
	householdStatus: '状态',
	householdCancelInvite: '取消邀请',
	householdInviteCancelled: '邀请已取消。',
	householdInviteCannotCancel: '这个邀请已经使用或已取消，不能再取消。',
	householdRecentTitle: '最近 30 天的访客',
	householdNoRecent: '最近 30 天没有访客',
	householdAnonymised: '（已匿名）',
	householdLinkGoneTitle: '这个链接已失效',
	householdLinkGoneBody:
		'链接可能已过期或已作废，或者您已不再是这户的登记住户。如有访客来访，请联系物业服务台。',
	householdGuestNameRequired: '请填写访客姓名',
	householdGuestNameTooLong: '姓名最多 20 字',
	householdGuestNameInvalid: '请按证件填写访客姓名，不要包含数字',
	householdInvitePurposeRequired: '请选择来访事由'
} as const;
