import { expect, type APIRequestContext } from '@playwright/test';
import { postForm } from '../e2e/helpers.js';

/**
 * A staff member working a ticket over HTTP, through the ticket page's own form actions:
 * `claim` takes a new ticket (it stays open, now accepted); `resolve` takes it off the open list.
 */
export async function workTicket(
	request: APIRequestContext,
	baseURL: string,
	session: string,
	serial: string,
	action: 'claim' | 'resolve'
): Promise<void> {
	const form: Record<string, string> = action === 'resolve' ? { text: '已修好' } : {};
	const path = `/console/tickets/${encodeURIComponent(serial)}?/${action}`;
	const response = await postForm(request, baseURL, path, form, session);
	expect(response.status(), `${action} ${serial}`).toBe(200);
	const body = (await response.json()) as { type: string };
	expect(body.type, `${action} ${serial}`).toBe('success');
}
