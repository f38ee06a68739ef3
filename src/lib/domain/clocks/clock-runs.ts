/**
 * Runs a ticket's timeline through a service policy: which clocks started, paused, stopped, and
 * the instants at which each turns amber and red. Nothing here depends on "now": the same
 * timeline, policy and calendar always give the same runs.
 */
import type { Priority, TicketType } from '../vocabulary.js';
import type {
	ClockCalendar,
	ClockDefinition,
	EscalationLevel,
	EventMatch,
	ServicePolicy
} from './policy.js';
import {
	addWorkingMs,
	withinDailyWindow,
	workingDayMs,
	workingMsBetween,
	type WorkCalendar
} from './work-calendar.js';

export interface ClockTicket {
	type: TicketType;
	category: string;
	priority: Priority;
	flags: readonly string[];
}

export interface TimelineEvent {
	type: string;
	/** Epoch milliseconds. */
	at: number;
	data: Readonly<Record<string, unknown>>;
}

/** One run of one clock: a ticket's promise from its start event to its stop event. */
export interface ClockRun {
	key: string;
	/** 1 for the first run; a clock that restarts (after a reopen) counts up. */
	cycle: number;
	policyVersion: number;
	measure: ClockCalendar;
	/** The promise, in the clock's own measure. */
	targetMs: number;
	startedAt: number;
	/** Set once the stop event came. */
	stoppedAt: number | null;
	/** Set while the ticket waits for the owner. */
	pausedAt: number | null;
	/** Time left when it paused, counted as the wall counts (see `pausedLeft`); null unless paused. */
	pausedLeftMs: number | null;
	/** When it turns red if it keeps running: null while paused short of it, or if never. */
	deadline: number | null;
	/** When it turns amber, on the same terms. */
	atRiskAt: number | null;
	escalateTo: readonly EscalationLevel[];
}

type Segment = [start: number, end: number | null];

function matches(list: readonly EventMatch[], event: TimelineEvent): boolean {
	return list.some(
		(m) =>
			(m.type === undefined || m.type === event.type) &&
			Object.entries(m.data ?? {}).every(([k, v]) => String(event.data[k]) === v)
	);
}

function applies(def: ClockDefinition, ticket: ClockTicket): boolean {
	const { types, categories, priorities, flags } = def.appliesTo;
	return (
		(!types || types.includes(ticket.type)) &&
		(!categories || categories.includes(ticket.category)) &&
		(!priorities || priorities.includes(ticket.priority)) &&
		(!flags || flags.every((f) => ticket.flags.includes(f)))
	);
}

function span(calendar: WorkCalendar, measure: ClockCalendar, from: number, to: number): number {
	return measure === 'working' ? workingMsBetween(calendar, from, to) : Math.max(0, to - from);
}

function advance(
	calendar: WorkCalendar,
	measure: ClockCalendar,
	from: number,
	ms: number
): number | null {
	return measure === 'working' ? addWorkingMs(calendar, from, ms) : from + Math.max(0, ms);
}

/** The instant the running segments have used `amount` of the clock's measure, or null. */
function reach(
	calendar: WorkCalendar,
	measure: ClockCalendar,
	segments: readonly Segment[],
	amount: number
): number | null {
	let used = 0;
	for (const [start, end] of segments) {
		if (end === null) return advance(calendar, measure, start, amount - used);
		const length = span(calendar, measure, start, end);
		if (used + length >= amount) return advance(calendar, measure, start, amount - used);
		used += length;
	}
	return null;
}

function used(
	calendar: WorkCalendar,
	measure: ClockCalendar,
	segments: readonly Segment[]
): number {
	return segments.reduce(
		(sum, [start, end]) => sum + (end === null ? 0 : span(calendar, measure, start, end)),
		0
	);
}

/** The promise a start event makes, in the clock's measure; null when it makes none. */
function targetOf(
	def: ClockDefinition,
	start: TimelineEvent,
	calendar: WorkCalendar
): { measure: ClockCalendar; ms: number } | null {
	const target = def.target;
	switch (target.kind) {
		case 'duration':
			return { measure: target.calendar, ms: target.minutes * 60_000 };
		case 'working_days':
			return { measure: 'working', ms: target.days * workingDayMs(calendar) };
		case 'by_start': {
			const inside = withinDailyWindow(calendar, start.at, target.window, target.workingDaysOnly);
			const minutes = inside ? target.insideMinutes : target.outsideMinutes;
			return { measure: target.calendar, ms: minutes * 60_000 };
		}
		case 'agreed': {
			const agreed = Date.parse(String(start.data[target.field] ?? ''));
			return Number.isNaN(agreed)
				? null
				: { measure: 'calendar', ms: Math.max(0, agreed - start.at) };
		}
	}
}

