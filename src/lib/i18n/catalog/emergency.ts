/** A place as staff and the caller read it: building, floor, then the room or spot if given. */
export interface Place {
	building: string;
	floor: string;
	room: string;
}

/** Emergency help: the kiosk's call for help, its receipt, and the console's alert. */
export const zh = {
	emergencyKioskIntro: '请告诉我们发生了什么、在哪里，工作人员会立即赶到。',
	emergencyStepKind: '1. 发生了什么',
	emergencyStepPlace: '2. 在哪里',
	emergencyHintMedical: '有人受伤、晕倒、急病',
	emergencyHintFire: '起火、冒烟、燃气味',
	emergencyHintFlooding: '漏水、水管爆裂、水浸',
	emergencyHintSecurity: '盗窃、打架、可疑人员',
	emergencyHintOther: '其他需要马上处理的情况',
	emergencyBuilding: '楼栋',
	emergencyFloor: '楼层',
	emergencyFloorHint: '填数字；地下层填 B1、B2',
	emergencyFloorPick: '点选楼层',
	emergencyRoom: '单元-房号或具体位置（可不填）',
	emergencyNote: '补充说明（可不填）',
	emergencyUseHome: '用我家的地址',
	emergencyHome: '我家（楼栋、单元、房号）',
	emergencySubmit: '呼叫求助',
	emergencyLifeThreat: '危及生命时请立即拨打 120（急救）、119（火警）、110（报警）。',
	emergencyOfflineBody: '呼叫尚未送达，恢复后会自动再次呼叫。情况紧急请同时到服务台找工作人员。',
	emergencyDoneTitle: '已通知工作人员，马上有人赶到',
	emergencyDoneNumber: '求助编号',
	emergencyDoneWhere: '前往地点',
	emergencyDoneWaiting: '正在通知所有值班人员和管理处主任…',
	emergencyDoneTaken: '工作人员已出发，请稍候',
	emergencyDoneStay: '请留在原地或附近安全的地方，等候工作人员。',
	emergencyKindRequired: '请选择发生了什么',
	emergencyBuildingRequired: '请选择楼栋',
	emergencyFloorRequired: '请填写楼层',
	emergencyFloorInvalid: '楼层请填数字，地下层填 B1、B2',
	emergencyFloorOutOfRange: '这栋楼没有这一层',
	emergencyRoomTooLong: '最多 20 个字',
	emergencyNoteTooLong: '最多 200 字',
	emergencyPlace: (p: Place) =>
		`${p.building}号楼 ${p.floor.startsWith('B') ? `地下${p.floor.slice(1)}层` : `${p.floor}层`}${p.room ? ` ${p.room}` : ''}`,
	emergencyAlertTitle: '紧急求助',
	emergencyAlertAgo: (p: { minutes: number }) => (p.minutes < 1 ? '刚刚' : `${p.minutes} 分钟前`),
	emergencyTake: '我去处理',
	emergencyTakenBy: (p: { name: string }) => `${p.name} 已前往处理`,
	emergencyTakeFailed: '未能接手，请再试一次',
	emergencyDismiss: '知道了',
	emergencyOpenTicket: '查看工单',
	emergencySoundEnable: '开启警报声',
	emergencySoundOff: '关闭警报声',
	emergencySoundHint: '浏览器要求先点一下才能发出声音',
	eventEmergencyDirectorsTexted: '已短信通知管理处主任'
} as const;
