#!/usr/bin/env node
/**
 * Runs the generator without a global yo: `npx generator-configcat-amplitude [guide] [options]`.
 */
import { fileURLToPath } from 'node:url';
import { prepareCommand } from 'yeoman-environment';
import { UserError } from '../generators/lib/user-error.js';

const GENERATORS = ['app', 'guide'] as const;
type GeneratorName = (typeof GENERATORS)[number];

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  const name: GeneratorName = first === 'guide' ? 'guide' : 'app';
  const args = name === 'app' ? argv : rest;
  const resolved = fileURLToPath(new URL(`../generators/${name}/index.js`, import.meta.url));
  const command = await prepareCommand({ resolved, namespace: `configcat-amplitude:${name}` });
  command.name(name === 'app' ? 'generator-configcat-amplitude' : 'generator-configcat-amplitude guide');
  if (name === 'app') command.description('Send ConfigCat feature-flag exposures to Amplitude. Run `guide` to rewrite only the guide.');
  await command.parseAsync(args, { from: 'user' });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // A UserError already says what to do; anything else is a bug worth its stack.
  console.error(error instanceof UserError ? `Error: ${error.message}` : error);
  process.exitCode = 1;
});
