import type { en } from './en';

/** The shape of the English table (./en.ts) with every text a `string`: what every language's table must be. */
type Shape<T> = T extends string ? string : { [K in keyof T]: Shape<T[K]> };
export type InterfaceText = Shape<typeof en>;
