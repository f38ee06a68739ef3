import type { Translation } from './translation.js';

/** Service clocks (SLA): their names, states and countdowns, on the console and the wall. */
export const zh = {
	clockEmergencyAcknowledge: '紧急响应',
	clockRepairArrival: '维修到场',
	clockComplaintReply: '投诉答复',
	clockComplaintNextReply: '约定再答复',
	clockComplaintFollowUp: '投诉回访',
	clockPaidServiceFollowUp: '有偿服务回访',
	clockRepairFollowUp: '维修回访',
	clockStateRunning: '计时中',
	clockStateAtRisk: '即将超时',
	clockStatePaused: '已暂停',
	clockStateMet: '已达成',
	clockStateBreached: '已超时',
	clocksTitle: '服务时限',
	clocksNone: '本工单没有服务时限。',
	clockDue: (p: { time: string }) => `时限 ${p.time}`,
	clockLeft: (p: { duration: string }) => `剩余 ${p.duration}`,
	clockLate: (p: { duration: string }) => `超时 ${p.duration}`,
	clockDays: (p: { days: number; hours: number }) => `${p.days}天${p.hours}小时`,
	clockPolicyVersion: (p: { version: number }) => `时限规则第 ${p.version} 版`,
	clockEscalatedTo: (p: { who: string }) => `已上报：${p.who}`,
	displayCountdown: '时限',
	eventClockAtRisk: '服务时限即将到期',
	eventClockBreached: '服务时限已超时'
} as const;

export const en: Translation<typeof zh> = {
	clockEmergencyAcknowledge: 'Emergency response',
	clockRepairArrival: 'Engineer on site',
	clockComplaintReply: 'Complaint reply',
	clockComplaintNextReply: 'Agreed next reply',
	clockComplaintFollowUp: 'Complaint follow-up',
	clockPaidServiceFollowUp: 'Paid service follow-up',
	clockRepairFollowUp: 'Repair follow-up',
	clockStateRunning: 'Running',
	clockStateAtRisk: 'At risk',
	clockStatePaused: 'Paused',
	clockStateMet: 'Met',
	clockStateBreached: 'Breached',
	clocksTitle: 'Service clocks',
	clocksNone: 'This request has no service clocks.',
	clockDue: (p) => `Due ${p.time}`,
	clockLeft: (p) => `${p.duration} left`,
	clockLate: (p) => `Late by ${p.duration}`,
	clockDays: (p) => `${p.days}d ${p.hours}h`,
	clockPolicyVersion: (p) => `Service policy v${p.version}`,
	clockEscalatedTo: (p) => `Escalated to ${p.who}`,
	displayCountdown: 'Time left',
	eventClockAtRisk: 'Service clock at risk',
	eventClockBreached: 'Service clock breached'
};
