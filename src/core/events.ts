/** Something to release: a listener, a timer, a registration. */
export interface Disposable {
  dispose(): void;
}

/** Subscribes a listener; dispose the result to unsubscribe. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/** A minimal event emitter, so the core can notify hosts without depending on any of them. */
export class Emitter<T> implements Disposable {
  private listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}

/** Calls `fn` once, `delayMs` after the last of a burst of `schedule` calls. */
export class Debouncer implements Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delayMs = 0;

  constructor(private readonly fn: () => void) {}

  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** The pause the pending call was scheduled with, if one is pending. */
  get pendingDelay(): number | undefined {
    return this.timer === undefined ? undefined : this.delayMs;
  }

  schedule(delayMs: number): void {
    this.cancel();
    this.delayMs = delayMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.fn();
    }, delayMs);
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}

/** A clock for long loops on the host's thread: true once `ms` have passed since it started or last said true. */
export function sliceClock(ms: number): () => boolean {
  let start = Date.now();
  return () => {
    if (Date.now() - start < ms) return false;
    start = Date.now();
    return true;
  };
}

/** Yields to the host's event loop, so long work runs in small slices. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
