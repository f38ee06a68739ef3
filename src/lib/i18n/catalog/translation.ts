type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;

/** Another language's version of a Chinese catalogue: the same keys, each with the same parameters. */
export type Translation<T> = { readonly [K in keyof T]: Widen<T[K]> };
