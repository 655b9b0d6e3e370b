// The part of node:assert/strict the integration suites use, for the web-worker extension host (no Node there).
// esbuild aliases `node:assert/strict` to this file in the web test bundle.
import deepEqualValues from 'fast-deep-equal';

export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (v: unknown) => {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};

function fail(message: string | undefined, fallback: string): never {
  throw new AssertionError(message ?? fallback);
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(actual)} to equal ${show(expected)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) fail(message, `expected ${show(actual)} not to equal ${show(expected)}`);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!deepEqualValues(actual, expected)) fail(message, `expected\n  ${show(actual)}\nto deeply equal\n  ${show(expected)}`);
}

export function match(actual: string, re: RegExp, message?: string): void {
  if (!re.test(actual)) fail(message, `expected ${show(actual)} to match ${re}`);
}
