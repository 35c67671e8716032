import { site } from '../../../site.config.ts';
import type { DetectionContext } from '../detect-metadata.ts';
import { divisionPlaceLookup } from './places.ts';

let context: DetectionContext | undefined;

/** Detection as the site is configured: its document kinds, and all of China's places. */
export function siteDetectionContext(): DetectionContext {
  context ??= { kinds: site.documentKinds, places: divisionPlaceLookup() };
  return context;
}
