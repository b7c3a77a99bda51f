import { template, type CommonContext } from './platform.js';

/** What the guide's skeleton and every platform's guide fragments render with. */
export interface GuideContext extends CommonContext {
  readonly platformTitle: string;
  /** The generated code files, for the settings table. */
  readonly files: readonly { readonly label: string; readonly path: string }[];
  readonly wiringPath: string;
  /** What the entry file imports, written for a file in `sourceDir`. */
  readonly importLines: readonly string[];
  readonly attachImportLine: string;
  /** The import of `configCatEndpointOptions`, for a client the app creates itself. */
  readonly endpointImportLine: string;
  readonly sourceDir: string;
  /** Why the variables are named as they are (the bundler's rule). */
  readonly envDescription: string;
  /** Name and range of each SDK the wiring uses, as package.json declares it. */
  readonly sdkPackages: readonly { readonly name: string; readonly version: string }[];
  readonly legacy: { readonly name: string; readonly replacement: string; readonly endOfSupport: string } | null;
  /** The platform's own values, read by its guide fragments as `platform.…`. */
  readonly platform: object;
}

export const GUIDE_TEMPLATE = template<GuideContext>('templates/guide/configcat-amplitude.md.hbs');
