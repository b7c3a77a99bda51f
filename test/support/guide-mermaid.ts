import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from './generate.js';

/** Mermaid's own browser bundle, as a Markdown viewer (GitHub, GitLab, VS Code) runs it. */
export const MERMAID_BUNDLE = join(REPO_ROOT, 'node_modules/mermaid/dist/mermaid.min.js');

export type MermaidResult =
  | { readonly ok: true; readonly svg: string; readonly nodeLabels: string[]; readonly edgeLabels: string[] }
  | { readonly ok: false; readonly error: string };

/**
 * Parses and renders each diagram with Mermaid in a headless page. A diagram passes only if
 * `mermaid.parse` accepts it and `mermaid.render` returns an SVG; the labels are read from that SVG.
 */
export async function renderMermaid(browser: Browser, diagrams: readonly string[]): Promise<MermaidResult[]> {
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    return await page.evaluate(async (sources) => {
      const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const results: MermaidResult[] = [];
      for (const [index, source] of sources.entries()) {
        try {
          await mermaid.parse(source);
          const { svg } = await mermaid.render(`guide-diagram-${index}`, source);
          const holder = document.createElement('div');
          holder.innerHTML = svg;
          document.body.append(holder);
          const texts = (selector: string) =>
            [...holder.querySelectorAll(selector)].map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
          results.push({ ok: true, svg, nodeLabels: texts('.node'), edgeLabels: texts('.edgeLabel') });
        } catch (error) {
          results.push({ ok: false, error: String((error as Error)?.message ?? error) });
        }
      }
      return results;

      interface MermaidApi {
        initialize(config: object): void;
        parse(text: string): Promise<unknown>;
        render(id: string, text: string): Promise<{ svg: string }>;
      }
    }, diagrams);
  } finally {
    await page.close();
  }
}
