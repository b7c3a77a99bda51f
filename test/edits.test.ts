import { describe, expect, it } from 'vitest';
import { canonicalFingerprint, canonicalForm, canonicalMarkdown } from '../generators/lib/canonical.js';
import { decideWrite, decideWriteOf, fingerprint, type FileVersion } from '../generators/lib/edits.js';

const MODULE = `import { getClient, PollingMode } from "@configcat/sdk";
import * as amplitude from "@amplitude/analytics-node";

/** Sends one exposure. */
export function sendExposure(details: { key: string; variationId?: string | null }): void {
  const eventProperties: Record<string, string> = { flag_key: details.key, variant: "on" };
  if (details.variationId) {
    eventProperties["variation_id"] = details.variationId;
  }
  amplitude.track("$exposure", eventProperties, { user_id: "user-123", device_id: undefined });
}

export const client = getClient(process.env["CONFIGCAT_SDK_KEY"] ?? "", PollingMode.AutoPoll, {});
`;

/** What `prettier --write` with tabs, no semicolons, single quotes, width 120 and an import sorter makes of it. */
const REFORMATTED = `import * as amplitude from '@amplitude/analytics-node'
import { PollingMode, getClient } from '@configcat/sdk'

/** Sends one exposure. */
export function sendExposure(details: {
\tkey: string
\tvariationId?: string | null
}): void {
\tconst eventProperties: Record<string, string> = {
\t\tflag_key: details.key,
\t\tvariant: 'on',
\t}

\tif (details.variationId) {
\t\teventProperties['variation_id'] = details.variationId
\t}
\tamplitude.track('$exposure', eventProperties, {
\t\tuser_id: 'user-123',
\t\tdevice_id: undefined
\t})
}

export const client = getClient(process.env['CONFIGCAT_SDK_KEY'] ?? '', PollingMode.AutoPoll, {})
`;

const PATH = '/project/src/configcat-amplitude.ts';

describe('the canonical form', () => {
  it('is the same for the generated text and the user-formatted one', async () => {
    expect(await canonicalForm(PATH, REFORMATTED)).toBe(await canonicalForm(PATH, MODULE));
  });

  it.each([
    ['a changed string', MODULE.replace('"on"', '"off"')],
    ['a changed comment', MODULE.replace('Sends one exposure.', 'Sends one exposure, my way.')],
    ['an added statement', MODULE.replace('amplitude.track(', 'console.log(details);\n  amplitude.track(')],
    ['a removed import', MODULE.replace('import * as amplitude from "@amplitude/analytics-node";\n', '')],
    ['text that no longer parses', `${MODULE}\n// my change }}}\n}`],
  ])('tells %s apart', async (_case, edited) => {
    expect(await canonicalForm(PATH, edited)).not.toBe(await canonicalForm(PATH, MODULE));
  });

  it.each([
    ['dot notation (dot-notation, useLiteralKeys)', 'const key = process.env["KEY"];', 'const key = process.env.KEY;'],
    ['const for a variable never reassigned (prefer-const, useConst)', 'let seen = new Set<string>();', 'const seen = new Set<string>();'],
    ['a removed non-null assertion', 'const first = list[0]!;', 'const first = list[0];'],
    ['type imports (consistent-type-imports, useImportType)', 'import { getClient, IConfigCatClient } from "x";', 'import { getClient, type IConfigCatClient } from "x";'],
    ['separate type imports', 'import { IConfigCatClient } from "x";', 'import type { IConfigCatClient } from "x";'],
    ['the node: protocol (useNodejsImportProtocol)', 'import { readFileSync } from "fs";', 'import { readFileSync } from "node:fs";'],
    ['generic array types (array-type)', 'let ids: string[] = [];', 'let ids: Array<string> = [];'],
    ['a type alias for an object (consistent-type-definitions)', 'interface Options { a: string }', 'type Options = { a: string };'],
    ['shorthand properties (object-shorthand)', 'const o = { client: client };', 'const o = { client };'],
    ['an arrow returning at once (arrow-body-style)', 'const f = (x: number) => { return x + 1; };', 'const f = (x: number) => x + 1;'],
    ['braces around a lone statement (curly)', 'if (ready) send();', 'if (ready) { send(); }'],
    ['a template literal without substitutions (noUnusedTemplateLiteral)', 'const name = `$exposure`;', 'const name = "$exposure";'],
    ["a linter directive its --fix removed", '// eslint-disable-next-line no-console\nconsole.log(1);', 'console.log(1);'],
  ])('ignores what linters fix: %s', async (_case, before, after) => {
    expect(await canonicalForm(PATH, after)).toBe(await canonicalForm(PATH, before));
  });

  it.each([
    ['a different property', 'const key = process.env["KEY"];', 'const key = process.env.OTHER;'],
    ['a different array element type', 'let ids: string[] = [];', 'let ids: Array<number> = [];'],
    ['a different shorthand', 'const o = { client: client };', 'const o = { other };'],
  ])('still tells apart %s', async (_case, before, after) => {
    expect(await canonicalForm(PATH, after)).not.toBe(await canonicalForm(PATH, before));
  });

  it('ignores how Markdown is wrapped and indented', async () => {
    const guide = '# Guide\n\nA paragraph that is long enough to be wrapped by someone.\n\n* one\n* two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const rewrapped = '# Guide\n\nA paragraph that is long enough\nto be wrapped by someone.\n\n- one\n- two\n\n| a   | b   |\n| --- | --- |\n| 1   | 2   |\n';
    expect(await canonicalForm('/p/docs/guide.md', rewrapped)).toBe(await canonicalForm('/p/docs/guide.md', guide));
    expect(await canonicalForm('/p/docs/guide.md', guide.replace('one', 'uno'))).not.toBe(await canonicalForm('/p/docs/guide.md', guide));
  });

  it('ignores how code blocks in Markdown are formatted, not what they say', async () => {
    const guide = '1. Add this:\n\n   ```ts\n   import { a } from "./a.js";\n\n   createRoot(el).render(\n     <App value={(x) => a(x, "y")} />,\n   );\n   ```\n\n*Done*.\n';
    const biome = "1. Add this:\n\n\t```ts\n\timport { a } from './a.js'\n\n\tcreateRoot(el).render(<App value={x => a(x, 'y')} />)\n\t```\n\n_Done_.\n";
    expect(canonicalMarkdown(biome)).toBe(canonicalMarkdown(guide));
    expect(canonicalMarkdown(biome.replace("'y'", "'z'"))).not.toBe(canonicalMarkdown(guide));
    expect(canonicalMarkdown(biome.replace('Done', 'Finished'))).not.toBe(canonicalMarkdown(guide));
  });

  it('marks its fingerprints, so they are not taken for fingerprints of exact text', async () => {
    expect(await canonicalFingerprint(PATH, MODULE)).toMatch(/^c1:[0-9a-f]{16}$/);
  });
});

