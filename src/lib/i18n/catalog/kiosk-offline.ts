/** The kiosk form when the server cannot be reached: the kept draft, its retries, the privacy card. */
export const zh = {
	kioskSending: '正在提交…',
	kioskOfflineTitle: '网络暂时中断',
	kioskOfflineBody: '您填写的内容已保存，恢复后会自动提交，请不要离开。',
	kioskOfflineRetrying: '正在重新提交…',
	kioskOfflineRetryNow: '立即重试',
	kioskUnsentTitle: '正在提交需求，请稍候',
	kioskUnsentBody: '网络恢复后会自动完成并显示需求编号。为保护隐私，已填写的内容暂时隐藏。'
} as const;
