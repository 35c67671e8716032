import { describe, expect, it } from 'vitest';
import { characterOverlap } from '../../src/lib/search/entities.ts';

/** "Did you mean": the score of a name that looks like the query (search-core.ts suggests by it). */
describe('characterOverlap', () => {
  it('scores by character overlap', () => {
    expect(characterOverlap('楼长治', '楼长制')).toBeCloseTo(2 / 3);
    expect(characterOverlap('建德模试', '建德模式')).toBeCloseTo(3 / 4);
    expect(characterOverlap('楼长制', '楼长制')).toBe(1);
    expect(characterOverlap('', '')).toBe(0);
  });
});
