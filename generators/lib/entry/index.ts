export * from './result.js';
export { wrapReactRoot, type ReactRootInput } from './react-root.js';
export { replaceConfigCatProvider, type ReplaceProviderInput } from './configcat-provider.js';
export type { InitAmplitudeCall } from './imports.js';
