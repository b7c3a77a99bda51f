import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { CASES, type Expected } from './support/guide-cases.js';
import { parseGuide } from './support/guide-markdown.js';
import { renderMermaid } from './support/guide-mermaid.js';
import { renderGuide, type RenderedGuide } from './support/guide-render.js';

const guides = new Map<string, RenderedGuide>();

beforeAll(async () => {
  for (const guideCase of CASES) guides.set(guideCase.name, await renderGuide(guideCase));
});

describe('the data-flow diagram', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is parsed and rendered by Mermaid itself, in every variant the cases produce', async () => {
    const diagrams = new Map<string, Expected>();
    for (const { name, expected } of CASES) {
      const mermaid = parseGuide(guides.get(name)!.markdown).codeBlocks.find((block) => block.lang === 'mermaid')!.text;
      diagrams.set(mermaid, expected);
    }
    expect(diagrams.size).toBeGreaterThanOrEqual(5);
    const results = await renderMermaid(browser, [...diagrams.keys()]);
    for (const [index, expected] of [...diagrams.values()].entries()) {
      const result = results[index]!;
      if (!result.ok) throw new Error(`Mermaid rejected diagram ${index}: ${result.error}`);
      expect(result.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
      const labels = result.nodeLabels.join('\n');
      for (const label of ['Flag evaluation', 'ConfigCat flagEvaluated hook', 'Already sent for this', '$exposure event', 'Amplitude', 'Amplitude Experiment', '[Experiment] Exposure', 'Event Segmentation', 'User properties', 'Nothing sent']) {
        expect(labels).toContain(label);
      }
      expect(labels.includes('Identify')).toBe(expected.identify);
      expect(labels.includes('ConfigCat User given?')).toBe(expected.platform === 'node');
      expect(labels.includes('Default value?')).toBe(!expected.trackDefaultValues);
      expect(labels).toContain(expected.platform === 'react' ? 'useFeatureFlag(key, default)' : 'getValueAsync(key, default');
      expect(result.edgeLabels).toEqual(expect.arrayContaining(['yes', 'no']));
    }
  });

  it('fails when Mermaid rejects a diagram (the check is not vacuous)', async () => {
    const [result] = await renderMermaid(browser, ['flowchart TD\n  a["unclosed --> b']);
    expect(result!.ok).toBe(false);
  });
});
