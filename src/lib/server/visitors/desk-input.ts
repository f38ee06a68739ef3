import type { VisitMoveError } from './visit-moves.js';

/** What the desk may write beside its decision ("host agreed by phone"); `decideVisit` keeps 200. */
export const DESK_NOTE_MAX = 200;

export function deskNoteError(note: string): 'deskNoteTooLong' | null {
	return [...note.trim()].length > DESK_NOTE_MAX ? 'deskNoteTooLong' : null;
}

/** The desk's words for each refusal of a visit move (message keys of the desk's catalogue). */
export const DESK_MOVE_ERROR = {
	visitNotFound: 'deskVisitNotFound',
	visitAlreadyDecided: 'deskVisitAlreadyDecided',
	visitPassUnknown: 'deskPassUnknown',
	visitPassClosed: 'deskPassClosed'
} as const satisfies Record<VisitMoveError, string>;

export type DeskMoveError = (typeof DESK_MOVE_ERROR)[VisitMoveError];

/** 404 for a visit that is not there, 409 for one whose state moved on. */
export const moveStatus = (error: VisitMoveError) =>
	error === 'visitNotFound' || error === 'visitPassUnknown' ? 404 : 409;
