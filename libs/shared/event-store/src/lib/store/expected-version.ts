/**
 * What the caller believes about a stream when appending: that it does not exist yet, that it
 * exists, that it does not matter, or that its version is exactly this number of events.
 */
export type ExpectedVersion = 'no_stream' | 'exists' | 'any' | number;

/** The states of {@link ExpectedVersion} that are not a number. */
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'exists' as const;
export const ANY_VERSION = 'any' as const;

/** The version a decider's command path expects after reading `version` events (0 = new stream). */
export function expectedVersionAfter(version: number): ExpectedVersion {
  return version === 0 ? NO_STREAM : version;
}

export function describeExpectedVersion(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? `version ${expected}` : expected.replace('_', ' ');
}
