/** Same keys as the Swedish catalog, any text: lets TypeScript catch a key missing in (or added only to) English. */
export type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
