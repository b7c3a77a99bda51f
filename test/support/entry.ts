import { parse } from '@babel/parser';
import ts from 'typescript';
import { expect } from 'vitest';
import type { EditResult } from '../../generators/lib/entry/index.js';

/** The code of an `edited` result; fails the test with the result otherwise. */
export function editedCode(result: EditResult): string {
  if (result.kind !== 'edited') expect.fail(`expected an edit, got ${JSON.stringify(result, null, 2)}`);
  return result.code;
}

/** The edited file still parses: TypeScript's own syntax check for TS, Babel for JS and JSX. */
export function expectParses(code: string, file: string): void {
  if (/\.[cm]?tsx?$/.test(file)) {
    const output = ts.transpileModule(code, { fileName: file, reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext } });
    expect(output.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')) ?? []).toEqual([]);
  } else {
    expect(() => parse(code, { sourceType: 'unambiguous', plugins: ['jsx'] })).not.toThrow();
  }
}
