/**
 * Edits of the user's own entry code: pure functions, text in and text out.
 *
 * Every edit takes `{ code, file, …module specifiers, initAmplitude? }` and returns an `EditResult`:
 * - `{ kind: 'edited', code, summary }`: the whole new file, and one line for the run's summary;
 * - `{ kind: 'already' }`: our code is there (a re-run never edits twice);
 * - `{ kind: 'unrecognised', reason, snippet: { file, place, code } }`: a shape the edit does not
 *   handle safely; print the snippet for the user to paste.
 *
 * Module specifiers are computed by the caller with `importSpecifier(fromFile, targetFile, style)`,
 * relative to the edited file. `file` picks the parser (TS, JSX) and names the file in messages.
 * `initAmplitude: 'void' | 'plain' | false` says whether (and how) to start Amplitude: `'void'`
 * writes `void initAmplitude();`, the form typescript-eslint's no-floating-promises accepts.
 *
 * How edits are made: Babel parses; changes are splices at the AST's offsets (magic-string); the
 * rest of the file is kept byte for byte. Added lines follow the file's quotes, semicolons and
 * indentation. The project's formatter may run afterwards.
 *
 * Per platform:
 * - React (Vite, CRA): `wrapReactRoot` on `src/main.tsx` / `src/index.js`.
 * - Any file with `<ConfigCatProvider>`: `replaceConfigCatProvider` (`wrapReactRoot` and
 *   `wrapNextApp` do it themselves when they meet one).
 * - Next.js App Router: `wrapNextLayout` on `app/layout.tsx`, and `nextProvidersFile` for the client
 *   file it imports. Pages Router: `wrapNextApp` on `pages/_app.tsx`, or `nextAppFile` when the
 *   project has none.
 * - React Router framework mode and Remix: `wrapRouteRoot` on `app/root.tsx` (Amplitude starts behind a
 *   `typeof window` check, since the root route also renders on the server); `addBrowserOnlyAmplitude`
 *   there when the replaced `<ConfigCatProvider>` was in another route.
 * - Node: `findNodeEntry(read)`, then `wireNodeEntry` (client + shutdown flush); NestJS: also
 *   `addNestShutdownFlush` on the `@Module` file (`wireNodeEntry` enables Nest's shutdown hooks in main.ts).
 * - Vue with configcat-vue: `wireVueMain` on the file that installs `ConfigCatPlugin` (`src/main.ts`);
 *   plain Vue: `wireConfigCatClient` on `src/main.ts`, as browser apps.
 */
export * from './result.js';
export type { InitAmplitudeCall } from './imports.js';
export { wrapReactRoot, type ReactRootInput } from './react-root.js';
export { replaceConfigCatProvider, type ReplaceProviderInput } from './configcat-provider.js';
export { wrapRouteRoot, addBrowserOnlyAmplitude, type RouteRootInput, type BrowserOnlyInitInput } from './react-router.js';
export { wrapNextLayout, nextProvidersFile, wrapNextApp, nextAppFile, type NextLayoutInput, type NextAppInput, type ProvidersFileInput } from './next.js';
export { wireNodeEntry, wireConfigCatClient, createsConfigCatClient, addShutdownFlush, registersSignalHandler, enableNestShutdownHooks, addNestShutdownFlush, isNestMain, type NodeEntryInput } from './node.js';
export { wireVueMain, type VueMainInput } from './vue.js';
export { addInitAmplitude, type InitAmplitudeInput } from './init-amplitude.js';
export { findNodeEntry, scriptFile, type NodeEntry, type ReadFile } from './find-node-entry.js';
export { importSpecifier, observedSpecifierStyle, type SpecifierStyle } from './specifier.js';
export { parseSource, type CodeStyle } from './source.js';
