import { PLATFORMS } from '../../platforms/index.js';
import type { PlatformDescriptor, PlatformSignals } from './platform.js';

export { PLATFORMS };
export type PlatformId = (typeof PLATFORMS)[number]['id'];

export function platformById(id: string): PlatformDescriptor {
  const platform = PLATFORMS.find((candidate) => candidate.id === id);
  if (!platform) throw new Error(`Unknown platform ${id}`);
  return platform;
}

/** The platform the project looks most like; on a tie, the one listed first. */
export function detectPlatform(signals: PlatformSignals): PlatformId {
  let best: { id: PlatformId; score: number } | undefined;
  for (const platform of PLATFORMS) {
    const score = platform.detect(signals);
    if (score > 0 && (!best || score > best.score)) best = { id: platform.id, score };
  }
  if (!best) throw new Error('No platform matches the project; one platform must accept every project');
  return best.id;
}

/** Every ConfigCat and Amplitude package some platform uses or keeps, sorted by name. */
export const SDK_PACKAGES = {
  configcat: [
    ...new Set(PLATFORMS.flatMap(({ sdks }: PlatformDescriptor) => [sdks.configcat, ...sdks.legacyConfigcat, ...(sdks.keptConfigcat ?? [])])),
  ].sort(),
  amplitude: [...new Set(PLATFORMS.flatMap((platform) => platform.sdks.amplitude))].sort(),
};
