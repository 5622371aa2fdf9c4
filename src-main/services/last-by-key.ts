/**
 * The last value made, kept under its key: asked again with the same key, the same promise. A
 * value that fails, or that `keep` refuses, is made again the next time.
 */
export function lastByKey<T>(keep: (value: T) => boolean = () => true) {
  let last: { key: string; value: Promise<T> } | null = null;
  return (key: string, make: () => Promise<T>): Promise<T> => {
    if (last?.key === key) return last.value;
    const entry = { key, value: make() };
    last = entry;
    const forget = () => {
      if (last === entry) last = null;
    };
    entry.value.then((value) => {
      if (!keep(value)) forget();
    }, forget);
    return entry.value;
  };
}
