import { dirname, join } from 'node:path';
import { Storage } from 'yeoman-generator';
import { DEFAULT_JSON_STYLE, detectJsonStyle, editJson } from './json-edit.js';

type MemFsEditor = Storage['fs'];
export type StorageOptions = NonNullable<ConstructorParameters<typeof Storage>[2]>;

/**
 * Yeoman's storage for .yo-rc.json, written as the project writes its JSON: an existing file is
 * edited where the stored values changed (its other lines keep their bytes); a new one takes the
 * indentation and line endings of the package.json beside it, where Yeoman would use two spaces.
 */
export class ProjectStyleStorage extends Storage {
  constructor(fs: MemFsEditor, configPath: string, options?: StorageOptions) {
    super(fs, configPath, options);
  }

  override writeContent(fullStore: Parameters<Storage['writeContent']>[0]): string {
    const { fs } = this;
    const current = fs.exists(this.path) ? (fs.read(this.path) ?? undefined) : undefined;
    const packageJsonPath = join(dirname(this.path), 'package.json');
    const projectStyle = fs.exists(packageJsonPath) ? detectJsonStyle(fs.read(packageJsonPath) ?? '') : DEFAULT_JSON_STYLE;
    const text = editJson(current, fullStore, projectStyle);
    if (text !== current) fs.write(this.path, text);
    return text;
  }
}
