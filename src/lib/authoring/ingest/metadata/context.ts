import { site } from '../../../../config/site.config.ts';
import { COUNTRY_CODE } from '../../../geo/divisions.ts';
import { regions } from '../../../regions.ts';
import type { DetectionContext } from '../detect-metadata.ts';
import { divisionPlaceLookup } from './places.ts';

let context: DetectionContext | undefined;

/** Detection as the site is configured: its document kinds, and all of China's places. */
export function siteDetectionContext(): DetectionContext {
  // The divisions of the regions the site is about (not the country as a whole), which settle an
  // ambiguous name: this library's 长征镇 is Shanghai's.
  const preferred = () =>
    new Set(site.regions.map((r) => regions.division(r.name)?.code).filter((c): c is string => c !== undefined && c !== COUNTRY_CODE));
  context ??= { kinds: site.documentKinds, places: divisionPlaceLookup(preferred) };
  return context;
}
