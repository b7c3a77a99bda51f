import { describe, expect, it } from 'vitest';
import { addDependencies } from '../generators/lib/package-json.js';

describe('addDependencies', () => {
  it('keeps tab indentation and the final newline', () => {
    const text = '{\n\t"name": "app",\n\t"dependencies": {\n\t\t"react": "^19.0.0"\n\t}\n}\n';
    const updated = addDependencies(text, { 'configcat-react': '^5.1.0' });
    expect(updated).toBe('{\n\t"name": "app",\n\t"dependencies": {\n\t\t"configcat-react": "^5.1.0",\n\t\t"react": "^19.0.0"\n\t}\n}\n');
  });

  it('keeps four-space indentation and no final newline', () => {
    const updated = addDependencies('{\n    "name": "app"\n}', { '@configcat/sdk': '^1.1.0' });
    expect(updated).toBe('{\n    "name": "app",\n    "dependencies": {\n        "@configcat/sdk": "^1.1.0"\n    }\n}');
  });

  it('keeps Windows line endings', () => {
    const updated = addDependencies('{\r\n  "name": "app"\r\n}\r\n', { a: '1' });
    expect(updated).toBe('{\r\n  "name": "app",\r\n  "dependencies": {\r\n    "a": "1"\r\n  }\r\n}\r\n');
  });

  it('returns the text untouched when nothing is added', () => {
    const text = '{"name":"app"}';
    expect(addDependencies(text, {})).toBe(text);
  });
});
