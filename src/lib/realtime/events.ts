/**
 * The Socket.IO contract, shared by the server and every client so both sides are typed from one
 * place. Grows with the live event stream.
 */
export interface ServerToClientEvents {
	/** Sent once on connect: the server's clock, so countdowns agree with it. */
	hello: (info: { serverTime: number }) => void;
}

export interface ClientToServerEvents {
	/** Round trip for measuring the clock offset: answers with the server's `Date.now()`. */
	'clock:sync': (ack: (serverTime: number) => void) => void;
}

export const SOCKET_PATH = '/socket.io';