interface Draft {
	cycle: number;
	startedAt: number;
	stoppedAt: number | null;
	measure: ClockCalendar;
	targetMs: number;
	segments: Segment[];
}

/**
 * When the run reaches `amount`: on its way, or, for a run stopped while running short of it,
 * when it would have (so a met promise still shows its due time). A run stopped or paused short
 * of it while waiting never reaches it.
 */
function due(calendar: WorkCalendar, draft: Draft, amount: number): number | null {
	const reached = reach(calendar, draft.measure, draft.segments, amount);
	const last = draft.segments.at(-1);
	if (reached !== null || draft.stoppedAt === null || !last || last[1] !== draft.stoppedAt) {
		return reached;
	}
	const extended: Segment[] = [...draft.segments.slice(0, -1), [last[0], null]];
	return reach(calendar, draft.measure, extended, amount);
}

/**
 * A paused run's time left, as the wall would count it down were it resumed at once: the same
 * measure as a running clock's countdown, whatever the clock's calendar.
 */
function pausedLeft(
	calendar: WorkCalendar,
	measure: ClockCalendar,
	segments: readonly Segment[],
	targetMs: number
): number {
	const left = targetMs - used(calendar, measure, segments);
	const pausedAt = segments.at(-1)?.[1] ?? 0;
	if (left <= 0 || measure === 'calendar') return left;
	const end = advance(calendar, measure, pausedAt, left);
	return end === null ? left : end - pausedAt;
}

function finish(
	draft: Draft,
	def: ClockDefinition,
	policy: ServicePolicy,
	calendar: WorkCalendar
): ClockRun {
	const { measure, targetMs, segments } = draft;
	const rule = def.atRisk ?? policy.atRisk;
	const threshold = Math.min(targetMs, Math.max(rule.minutes * 60_000, rule.fraction * targetMs));
	const last = segments.at(-1);
	const paused = draft.stoppedAt === null && last !== undefined && last[1] !== null;
	return {
		key: def.key,
		cycle: draft.cycle,
		policyVersion: policy.version,
		measure,
		targetMs,
		startedAt: draft.startedAt,
		stoppedAt: draft.stoppedAt,
		pausedAt: paused ? (last?.[1] ?? null) : null,
		pausedLeftMs: paused ? pausedLeft(calendar, measure, segments, targetMs) : null,
		deadline: due(calendar, draft, targetMs),
		atRiskAt: due(calendar, draft, targetMs - threshold),
		escalateTo: def.escalateTo
	};
}

function runsOf(
	def: ClockDefinition,
	policy: ServicePolicy,
	calendar: WorkCalendar,
	timeline: readonly TimelineEvent[]
): ClockRun[] {
	const drafts: Draft[] = [];
	let current: Draft | null = null;
	/** Whether the ticket is waiting (for the owner) now: a run started meanwhile starts paused. */
	let waiting = false;
	for (const event of timeline) {
		if (matches(def.resume, event)) waiting = false;
		if (matches(def.pause, event)) waiting = true;
		if (current && current.stoppedAt === null) {
			const open = current.segments.at(-1);
			const running = open !== undefined && open[1] === null;
			if (matches(def.stop, event)) {
				if (open && running) open[1] = event.at;
				current.stoppedAt = event.at;
			} else {
				if (!running && matches(def.resume, event)) current.segments.push([event.at, null]);
				const last = current.segments.at(-1);
				if (last && last[1] === null && matches(def.pause, event)) last[1] = event.at;
			}
		}
		const mayStart = current === null || (current.stoppedAt !== null && def.restarts);
		if (mayStart && matches(def.start, event)) {
			const target = targetOf(def, event, calendar);
			if (target) {
				current = {
					cycle: drafts.length + 1,
					startedAt: event.at,
					stoppedAt: null,
					measure: target.measure,
					targetMs: target.ms,
					segments: [[event.at, waiting ? event.at : null]]
				};
				drafts.push(current);
			}
		}
	}
	return drafts.map((draft) => finish(draft, def, policy, calendar));
}

/** Every run of every clock the policy gives this ticket, in policy order, then by cycle. */
export function clockRuns(
	policy: ServicePolicy,
	calendar: WorkCalendar,
	ticket: ClockTicket,
	timeline: readonly TimelineEvent[]
): ClockRun[] {
	return policy.clocks
		.filter((def) => applies(def, ticket))
		.flatMap((def) => runsOf(def, policy, calendar, timeline));
}
