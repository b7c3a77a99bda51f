import { describe, expect, it } from 'vitest';
import { readAmplitudeKeys, readManagementCredentials } from '../generators/lib/annotations-credentials.js';
import { findNamed, KINDS, parseList, pickIntegration } from '../generators/lib/annotations-plan.js';
import { apiMessage, normalizeBaseUrl, retryAfterSeconds } from '../generators/lib/management-api.js';
import type { Integration } from '../generators/lib/management-api.js';

describe('list options', () => {
  it.each([
    ['all', []],
    ['ALL', []],
    ['', []],
    ['Main config, Mobile ,Main config', ['Main config', 'Mobile']],
  ])('%j', (value, expected) => expect(parseList(value)).toEqual(expected));

  it('asks for an id when two items share the name', () => {
    const items = [
      { id: 'a', name: 'Main' },
      { id: 'b', name: 'Main' },
    ];
    expect(() => findNamed(items, 'Main', KINDS.config)).toThrow('2 configs are named "Main": give --configs the id of one (a, b).');
    expect(findNamed(items, 'B', KINDS.config)).toEqual({ id: 'b', name: 'Main' });
  });
});

describe('which integration', () => {
  const integration = (id: string, name: string): Integration => ({ integrationId: id, name, integrationType: 'amplitude', configIds: [], environmentIds: [] });

  it('the saved one among several, else the only one, else a new one', () => {
    const two = [integration('1', 'Amplitude'), integration('2', 'Staging')];
    expect(pickIntegration(two, { savedId: '2' }, 'Shop')).toEqual({ existing: two[1], name: 'Staging' });
    expect(pickIntegration([two[0]!], { savedId: 'gone' }, 'Shop')).toEqual({ existing: two[0], name: 'Amplitude' });
    expect(pickIntegration([], {}, 'Shop')).toEqual({ name: 'Amplitude' });
    expect(pickIntegration(two, { wanted: 'Second project' }, 'Shop')).toEqual({ name: 'Second project' });
  });
});

describe('Management API answers', () => {
  it.each([
    ['{"message":"Name is required."}', 'Name is required'],
    ['{"title":"One or more validation errors occurred.","errors":{"Name":["Too long."],"":["Bad JSON."]}}', 'One or more validation errors occurred; Name: Too long; Bad JSON'],
    ['"Plain string reason."', 'Plain string reason'],
    ['Bad request\n  at line 2', 'Bad request at line 2'],
    ['', ''],
  ])('the reason in %j', (body, reason) => expect(apiMessage(body)).toBe(reason));

  it('Retry-After in seconds or as a date; a back-off without it', () => {
    expect(retryAfterSeconds('7', 1)).toBe(7);
    expect(retryAfterSeconds('Wed, 21 Oct 2026 07:28:10 GMT', 1, Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10);
    expect([1, 2, 3].map((attempt) => retryAfterSeconds(null, attempt))).toEqual([1, 2, 4]);
  });

  it('a base URL without a trailing slash, and never with credentials in it', () => {
    expect(normalizeBaseUrl('https://api.configcat.com/')).toBe('https://api.configcat.com');
    expect(normalizeBaseUrl('http://127.0.0.1:8080/configcat/')).toBe('http://127.0.0.1:8080/configcat');
    expect(() => normalizeBaseUrl('https://user:pass@api.configcat.com')).toThrow('--base-url must not contain credentials');
    expect(() => normalizeBaseUrl('ftp://api.configcat.com')).toThrow('is not an http(s) URL');
  });
});

describe('credentials from the environment', () => {
  it('names every missing variable in one line', () => {
    expect(() => readManagementCredentials({})).toThrow(/^CONFIGCAT_API_USER and CONFIGCAT_API_PASS are not set: /);
    expect(() => readAmplitudeKeys({}, 'VITE_AMPLITUDE_API_KEY')).toThrow(/^AMPLITUDE_API_KEY \(or VITE_AMPLITUDE_API_KEY\) and AMPLITUDE_SECRET_KEY are not set: /);
  });

  it('takes the plain Amplitude variable first, then the one the app reads', () => {
    expect(readAmplitudeKeys({ VITE_AMPLITUDE_API_KEY: 'vite', AMPLITUDE_SECRET_KEY: 's' }, 'VITE_AMPLITUDE_API_KEY').apiKey).toEqual({ value: 'vite', variable: 'VITE_AMPLITUDE_API_KEY' });
    expect(readAmplitudeKeys({ AMPLITUDE_API_KEY: 'plain', VITE_AMPLITUDE_API_KEY: 'vite', AMPLITUDE_SECRET_KEY: 's' }, 'VITE_AMPLITUDE_API_KEY').apiKey.value).toBe('plain');
  });
});
