/**
 * What the request form and the idle guard tell each other about a submission still unsent. Only
 * browser event handlers and timers write it (never a server render), so the server's copy of
 * this module stays idle.
 *
 * The form sets `pending` while a submission is in flight or waiting for its next try. While it
 * is, the idle guard does not send the kiosk home (the request would be lost); left untouched
 * that long, it sets `screened` instead: a full-screen "being sent" card, the form's fields
 * hidden, so the next person in the lobby sees nothing of it. The idle guard lifts the card once
 * the submission is answered (see `IdleGuard.svelte`).
 */
export const unsent = $state({ pending: false, screened: false });

export function markPending(pending: boolean): void {
	unsent.pending = pending;
}
