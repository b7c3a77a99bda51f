/**
 * Amplitude's browser SDK with a `track` that throws, bundled in place of the real package for the
 * generated module only: the fault "an Amplitude call throws" without touching the SDK.
 */
export * from '@amplitude/analytics-browser';

export function track(): never {
  throw new Error('track failed (injected by the test)');
}
