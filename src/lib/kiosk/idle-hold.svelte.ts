/**
 * Set by a kiosk page while someone is waiting in front of it for an answer that comes by itself
 * (a visitor waiting for their host's consent): the idle reset must not send the kiosk home under
 * them. The page clears it as soon as the wait is over; then the usual idle time applies. Only
 * browser effects write it (never a server render).
 */
export const idleHold = $state({ held: false });
