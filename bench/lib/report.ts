import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from './machine.ts';

/** Percentile of already sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length) - 1;
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

export interface Spread {
	n: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export function spread(values: number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		n: sorted.length,
		p50: round(percentile(sorted, 50)),
		p95: round(percentile(sorted, 95)),
		p99: round(percentile(sorted, 99)),
		max: round(sorted.at(-1) ?? NaN)
	};
}

export function round(value: number, digits = 2): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

export type Row = Record<string, string | number>;

/** Prints rows as an aligned plain-text table under a title. */
export function printTable(title: string, rows: Row[]): void {
	const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
	const cell = (v: string | number | undefined) =>
		v === undefined ? '' : typeof v === 'number' ? String(v) : v;
	const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
	const line = (values: string[]) =>
		values
			.map((v, i) => v.padEnd(widths[i] ?? 0))
			.join('  ')
			.trimEnd();
	console.log(`\n${title}`);
	console.log(line(columns));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}

export interface Verdict {
	/** What the ratio compares, e.g. "p95 app / p95 floor". */
	ratio: string;
	value: number;
	goal: string;
	met: boolean;
}

/** Prints the verdict line and writes `bench/results/<name>.json`. */
export function writeResult(
	name: string,
	result: { machine: Machine; settings: object; figures: object; verdicts: Verdict[] }
): string {
	for (const v of result.verdicts) {
		console.log(`${v.ratio}: ${v.value} (goal ${v.goal}) ${v.met ? 'met' : 'NOT met'}`);
	}
	const dir = join(import.meta.dirname, '..', 'results');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `${name}.json`);
	const body = { name, measuredAt: new Date().toISOString(), ...result };
	writeFileSync(file, `${JSON.stringify(body, null, '\t')}\n`);
	console.log(`→ ${file}`);
	return file;
}
