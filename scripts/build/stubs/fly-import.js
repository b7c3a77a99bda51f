// Stands in for fly-import (npm's Arborist, pacote, sigstore…), which yeoman-environment uses to
// install generators on the fly. This package runs one generator it ships itself; the environment
// only constructs a repository object, which must construct without loading anything.
import { resolve } from 'node:path';
import { notBundled } from './not-bundled.js';

export class FlyRepository {
  constructor(config) {
    this.repositoryPath = resolve(config.repositoryPath);
  }
  async install() {
    throw notBundled('installing generators (fly-import)');
  }
  async import() {
    throw notBundled('installing generators (fly-import)');
  }
  async resolve() {
    throw notBundled('installing generators (fly-import)');
  }
  findSpecs() {
    throw notBundled('installing generators (fly-import)');
  }
}

export async function flyImport() {
  throw notBundled('installing generators (fly-import)');
}
