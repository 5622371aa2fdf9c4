/** An area's English dictionary must have exactly the keys of its Indonesian one. */
export type AreaMessages<T> = { readonly [K in keyof T]: string };
