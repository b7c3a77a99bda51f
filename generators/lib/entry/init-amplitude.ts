import { addAfterImports, callsFunction, ensureImport, initAmplitudeStatement, type InitAmplitudeCall } from './imports.js';
import { ALREADY, edited, unrecognised, type EditResult } from './result.js';
import { parseSource, quoted, statement, type CodeStyle } from './source.js';

const DEFAULT_STYLE: CodeStyle = { quote: "'", semicolon: true, indent: '  ', eol: '\n' };

export interface InitAmplitudeInput {
  readonly code: string;
  readonly file: string;
  /** How this file imports the wiring module. */
  readonly wiringModule: string;
  readonly call: InitAmplitudeCall;
}

/**
 * Starts Amplitude in an entry file whose rendering is wired elsewhere (an app that already had
 * `<ConfigCatProvider>` in another file): the import and the call after the imports.
 */
export function addInitAmplitude(input: InitAmplitudeInput): EditResult {
  const source = parseSource(input.code, input.file);
  const style = source?.style ?? DEFAULT_STYLE;
  const call = input.call === 'void' ? 'void initAmplitude()' : 'initAmplitude()';
  if (!source) {
    const snippet = [statement(style, `import { initAmplitude } from ${quoted(style, input.wiringModule)}`), statement(style, call)].join('\n');
    return unrecognised('the file does not parse', input.file, 'after the imports', snippet);
  }
  if (callsFunction(source, 'initAmplitude')) return ALREADY;
  ensureImport(source, input.wiringModule, ['initAmplitude']);
  addAfterImports(source, [initAmplitudeStatement(source, input.call)]);
  return edited(source.out.toString(), `started Amplitude in ${input.file}`);
}
