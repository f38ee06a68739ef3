/**
 * The text a director gets when someone calls for help at a kiosk (DOMAIN.md: an emergency alerts
 * every on-duty staff member and the director at once; the consoles hear it live, a director who
 * is not signed in hears it by text). In Chinese only: SMS gateways in China send approved Chinese
 * templates. It says what, which building and floor, and the number, and nothing a caller typed
 * (room, note), so no resident's name or phone can travel in it.
 */
export interface EmergencyTextInput {
	siteName: string;
	/** The kind in Chinese, e.g. 医疗急救. */
	kindName: string;
	/** The building's name (e.g. 2号楼), or its code when it has none. */
	building: string;
	/** `"5"`, or `"B1"` below ground. */
	floor: string;
	serial: string;
}

export function emergencyText(input: EmergencyTextInput): string {
	const site = input.siteName.trim();
	return (
		`${site ? `【${site}】` : ''}特别求助：${input.kindName}，` +
		`地点${input.building}${input.floor}层，编号${input.serial}。` +
		`值班人员已收到警报，请关注处理。`
	);
}

/** Each number once, in the order given: a director on record twice gets one text. */
export function distinctPhones(phones: readonly (string | null)[]): string[] {
	return [...new Set(phones.filter((p): p is string => !!p))];
}
