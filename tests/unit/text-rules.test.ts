import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFullWidthPunctuation } from '../../src/lib/text/full-width-punctuation.ts';
import { normalizeListDashes } from '../../src/lib/text/list-dashes.ts';
import { removeStraySpaces, type SpacingContext } from '../../src/lib/text/remove-stray-spaces.ts';
import { repairWrappedBold } from '../../src/lib/text/repair-wrapped-bold.ts';
import { normalizeItemNumbers } from '../../src/lib/text/item-numbers.ts';
import { normalizeConnectingDash } from '../../src/lib/text/connecting-dash.ts';
import { normalizeContinuationMarker } from '../../src/lib/text/continuation-marker.ts';

/** Each text rule is tested on real excerpts: tests/fixtures/text/<rule>/<case>/{input,expected,context}.txt */
const rules: Record<string, (input: string, context?: string) => string> = {
  'remove-stray-spaces': (s, c) => removeStraySpaces(s, (c ?? 'body') as SpacingContext),
  'full-width-punctuation': (s) => toFullWidthPunctuation(s),
  'list-dashes': (s) => normalizeListDashes(s),
  'repair-wrapped-bold': (s) => repairWrappedBold(s),
  'item-numbers': (s) => normalizeItemNumbers(s),
  'connecting-dash': (s) => normalizeConnectingDash(s),
  'continuation-marker': (s) => normalizeContinuationMarker(s),
};

const root = join(import.meta.dirname, '../fixtures/text');
const read = (f: string) => readFileSync(f, 'utf8').replace(/\n$/, '');

for (const [rule, apply] of Object.entries(rules)) {
  describe(rule, () => {
    const dir = join(root, rule);
    const cases = readdirSync(dir);
    it('has fixtures', () => expect(cases.length).toBeGreaterThan(1));
    for (const name of cases) {
      it(name, () => {
        const context = existsSync(join(dir, name, 'context.txt')) ? read(join(dir, name, 'context.txt')) : undefined;
        expect(apply(read(join(dir, name, 'input.txt')), context)).toBe(read(join(dir, name, 'expected.txt')));
      });
    }
  });
}
