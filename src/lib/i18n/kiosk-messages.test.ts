import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASE_PASS_STATUSES, TICKET_TYPES } from '../domain/vocabulary.js';
import { ID_DOCUMENT_TYPES } from '../domain/visitors/id-documents.js';
import { VISIT_PURPOSES } from '../domain/visitors/visitor-form.js';
import { kioskEn } from './kiosk-en.js';
import { kioskHomeEn } from './kiosk-home-en.js';
import { kioskHomeZhCN } from './kiosk-home-zh-CN.js';
import { kioskZhCN } from './kiosk-zh-CN.js';
import { passStatusLabel, typeLabel } from './labels.js';
import { faceOf } from './load-messages.js';
import type { Messages } from './messages.js';
import { idTypeLabel, purposeLabel } from './visitor-labels.js';

// The kiosk's pages get only the kiosk's catalogues (`load-messages.ts`). A message they name that
// is not among them would read "undefined" on the lobby's screen: this finds every one, reading
// the pages and every module they import (type-only imports aside) as the bundler would.

const SRC = normalize(join(import.meta.dirname, '..', '..'));
const KIOSK_ROUTES = join(SRC, 'routes', 'kiosk');

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

function resolveImport(from: string, spec: string): string | null {
	const base = spec.startsWith('#lib/')
		? join(SRC, 'lib', spec.slice(5))
		: spec.startsWith('$lib/')
			? join(SRC, 'lib', spec.slice(5))
			: spec.startsWith('.')
				? join(dirname(from), spec)
				: null;
	if (!base) return null;
	const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
	return candidates.find((c) => statSync(c, { throwIfNoEntry: false })?.isFile()) ?? null;
}

const clientFile = (path: string) =>
	/\.(svelte|ts)$/.test(path) && !/\.server\.ts$|\.test\.ts$|\/server\//.test(path);

/** Every client module these pages load (under the root layout), following value imports. */
function modulesOf(pages: string[]): string[] {
	const start = [
		...pages,
		join(SRC, 'routes', '+layout.svelte'),
		join(SRC, 'routes', '+error.svelte')
	].filter(clientFile);
	const seen = new Set<string>();
	const queue = [...start];
	while (queue.length) {
		const file = queue.pop() as string;
		if (seen.has(file)) continue;
		seen.add(file);
		const source = readFileSync(file, 'utf8');
		const imports = source.matchAll(
			/\bimport\s+(type\s+)?[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
		);
		for (const [, typeOnly, spec, dynamic] of imports) {
			if (typeOnly) continue;
			const target = resolveImport(file, (spec ?? dynamic) as string);
			if (target && clientFile(target)) queue.push(target);
		}
	}
	return [...seen];
}

const kioskPages = filesUnder(KIOSK_ROUTES);
const homePages = ['+page.svelte', '+layout.svelte', '+error.svelte'].map((f) =>
	join(KIOSK_ROUTES, f)
);

/** The sources of the modules outside the i18n folder (its label helpers are checked by use). */
const sourcesOf = (modules: string[]) =>
	modules.filter((f) => !f.includes(join('lib', 'i18n'))).map((f) => readFileSync(f, 'utf8'));

const named = (sources: string[]) =>
	new Set(
		sources.flatMap((s) => [...s.matchAll(/\bm\.([a-zA-Z]\w*)/g)].map((m) => m[1] as string))
	);

const labelHelpers = (sources: string[]) =>
	new Set(sources.flatMap((s) => [...s.matchAll(/\b(\w+Label)\(m\b/g)].map((m) => m[1] as string)));

const LABELS: Record<string, (m: Messages) => unknown[]> = {
	typeLabel: (m) => TICKET_TYPES.map((t) => typeLabel(m, t)),
	passStatusLabel: (m) => RELEASE_PASS_STATUSES.map((s) => passStatusLabel(m, s)),
	idTypeLabel: (m) => ID_DOCUMENT_TYPES.map((t) => idTypeLabel(m, t)),
	purposeLabel: (m) => VISIT_PURPOSES.map((p) => purposeLabel(m, p))
};

const SETS = [
	{ name: 'home screen', pages: homePages, sets: [kioskHomeZhCN, kioskHomeEn] },
	{ name: 'every kiosk page', pages: kioskPages, sets: [kioskZhCN, kioskEn] }
] as const;

describe("the kiosk's messages", () => {
	it('are the kiosk catalogues on every kiosk page, and all of them elsewhere', () => {
		expect(faceOf('/kiosk')).toBe('kiosk-home');
		expect(faceOf('/kiosk/request/[type]')).toBe('kiosk');
		expect(faceOf('/kiosko')).toBe('all');
		expect(faceOf('/console/(staff)')).toBe('all');
		expect(faceOf(null)).toBe('all');
	});

	for (const { name, pages, sets } of SETS) {
		const sources = sourcesOf(modulesOf(pages));

		it(`hold every message named on the ${name}, in both languages`, () => {
			const keys = named(sources);
			expect(keys.size).toBeGreaterThan(20);
			const missing = [...keys].filter((key) => sets.some((set) => !(key in set)));
			expect(missing).toEqual([]);
		});

		it(`hold every label looked up on the ${name}`, () => {
			const helpers = [...labelHelpers(sources)];
			expect(
				helpers.filter((h) => !(h in LABELS)),
				'a label helper new to the kiosk'
			).toEqual([]);
			for (const helper of helpers) {
				for (const set of sets) {
					const labels = LABELS[helper]?.(set as unknown as Messages) ?? [];
					expect(
						labels.every((l) => typeof l === 'string' && l.length > 0),
						helper
					).toBe(true);
				}
			}
		});
	}

	it('come from modules of the kiosk, not the whole catalogue', () => {
		const relativeNames = modulesOf(kioskPages).map((f) => relative(SRC, f));
		expect(relativeNames).not.toContain(join('lib', 'i18n', 'zh-CN.ts'));
		expect(relativeNames).not.toContain(join('lib', 'i18n', 'en.ts'));
	});
});
