import { describe, expect, it } from 'vitest';
import { generateInMemory } from './support/pipeline.js';
import { makeTempProject } from './support/temp-project.js';

/**
 * Where the guide tells the user to keep the keys locally must work with the tool the project uses:
 * plain `node` does not read `.env`, and the Vite, Next.js and Create React App templates ignore
 * `.env.local` in git, not `.env`.
 */
async function keysSection(dependencies: Record<string, string>, platform: string): Promise<string> {
  const dir = makeTempProject({ 'package.json': { name: 'project', type: 'module', dependencies } });
  const { files } = await generateInMemory(dir, { yes: true, platform, language: 'js' });
  const guide = files['docs/configcat-amplitude.md']!;
  const start = guide.indexOf('### Environment variables');
  return guide.slice(start, guide.indexOf('\n### ', start + 1)).replace(/\s+/g, ' ');
}

describe("the guide's advice on local keys", () => {
  it('tells Node to load .env with --env-file when the project has no dotenv', async () => {
    const text = await keysSection({ express: '^5.0.0' }, 'node');
    expect(text).toContain('start Node with `node --env-file=.env` (Node 20.6 and later): plain `node` does not read `.env` by itself.');
    expect(text).not.toContain('dotenv');
  });

  it("uses the project's dotenv when it has one", async () => {
    const text = await keysSection({ express: '^5.0.0', dotenv: '^17.0.0' }, 'node');
    expect(text).toContain("this project has dotenv, which loads it when `dotenv/config` runs first: `import 'dotenv/config';`");
    expect(text).toContain('`node -r dotenv/config`');
    expect(text).not.toContain('--env-file');
  });

  it.each([
    ['Vite', { vite: '^8.3.0' }, "put them in `.env.local`: Vite loads it, and the Vite templates' `.gitignore` ignores `*.local` (a plain `.env` is not ignored)."],
    ['Next.js', { next: '^16.0.0', react: '^19.0.0' }, 'put them in `.env.local`: Next.js loads it, and its `.gitignore` ignores it.'],
    ['Create React App', { 'react-scripts': '^5.0.1', react: '^19.0.0' }, 'put them in `.env.local`: Create React App loads it, and its `.gitignore` ignores it.'],
  ])('points %s projects to .env.local, which their templates ignore', async (_tool, dependencies, advice) => {
    const text = await keysSection(dependencies, 'js');
    expect(text).toContain(advice);
    expect(text).not.toMatch(/uncommitted `\.env` file/);
  });

  it('points other bundlers to a .env file only if they load one', async () => {
    expect(await keysSection({ webpack: '^5.0.0' }, 'js')).toContain('put them in a `.env` file if your bundler loads one, and list it in `.gitignore`.');
  });
});
