/**
 * What both test pages share: Amplitude pointed at the local capture server, flushing quickly and
 * sending nothing of its own, and a sentinel event that marks where a step's events end.
 */
import * as amplitude from '@amplitude/analytics-browser';

export function testAmplitudeOptions(serverUrl: string): amplitude.Types.BrowserOptions {
  return { serverUrl, ...quietAmplitudeOptions() };
}

/** The same without a `serverUrl`: Amplitude sends where the wiring's endpoint settings say. */
export function quietAmplitudeOptions(): amplitude.Types.BrowserOptions {
  return {
    flushIntervalMillis: 50,
    autocapture: false,
    fetchRemoteConfig: false,
    logLevel: amplitude.Types.LogLevel.None,
  };
}

export function sendSentinel(name: string): void {
  amplitude.track('test:sentinel', { name });
  amplitude.flush();
}
