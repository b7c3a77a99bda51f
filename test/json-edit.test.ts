import { describe, expect, it } from 'vitest';
import { detectJsonStyle, editJson } from '../generators/lib/json-edit.js';

const TABS = { indent: '\t', eol: '\n', finalNewline: true } as const;

describe('detectJsonStyle', () => {
  it('reads indentation, line endings and the final newline', () => {
    expect(detectJsonStyle('{\r\n    "a": 1\r\n}')).toEqual({ indent: '    ', eol: '\r\n', finalNewline: false });
    expect(detectJsonStyle('{\n\t"a": [1]\n}\n')).toEqual(TABS);
  });

  it('takes what a one-line file does not show from the fallback', () => {
    expect(detectJsonStyle('{"a":1}', TABS)).toEqual(TABS);
  });
});

describe('editJson', () => {
  it('writes a new file in the given style', () => {
    expect(editJson(undefined, { gen: { answers: { dir: 'src' } } }, TABS)).toBe('{\n\t"gen": {\n\t\t"answers": {\n\t\t\t"dir": "src"\n\t\t}\n\t}\n}\n');
  });

  it('moves only the lines whose values changed', () => {
    const text = '{\r\n    "other": {"list": [1, 2]},\r\n    "gen": {\r\n        "answers": {"dir": "src"},\r\n        "keep": [ "a" ]\r\n    }\r\n}';
    const updated = editJson(text, { other: { list: [1, 2] }, gen: { answers: { dir: 'lib' }, keep: ['a'], fingerprints: { 'a.ts': 'x' } } });
    expect(updated).toBe(
      '{\r\n    "other": {"list": [1, 2]},\r\n    "gen": {\r\n        "answers": {"dir": "lib"},\r\n        "keep": [ "a" ],\r\n        "fingerprints": {\r\n            "a.ts": "x"\r\n        }\r\n    }\r\n}',
    );
  });

  it('removes what is gone and replaces arrays that changed', () => {
    const text = '{\n  "gen": {\n    "a": 1,\n    "b": [1],\n    "c": 3\n  }\n}\n';
    expect(editJson(text, { gen: { b: [1, 2] } })).toBe('{\n  "gen": {\n    "b": [\n      1,\n      2\n    ]\n  }\n}\n');
  });

  it('returns the text itself when nothing changed', () => {
    const text = '{ "gen" : { "a" : 1 } }';
    expect(editJson(text, { gen: { a: 1 } })).toBe(text);
  });

  it('rewrites a file that is not a JSON object in its own style', () => {
    expect(editJson('[\n\t1\n]', { a: 1 })).toBe('{\n\t"a": 1\n}');
  });
});
