import { describe, expect, it } from 'vitest';
import { commentText, jsStringLiteral, renderTemplate } from '../generators/lib/render.js';

const awkward = ["it's", 'say "hi"', 'back\\slash', 'line\nbreak', '</script>', '${injected}', '`tick`', '\u2028\u2029', '*/ end', 'emoji 🚩'];

describe('jsStringLiteral', () => {
  it.each(awkward)('round-trips %j through JavaScript', (text) => {
    expect(new Function(`return ${jsStringLiteral(text)};`)()).toBe(text);
  });
});

describe('commentText', () => {
  it('cannot close a block comment or break the line', () => {
    const text = commentText('docs/*/guide.md */ alert(1)\nnext');
    expect(text).not.toContain('*/');
    expect(text).not.toContain('\n');
  });
});

describe('renderTemplate', () => {
  it('does not HTML-escape code', () => {
    expect(renderTemplate('if (a {{op}} b) {{literal name}}', { op: '&&', name: '<x & "y">' })).toBe('if (a && b) "<x & \\"y\\">"');
  });

  it('fails loudly on a variable missing from the context', () => {
    expect(() => renderTemplate('{{missing}}', {})).toThrow(/missing/);
  });

  it('reads environment variables the way the bundler replaces them', () => {
    expect(renderTemplate('{{envAccess "VITE_KEY"}}', { envAccessor: 'import.meta.env' })).toBe('import.meta.env.VITE_KEY');
    expect(() => renderTemplate('{{envAccess "bad-name"}}', { envAccessor: 'process.env' })).toThrow();
  });
});
