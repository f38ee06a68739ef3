/** 有偿服务价目表: the public price list at the kiosk (seed 003: "公开透明"). */
export const zh = {
	priceListTitle: '有偿服务价目表',
	priceListIntro:
		'费用 = 人工 + 材料（按进货价；业主自备的材料不收费）。施工前会先给您报价，经您确认后才开始。50 元以内可现场付现金，其余计入月度物业费。',
	priceListEmpty: '价目表暂未公布，请咨询服务台。',
	priceListItem: '项目',
	priceListLabour: '人工费',
	priceListPer: (p: { price: string; unit: string }) => `${p.price} / ${p.unit}`
};
