/**
 * A home locked on the site's kiosks after too many wrong phone digits (`kiosk.unit_locked`): the
 * desk is told which home and until when, since the owner will be sent there. Staff only: the
 * event's data reaches the staff stream alone, never a wall or a kiosk.
 */
export interface LockedHome {
	unitId: string;
	building: string;
	entrance: string;
	room: string;
	/** Epoch milliseconds. */
	until: number;
}

/** Where the home is, as written into the event's data when the lock is recorded. */
export interface LockedHomePlace {
	building: string;
	entrance: string;
	room: string;
}

const text = (value: unknown): string | null =>
	typeof value === 'string' && value !== '' ? value : null;

/** The locked home a staff event tells of, or null when it tells of none (or too little). */
export function lockedHomeOf(event: {
	type: string;
	data: Record<string, unknown>;
}): LockedHome | null {
	if (event.type !== 'kiosk.unit_locked') return null;
	const { unitId, until, home } = event.data;
	const place = home !== null && typeof home === 'object' ? (home as Record<string, unknown>) : {};
	const building = text(place.building);
	const entrance = text(place.entrance);
	const room = text(place.room);
	const id = text(unitId);
	const untilMs = typeof until === 'string' ? Date.parse(until) : NaN;
	if (!id || !building || !entrance || !room || Number.isNaN(untilMs)) return null;
	return { unitId: id, building, entrance, room, until: untilMs };
}

/**
 * The locks still in force at `now`, one per home (a home locked again keeps its latest end),
 * the soonest to end first.
 */
export function currentLocks(locks: readonly LockedHome[], now: number): LockedHome[] {
	const byHome = new Map<string, LockedHome>();
	for (const lock of locks) {
		if (lock.until <= now) continue;
		const known = byHome.get(lock.unitId);
		if (!known || known.until < lock.until) byHome.set(lock.unitId, lock);
	}
	return [...byHome.values()].sort((a, b) => a.until - b.until);
}

/** Whole minutes left of a lock, at least 1 while it lasts (what the kiosk tells the owner). */
export function minutesLeft(until: Date, now: Date): number {
	return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
