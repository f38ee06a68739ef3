import type { Audience, StreamMessage, SubscribeReply, SubscribeRequest } from './stream.js';

/**
 * The Socket.IO contract, shared by the server and every client so both sides are typed from one
 * place.
 */
export interface ServerToClientEvents {
	/** Sent once on connect: the server's clock, so countdowns agree with it. */
	hello: (info: { serverTime: number }) => void;
	/** The server's database stopped (or started again) answering: nothing can be saved meanwhile. */
	database: (state: { available: boolean }) => void;
	/** A committed change, to the rooms allowed to see it. */
	stream: (message: StreamMessage<Audience>) => void;
	/** This device was revoked, or this session ended: the page stops and says so. */
	'access:ended': (reason: 'device-revoked' | 'session-ended') => void;
}

export interface ClientToServerEvents {
	/** Round trip for measuring the clock offset: answers with the server's `Date.now()`. */
	'clock:sync': (ack: (serverTime: number) => void) => void;
	/** Joins the site's stream for an audience, catching up from `after`. */
	'stream:subscribe': (request: SubscribeRequest, ack: (reply: SubscribeReply) => void) => void;
}

export const SOCKET_PATH = '/socket.io';
