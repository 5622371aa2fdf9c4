/** Indonesian (`id`, default) and English (`en`) label of a stable code. */
export interface CodeLabel {
  readonly id: string;
  readonly en: string;
}

/** Labels for every code of a code list (`Record<Code, { id, en }>`). */
export type CodeLabels<C extends string> = Readonly<Record<C, CodeLabel>>;
