// The only host globals src/core may use: timers, TextDecoder and TextEncoder, which every JavaScript host it runs in (Node,
// browsers, web workers) provides. `tsconfig.core.json` type-checks src/core with these and no Node or DOM types.
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
