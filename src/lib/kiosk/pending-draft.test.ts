import { describe, expect, it } from 'vitest';
import { clearDraft, clearDraftUnlessAt, draftFor, fieldsOf, saveDraft } from './pending-draft.js';

class MemoryStorage {
	items = new Map<string, string>();
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

const REPAIR = '/kiosk/request/repair';
const draft = {
	path: REPAIR,
	fields: [
		['idempotencyKey', 'k-1'],
		['description', '卫生间漏水']
	] as [string, string][]
};

describe('the unsent draft kept for a reload', () => {
	it('comes back on its own form only', () => {
		const storage = new MemoryStorage();
		saveDraft(storage, draft);
		expect(draftFor(storage, REPAIR)).toEqual(draft);
		expect(draftFor(storage, '/kiosk/request/complaint')).toBeNull();
	});

	it('is gone once cleared (sent, or the owner left)', () => {
		const storage = new MemoryStorage();
		saveDraft(storage, draft);
		clearDraft(storage);
		expect(draftFor(storage, REPAIR)).toBeNull();
		expect(storage.items.size).toBe(0);
	});

	it('is dropped by any other kiosk page, kept on its own form', () => {
		const storage = new MemoryStorage();
		saveDraft(storage, draft);
		clearDraftUnlessAt(storage, REPAIR);
		expect(draftFor(storage, REPAIR)).toEqual(draft);
		clearDraftUnlessAt(storage, '/kiosk');
		expect(storage.items.size).toBe(0);
	});

	it('reads damaged storage as nothing, and clears it', () => {
		const storage = new MemoryStorage();
		storage.setItem('lobbydesk.kiosk.unsent', '{not json');
		expect(draftFor(storage, REPAIR)).toBeNull();
		clearDraftUnlessAt(storage, REPAIR);
		expect(storage.items.size).toBe(0);
		storage.setItem('lobbydesk.kiosk.unsent', JSON.stringify({ path: REPAIR, fields: [[1, 2]] }));
		expect(draftFor(storage, REPAIR)).toEqual({ path: REPAIR, fields: [] });
	});

	it('survives a storage that refuses writes: nothing thrown', () => {
		const full = {
			getItem: () => null,
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
			removeItem: () => {
				throw new Error('SecurityError');
			}
		};
		expect(() => saveDraft(full, draft)).not.toThrow();
		expect(() => clearDraft(full)).not.toThrow();
	});

	it('takes a form’s text fields as they were submitted', () => {
		const form = new FormData();
		form.set('idempotencyKey', 'k-1');
		form.set('category', 'water');
		form.set('photo', new Blob(['x']), 'x.png');
		expect(fieldsOf(form)).toEqual([
			['idempotencyKey', 'k-1'],
			['category', 'water']
		]);
	});
});
