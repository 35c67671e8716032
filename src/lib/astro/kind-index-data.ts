import { entitiesOf } from './content.ts';
import { regionNames, themes } from '../schema/entity.ts';
import { kindIndex } from '../views/kind-index.ts';

/** All pages of a kind's index, read from its collection (what the index routes render). */
export async function kindIndexOf(kind: string) {
  return kindIndex(await entitiesOf(kind), { themes, regions: regionNames });
}
