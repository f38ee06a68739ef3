/**
 * The kiosk's receipt and its printed form (客户需求处理单), and what happens next after filing,
 * which the owner's phone page repeats.
 */
export const zh = {
	receiptFormTitle: '客户需求处理单',
	receiptSpecialCare: '特别关照',
	receiptSpecialCareNote: '您家登记为需特别关照的住户，工作人员会优先上门并照顾您的需要。',
	receiptNo: 'NO.',
	receiptFiledAt: '登记时间',
	receiptType: '需求类型',
	receiptCategory: '类别',
	receiptHome: '房屋',
	receiptDescription: '需求内容',
	receiptPreferredAt: '希望上门时间',
	receiptNotGiven: '未填写',
	receiptNext: '后续处理',
	receiptScan: '用手机扫一扫，随时查看处理进度',
	receiptScanPrinted: '扫码查看处理进度、补充说明、确认预约、验收评价',
	receiptLinkValid: (p: { days: number }) => `二维码 ${p.days} 天内有效，请勿转给他人。`,
	receiptPrint: '打印处理单',
	nextEmergency: (p: { within: string }) => `值班人员会立即赶往现场，服务台 ${p.within}内响应。`,
	nextRepairArrival: (p: { hours: string | null; inHours: number; outOfHours: number }) =>
		`工作时间${p.hours ? `（${p.hours}）` : ''}内报修，维修人员 ${p.inHours} 分钟内到场；其他时间 ${p.outOfHours} 分钟内到场。`,
	nextRepairAccept: '维修完成后请您检查并验收，客服助理会回访。',
	nextComplaintReply: (p: { within: string }) =>
		`我们会在 ${p.within}内答复您，并与您约定下次答复的时间。`,
	nextComplaintFollowUp: (p: { within: string }) => `处理完毕后 ${p.within}内回访。`,
	nextPaidQuote:
		'开工前按公布的价目表报价（人工费 + 材料费），经您确认后再施工；上门时间按您方便的安排。',
	nextPaidFollowUp: (p: { within: string }) => `完工后请您验收签字，我们会在 ${p.within}内回访。`,
	withinMinutes: (p: { minutes: number }) =>
		p.minutes % 60 === 0 ? `${p.minutes / 60} 小时` : `${p.minutes} 分钟`,
	withinWorkingDays: (p: { days: number }) => `${p.days} 个工作日`,
	nextConsultation: '能当场答复的由服务台当场答复；不能当场答复的，由客服主管书面答复您。',
	nextReleasePass: '值班主管审批后生效，搬运出门时请向保安出示。',
	nextOther: '我们已记录，会尽快答复您。'
} as const;