describe('deciding what to do with a generated file', () => {
  const version = (text: string, canonical = text): FileVersion => ({ text, fingerprint: `c1:${canonical}` });
  const generated = version('new output');

  it('writes a file that is not there', () => {
    expect(decideWrite(undefined, generated, undefined)).toEqual({ action: 'write', fingerprint: generated.fingerprint });
  });

  it('leaves a file that is exactly the new output', () => {
    expect(decideWrite(version('new output'), generated, generated.fingerprint)).toEqual({ action: 'unchanged', fingerprint: generated.fingerprint });
  });

  it('leaves as it is a file that differs from the new output only in formatting', () => {
    const reformatted = version('new  output, tabs', 'new output');
    expect(decideWrite(reformatted, generated, generated.fingerprint)).toEqual({ action: 'unchanged', fingerprint: generated.fingerprint });
    // Even with no fingerprint (a lost .yo-rc.json) or an unrelated one: it is what this run generates.
    expect(decideWrite(reformatted, generated, undefined).action).toBe('unchanged');
  });

  it('replaces an earlier output, reformatted or not, when the new output differs', () => {
    const earlier = version('old output, reformatted', 'old output');
    expect(decideWrite(earlier, generated, 'c1:old output')).toEqual({ action: 'replace', fingerprint: generated.fingerprint });
  });

  it('keeps, without asking, a file the user edited when this run generates what the last one did', () => {
    expect(decideWrite(version('new output + my edits'), generated, generated.fingerprint)).toEqual({ action: 'keep', fingerprint: generated.fingerprint });
  });

  it('asks about a file the user edited when this run would change it', () => {
    expect(decideWrite(version('old output + my edits'), generated, 'c1:old output')).toEqual({ action: 'ask', fingerprint: generated.fingerprint });
  });

  it('asks about a file of the same name that the user wrote', () => {
    expect(decideWrite(version('mine'), generated, undefined).action).toBe('ask');
  });

  it('recognises the exact-text fingerprints that earlier releases stored', () => {
    expect(decideWrite(version('old output'), generated, fingerprint('old output')).action).toBe('replace');
    expect(decideWrite(version('mine'), generated, fingerprint('new output')).action).toBe('keep');
    // An unchanged file keeps the stored fingerprint: .yo-rc.json is not rewritten for nothing.
    expect(decideWrite(version('new output'), generated, fingerprint('new output'))).toEqual({ action: 'unchanged', fingerprint: fingerprint('new output') });
  });
});

describe('deciding from texts', () => {
  it('leaves its exact output, and the stored fingerprint, as they are', async () => {
    expect(await decideWriteOf(PATH, MODULE, MODULE, 'c1:0123456789abcdef')).toEqual({ action: 'unchanged', fingerprint: 'c1:0123456789abcdef' });
    expect(await decideWriteOf(PATH, MODULE, MODULE, undefined)).toEqual({ action: 'unchanged', fingerprint: await canonicalFingerprint(PATH, MODULE) });
  });

  it('takes a reformatted earlier output for the generator own', async () => {
    const earlier = await canonicalFingerprint(PATH, MODULE);
    expect((await decideWriteOf(PATH, REFORMATTED, MODULE, earlier)).action).toBe('unchanged');
    const newer = MODULE.replace('"on"', '"true"');
    expect(await decideWriteOf(PATH, REFORMATTED, newer, earlier)).toEqual({ action: 'replace', fingerprint: await canonicalFingerprint(PATH, newer) });
    expect((await decideWriteOf(PATH, `${REFORMATTED}// mine\n`, newer, earlier)).action).toBe('ask');
    expect((await decideWriteOf(PATH, `${REFORMATTED}// mine\n`, MODULE, earlier)).action).toBe('keep');
  });
});
