import { describe, expect, it } from 'vitest';
import { addDependencies } from '../generators/lib/package-json.js';

describe('addDependencies', () => {
  it('keeps tab indentation and the final newline, inserting in sorted position', () => {
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

  it('places each new dependency in a sorted block where it sorts, CRLF and four spaces kept', () => {
    const text = ['{', '    "name": "app",', '    "dependencies": {', '        "@amplitude/x": "1",', '        "react": "2"', '    }', '}', ''].join('\r\n');
    const updated = addDependencies(text, { zod: '3', '@configcat/sdk': '^1.1.0', '@amplitude/analytics-browser': '^2.0.0' });
    expect(updated).toBe(
      [
        '{',
        '    "name": "app",',
        '    "dependencies": {',
        '        "@amplitude/analytics-browser": "^2.0.0",',
        '        "@amplitude/x": "1",',
        '        "@configcat/sdk": "^1.1.0",',
        '        "react": "2",',
        '        "zod": "3"',
        '    }',
        '}',
        '',
      ].join('\r\n'),
    );
  });

  it('appends to a block the user did not sort', () => {
    const text = '{\n  "dependencies": {\n    "react": "1",\n    "axios": "1"\n  }\n}\n';
    expect(addDependencies(text, { b: '2' })).toBe('{\n  "dependencies": {\n    "react": "1",\n    "axios": "1",\n    "b": "2"\n  }\n}\n');
  });

  it('leaves one-line arrays and objects elsewhere on one line', () => {
    const text = '{\n\t"name": "lib",\n\t"tsup": {\n\t\t"entry": ["src/index.ts"], "format": ["esm", "cjs"]\n\t},\n\t"files": ["dist"]\n}\n';
    expect(addDependencies(text, { '@configcat/sdk': '^1.1.0' })).toBe(
      '{\n\t"name": "lib",\n\t"tsup": {\n\t\t"entry": ["src/index.ts"], "format": ["esm", "cjs"]\n\t},\n\t"files": ["dist"],\n\t"dependencies": {\n\t\t"@configcat/sdk": "^1.1.0"\n\t}\n}\n',
    );
  });

  it('creates the block before devDependencies', () => {
    const text = '{\n\t"name": "app",\n\t"scripts": {"build": "tsc"},\n\t"devDependencies": {\n\t\t"typescript": "5"\n\t}\n}\n';
    expect(addDependencies(text, { b: '2', a: '1' })).toBe(
      '{\n\t"name": "app",\n\t"scripts": {"build": "tsc"},\n\t"dependencies": {\n\t\t"a": "1",\n\t\t"b": "2"\n\t},\n\t"devDependencies": {\n\t\t"typescript": "5"\n\t}\n}\n',
    );
  });

  it('fills an empty dependencies block, on one line or not', () => {
    expect(addDependencies('{\n\t"name": "app",\n\t"dependencies": {}\n}\n', { a: '1' })).toBe(
      '{\n\t"name": "app",\n\t"dependencies": {\n\t\t"a": "1"\n\t}\n}\n',
    );
    expect(addDependencies('{\n  "dependencies": {\n  },\n  "x": [1, 2]\n}', { a: '1', b: '2' })).toBe(
      '{\n  "dependencies": {\n    "a": "1",\n    "b": "2"\n  },\n  "x": [1, 2]\n}',
    );
  });

  it('adds to a one-line file on that line', () => {
    expect(addDependencies('{"name":"app","dependencies":{"b":"1"}}', { a: '1', c: '2' })).toBe(
      '{"name":"app","dependencies":{"a": "1", "b":"1", "c": "2"}}',
    );
  });

  it('never changes a dependency the project already declares', () => {
    const text = '{\n  "dependencies": {\n    "a": "~0.1.0"\n  }\n}\n';
    expect(addDependencies(text, { a: '^1.0.0' })).toBe(text);
  });

  it('returns the text untouched when nothing is added', () => {
    const text = '{"name":"app"}';
    expect(addDependencies(text, {})).toBe(text);
  });
});
