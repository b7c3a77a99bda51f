#!/usr/bin/env node
// The same machinery as dist/bin/cli.js (prepareCommand + parseAsync), running the empty generator.
import { fileURLToPath } from 'node:url';
import { prepareCommand } from 'yeoman-environment';

const resolved = fileURLToPath(new URL('./generators/app/index.js', import.meta.url));
const command = await prepareCommand({ resolved, namespace: 'configcat-amplitude-bench-empty:app' });
command.name('generator-configcat-amplitude-bench-empty');
await command.parseAsync(process.argv.slice(2), { from: 'user' });
