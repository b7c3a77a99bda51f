import { posix } from 'node:path';

/** Reads a project file by its path relative to the project root; `undefined` when it is absent. */
export type ReadFile = (path: string) => string | undefined;

export interface NodeEntry {
  /** The source file to edit, relative to the project root. */
  readonly path: string;
  /** Why this file: "package.json main (dist/index.js, compiled from src/index.ts)". */
  readonly reason: string;
}

const COMMON_NAMES = ['src/index.ts', 'src/server.ts', 'src/main.ts', 'src/app.ts', 'src/index.js', 'src/server.js', 'server.ts', 'index.ts', 'server.js', 'index.js', 'app.js', 'main.js'];
const SOURCE_EXTENSIONS: Record<string, string[]> = { '.js': ['.ts', '.js'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'], '': ['.ts', '.js'] };

/**
 * The entry file of a Node service, looked for in this order: NestJS's `src/main.ts`; package.json
 * `main`; the file its `start` script runs; its first `bin`; common names. A compiled path
 * (`dist/index.js`) is mapped back to its source through tsconfig's `outDir` and `rootDir`.
 */
export function findNodeEntry(read: ReadFile): NodeEntry | undefined {
  const packageJson = parseJson(read('package.json')) as PackageJson | undefined;
  const tsconfig = parseJson(read('tsconfig.json')) as { compilerOptions?: { outDir?: string; rootDir?: string } } | undefined;
  const dependencies = { ...packageJson?.dependencies, ...packageJson?.devDependencies };
  const exists = (path: string): boolean => read(path) !== undefined;

  if ('@nestjs/core' in dependencies && exists('src/main.ts')) return { path: 'src/main.ts', reason: 'NestJS application (src/main.ts)' };
  const candidates: { path: string; reason: string }[] = [];
  if (packageJson?.main) candidates.push({ path: packageJson.main, reason: 'package.json main' });
  const started = packageJson?.scripts?.start && scriptFile(packageJson.scripts.start);
  if (started) candidates.push({ path: started, reason: 'the start script' });
  const bin = typeof packageJson?.bin === 'string' ? packageJson.bin : Object.values(packageJson?.bin ?? {})[0];
  if (bin) candidates.push({ path: bin, reason: 'package.json bin' });
  for (const candidate of candidates) {
    const path = posix.normalize(candidate.path);
    const source = toSource(path, tsconfig?.compilerOptions, exists);
    if (source) return { path: source, reason: source === path ? `${candidate.reason} (${path})` : `${candidate.reason} (${path}, compiled from ${source})` };
  }
  const common = COMMON_NAMES.find(exists);
  return common ? { path: common, reason: `a usual entry name (${common})` } : undefined;
}

interface PackageJson {
  main?: string;
  bin?: string | Record<string, string>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The script file a start command runs: `node --env-file=.env dist/index.js`, `tsx src/index.ts`, `nodemon server.js`. */
export function scriptFile(command: string): string | undefined {
  const first = command.split(/&&|\|\||;/).map((part) => part.trim()).find((part) => /^(node|tsx|ts-node|ts-node-esm|nodemon|bun)\b/.test(part));
  if (!first) return undefined;
  const words = first.split(/\s+/).slice(1);
  return words.find((word) => !word.startsWith('-') && /\.[cm]?[jt]s$|^[\w./-]+$/.test(word) && !/^(watch|run)$/.test(word));
}

/** A compiled file's source: `dist/index.js` → `src/index.ts` when tsconfig says `outDir: dist, rootDir: src`. */
function toSource(path: string, options: { outDir?: string; rootDir?: string } | undefined, exists: (path: string) => boolean): string | undefined {
  const extension = posix.extname(path);
  const stem = extension ? path.slice(0, -extension.length) : path;
  const outDir = options?.outDir ? posix.normalize(options.outDir).replace(/\/$/, '') : undefined;
  const stems = [stem];
  if (outDir && (stem === outDir || stem.startsWith(`${outDir}/`))) {
    // `node dist` runs the folder itself: its index, compiled from the root folder's.
    const inner = stem.slice(outDir.length + 1) || '.';
    const rootDir = options?.rootDir ? posix.normalize(options.rootDir).replace(/\/$/, '') : undefined;
    stems.unshift(posix.join(rootDir ?? '.', inner), posix.join('src', inner));
  }
  for (const candidate of stems) {
    for (const sourceExtension of SOURCE_EXTENSIONS[extension] ?? [extension]) {
      const file = `${candidate}${sourceExtension}`;
      if (exists(file)) return file;
    }
    for (const index of ['index.ts', 'index.js']) {
      if (!extension && exists(posix.join(candidate, index))) return posix.join(candidate, index);
    }
  }
  return undefined;
}

/** JSON with the comments and trailing commas tsconfig files allow. */
export function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const stripped = text
    .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_, string: string | undefined) => string ?? '')
    .replace(/,(\s*[}\]])/g, '$1');
  try {
    return JSON.parse(stripped);
  } catch {
    return undefined;
  }
}
