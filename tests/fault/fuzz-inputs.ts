import fc from 'fast-check';

/**
 * What the fuzz sends: each field missing, once, or repeated; a value that passes, a hostile
 * fragment (alone or after a passing value), a wrong type, a huge string, random code points
 * (lone surrogates included) or invalid UTF-8 bytes; in a form body as the browser sends it, in
 * multipart (whole or broken), as JSON, as text, or a 1 MB body.
 */

/** Text that breaks something when it is pasted somewhere unescaped. */
export const HOSTILE = [
	"'; drop table tickets;--",
	"' or '1'='1",
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'{{7*7}}',
	'${7*7}',
	"=cmd|' /C calc'!A0",
	'a\u0000b',
	'\u0000',
	'\u202Egnp.exe',
	'😀👨‍👩‍👧𝕏',
	'\uD800',
	'x\uDFFFy',
	'\r\n\t',
	'../../etc/passwd',
	'__proto__'
];

const WRONG_TYPES = [
	'1e308',
	'-1',
	'0',
	'99999999999999999999999999',
	'NaN',
	'true',
	'null',
	'[]',
	'{}',
	'0x1F',
	'１２３４',
	'2030-02-30T25:61'
];

/** Bytes that are not UTF-8: a stray continuation, overlong, a surrogate, truncated, too long. */
const INVALID_UTF8 = [
	[0xff],
	[0xc0, 0xaf],
	[0xed, 0xa0, 0x80],
	[0xe2, 0x82],
	[0xf8, 0x88, 0x80, 0x80]
];

/** A value as sent: text, a long run of one character, or text followed by raw bytes. */
export type Value =
	{ text: string } | { repeat: string; times: number } | { text: string; bytes: number[] };

export type Body =
	| { kind: 'form'; entries: [string, Value][] }
	| { kind: 'multipart'; entries: [string, Value][]; broken: 'no' | 'truncated' | 'boundary' }
	| { kind: 'json'; entries: [string, Value][] }
	| { kind: 'text'; entries: [string, Value][] }
	| { kind: 'huge' };

export interface FuzzInput {
	credential: 'needed' | 'none' | 'other';
	pathIndex: number;
	/** enhanced: `use:enhance`'s fetch; plain: a form without JavaScript; foreign: another origin. */
	mode: 'enhanced' | 'plain' | 'foreign';
	body: Body;
}

function valueArb(passing: string[]): fc.Arbitrary<Value> {
	const good = passing.length ? fc.constantFrom(...passing) : fc.constant('');
	return fc.oneof(
		{ weight: 4, arbitrary: good.map((text) => ({ text })) },
		{ weight: 3, arbitrary: fc.constantFrom(...HOSTILE).map((text) => ({ text })) },
		{
			weight: 3,
			arbitrary: fc
				.tuple(good, fc.constantFrom(...HOSTILE))
				.map(([a, b]) => ({ text: `${a} ${b}` }))
		},
		{ weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES).map((text) => ({ text })) },
		{
			weight: 2,
			arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((text) => ({ text }))
		},
		{
			weight: 1,
			arbitrary: fc.record({
				repeat: fc.constantFrom('a', '漏', '<', '\u0000', '😀'),
				times: fc.integer({ min: 10_000, max: 1_000_000 })
			})
		},
		{
			weight: 2,
			arbitrary: fc
				.tuple(good, fc.constantFrom(...INVALID_UTF8))
				.map(([text, bytes]) => ({ text, bytes }))
		}
	);
}

function entriesArb(fields: Record<string, string[]>): fc.Arbitrary<[string, Value][]> {
	const perField = Object.entries(fields).map(([name, passing]) =>
		fc
			.oneof(
				{ weight: 1, arbitrary: fc.constant([] as Value[]) },
				{ weight: 6, arbitrary: valueArb(passing).map((v) => [v]) },
				{ weight: 1, arbitrary: fc.array(valueArb(passing), { minLength: 2, maxLength: 3 }) }
			)
			.map((values) => values.map((v): [string, Value] => [name, v]))
	);
	const extra = fc.option(
		fc.tuple(
			fc.constantFrom('__proto__', 'constructor', 'x'.repeat(300), '', '名字', 'a[b]'),
			valueArb([])
		),
		{ freq: 4 }
	);
	return fc
		.tuple(fc.tuple(...perField), extra)
		.map(([lists, more]) => [...lists.flat(), ...(more ? [more] : [])]);
}

