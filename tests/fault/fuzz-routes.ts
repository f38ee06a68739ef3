import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every form action and endpoint the app has, read from `src/routes` as the fuzz catalogue names
 * them (`<route dir> <action>` and `<route dir> <METHOD>`): the actions are the keys of each
 * `+page.server.ts`'s `export const actions = { … }`, the endpoints the methods each `+server.ts`
 * exports.
 */
export function routeTargets(root = 'src/routes'): string[] {
	const ids: string[] = [];
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = join(entry.parentPath, entry.name);
		const dir = relative(root, entry.parentPath).split('\\').join('/');
		const source = readFileSync(file, 'utf8');
		if (entry.name === '+page.server.ts') {
			for (const name of actionNames(source)) ids.push(`${dir} ${name}`);
		} else if (entry.name === '+server.ts') {
			for (const m of source.matchAll(
				/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|fallback)\b/g
			)) {
				ids.push(`${dir} ${m[1]}`);
			}
		}
	}
	return ids.sort();
}

/** The keys at the first level of the `actions` object literal. */
export function actionNames(source: string): string[] {
	const start = source.search(/export\s+const\s+actions\b[^=]*=\s*\{/);
	if (start < 0) return [];
	const body = source.slice(source.indexOf('{', start) + 1);
	const names: string[] = [];
	let depth = 0;
	let token = '';
	for (let i = 0; i < body.length && depth >= 0; i++) {
		const c = body[i] ?? '';
		if (body.startsWith('/*', i)) {
			i = body.indexOf('*/', i + 2) + 1;
			continue;
		}
		if (body.startsWith('//', i)) {
			i = body.indexOf('\n', i);
			continue;
		}
		if (c === '{' || c === '(' || c === '[') depth++;
		else if (c === '}' || c === ')' || c === ']') depth--;
		else if (depth === 0 && /[\w$]/.test(c)) token += c;
		else if (depth === 0 && c === ':' && token) {
			names.push(token);
			token = '';
		} else if (depth > 0 || !/\s/.test(c)) token = '';
	}
	return names;
}
