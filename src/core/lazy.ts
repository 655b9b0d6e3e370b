// Properties worked out on first access: the built-in glossary's details are read from its YAML only when asked for.

/** Makes `key` of `o` computed on first access, then a plain property (it stays enumerable, in its place). */
export function later<T extends object, K extends keyof T>(o: T, key: K, get: () => T[K]): void {
  Object.defineProperty(o, key, {
    configurable: true,
    enumerable: true,
    get: () => {
      const value = get();
      Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: false });
      return value;
    },
  });
}

/** Gives `key` of `o` the value of `from[fromKey]`, left to first access when that is itself not worked out yet. */
export function passOn<T extends object, K extends keyof T>(o: T, key: K, from: object, fromKey: string): void {
  const get = () => (from as Record<string, unknown>)[fromKey] as T[K];
  if (Object.getOwnPropertyDescriptor(from, fromKey)?.get) later(o, key, get);
  else Object.defineProperty(o, key, { value: get(), enumerable: true, configurable: true, writable: true });
}

/** A function that works out its value on the first call, then gives that value. */
export function once<T>(get: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [get(), true];
    return value;
  };
}
