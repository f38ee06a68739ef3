import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The process is alive and answering; says nothing about the database (see /readyz). */
export const GET: RequestHandler = () =>
	json(
		{ status: 'ok', uptimeSeconds: Math.round(process.uptime()) },
		{ headers: { 'cache-control': 'no-store' } }
	);
