/** The console ticket page's owner-link panel: texting the reporter a follow link, withdrawing links. */
export const zh = {
	ownerLinkTitle: '业主跟进链接',
	ownerLinkSend: '发送跟进链接',
	ownerLinkSendTo: ({ last4 }: { last4: string }) =>
		`以短信发送到报事人登记的手机（尾号 ${last4}），业主用手机即可随时查看处理进度。`,
	ownerLinkNoMobile: '报事人没有登记手机号码，不能发送跟进链接。',
	ownerLinkActive: ({ count }: { count: number }) => `有效链接 ${count} 个`,
	ownerLinkRevoke: '收回链接',
	ownerLinkRevokeHint: '收回后，这张工单的所有业主链接（包括小票上的二维码）立即失效。',
	ownerLinkSentDone: ({ last4 }: { last4: string }) => `已发送到尾号 ${last4} 的手机。`,
	ownerLinkRevokedDone: ({ count }: { count: number }) => `已收回 ${count} 个链接。`,
	ownerLinkNoPhone: '这张工单没有报事人的手机号码，不能发送跟进链接。',
	ownerLinkTooMany: ({ count, time }: { count: number; time: string }) =>
		`这张工单一小时内已发送 ${count} 次跟进链接，请于 ${time} 后再试。`,
	ownerLinkNoGateway: '短信通道未配置，不能发送跟进链接。',
	ownerLinkSendFailed: '短信没有发出，这个链接已作废。请稍后再试，或电话告知业主。',
	ownerLinkNoneActive: '这张工单已经没有有效的业主链接。',
	ownerLinkToPhone: ({ last4 }: { last4: string }) => `尾号 ${last4}`,
	ownerLinkCount: ({ count }: { count: number }) => `${count} 个链接`,
	eventOwnerLinkSent: '短信发送了业主跟进链接',
	eventOwnerLinkSendFailed: '发送的跟进链接短信未发出，链接已作废',
	eventOwnerLinkRevoked: '收回了业主的跟进链接'
};