export function inputArb(
	fields: Record<string, string[]>,
	paths: number,
	method: 'GET' | 'POST'
): fc.Arbitrary<FuzzInput> {
	const entries = entriesArb(fields);
	const body: fc.Arbitrary<Body> =
		method === 'GET'
			? entries.map((e) => ({ kind: 'form', entries: e }))
			: fc.oneof(
					{ weight: 8, arbitrary: entries.map((e): Body => ({ kind: 'form', entries: e })) },
					{
						weight: 3,
						arbitrary: fc
							.tuple(
								entries,
								fc.constantFrom('no', 'no', 'truncated', 'boundary') as fc.Arbitrary<
									'no' | 'truncated' | 'boundary'
								>
							)
							.map(([e, broken]): Body => ({ kind: 'multipart', entries: e, broken }))
					},
					{ weight: 1, arbitrary: entries.map((e): Body => ({ kind: 'json', entries: e })) },
					{ weight: 1, arbitrary: entries.map((e): Body => ({ kind: 'text', entries: e })) },
					{ weight: 1, arbitrary: fc.constant<Body>({ kind: 'huge' }) }
				);
	return fc.record({
		credential: fc.constantFrom('needed', 'needed', 'needed', 'needed', 'none', 'other'),
		pathIndex: fc.nat({ max: Math.max(0, paths - 1) }),
		mode: fc.constantFrom('enhanced', 'enhanced', 'plain', 'foreign'),
		body
	});
}

const encoder = new TextEncoder();

function valueBytes(value: Value): Uint8Array<ArrayBuffer> {
	if ('repeat' in value) return encoder.encode(value.repeat.repeat(value.times));
	const text = encoder.encode(value.text);
	return 'bytes' in value ? concat([text, Uint8Array.from(value.bytes)]) : text;
}

/** As a form encodes it; lone surrogates become U+FFFD as the browser's encoder makes them. */
function formEncoded(value: Value): string {
	if ('repeat' in value) return encodeURIComponent(value.repeat.repeat(value.times));
	const text = encodeURIComponent(value.text.toWellFormed());
	return 'bytes' in value ? text + percent(Uint8Array.from(value.bytes)) : text;
}

function concat(parts: Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** Raw bytes percent-encoded, so invalid UTF-8 arrives invalid. */
function percent(bytes: Uint8Array<ArrayBuffer>): string {
	return [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** The form's fields as `a=1&b=2`. */
export function urlEncoded(entries: [string, Value][]): string {
	return entries
		.map(([name, value]) => `${encodeURIComponent(name)}=${formEncoded(value)}`)
		.join('&');
}

const BOUNDARY = '----lobbydeskfuzz7MA4YWxkTrZu0gW';

function multipart(
	entries: [string, Value][],
	files: string[],
	broken: string
): Uint8Array<ArrayBuffer> {
	const parts = entries.map(([name, value]) => {
		const file = files.includes(name)
			? `; filename="holidays.ics"\r\nContent-Type: text/calendar`
			: '';
		return concat([
			encoder.encode(
				`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name.replaceAll('"', '%22')}"${file}\r\n\r\n`
			),
			valueBytes(value),
			encoder.encode('\r\n')
		]);
	});
	const end = broken === 'truncated' ? '' : `--${BOUNDARY}--\r\n`;
	const body = concat([...parts, encoder.encode(end)]);
	return broken === 'truncated' ? body.slice(0, Math.max(0, body.length - 7)) : body;
}

/** The request's body and content type. */
export function encodeBody(
	body: Body,
	files: string[]
): { type: string | null; bytes: Uint8Array<ArrayBuffer> } {
	switch (body.kind) {
		case 'form':
			return {
				type: 'application/x-www-form-urlencoded',
				bytes: encoder.encode(urlEncoded(body.entries))
			};
		case 'multipart':
			return {
				type:
					body.broken === 'boundary'
						? 'multipart/form-data; boundary=somethingelse'
						: `multipart/form-data; boundary=${BOUNDARY}`,
				bytes: multipart(body.entries, files, body.broken)
			};
		case 'json':
			return {
				type: 'application/json',
				bytes: encoder.encode(
					JSON.stringify(
						Object.fromEntries(body.entries.map(([n, v]) => [n, 'text' in v ? v.text : v]))
					)
				)
			};
		case 'text':
			return {
				type: 'text/plain',
				bytes: concat(
					body.entries.map(([n, v]) =>
						concat([encoder.encode(`${n}=`), valueBytes(v), encoder.encode('\n')])
					)
				)
			};
		case 'huge':
			return {
				type: 'application/x-www-form-urlencoded',
				bytes: encoder.encode(`description=${'a'.repeat(1 << 20)}`)
			};
	}
}

/** A short line saying what was sent, for a failure's report. */
export function describe(input: FuzzInput): string {
	const show = (v: Value) =>
		'repeat' in v
			? `<${JSON.stringify(v.repeat)}×${v.times}>`
			: JSON.stringify(v.text.slice(0, 60)) + ('bytes' in v ? `+bytes[${v.bytes.join(',')}]` : '');
	const fields =
		'entries' in input.body
			? input.body.entries.map(([n, v]) => `${n.slice(0, 20)}=${show(v)}`)
			: [];
	const broken = input.body.kind === 'multipart' ? `/${input.body.broken}` : '';
	return `${input.credential} ${input.mode} ${input.body.kind}${broken} ${fields.join(' ')}`;
}
