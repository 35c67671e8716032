import { describe, expect, it } from 'vitest';
import { activeFilters, matchesFilters, readState, sameState, writeState } from '../../src/lib/search/state.ts';

describe('search state in the URL', () => {
  it('reads the query and the filters', () => {
    const url = new URL('https://example.org/search/?q=%E6%A5%BC%E9%95%BF%E5%88%B6&%E7%B1%BB%E5%9E%8B=%E6%94%BF%E7%AD%96&utm=x');
    expect(readState(url.search)).toEqual({ q: '楼长制', filters: { 类型: '政策' } });
  });

  it('ignores empty filters, as a form without JavaScript sends them', () => {
    expect(readState('?q=56亿元&类型=&地区=&年份=2023&来源文件=')).toEqual({ q: '56亿元', filters: { 年份: '2023' } });
  });

  it('writes what it reads, in a fixed order', () => {
    const state = { q: '楼长制 三送一关怀', filters: { 年份: '2022', 类型: '政策' } };
    const search = writeState(state);
    expect(search).toBe(
      '?q=%E6%A5%BC%E9%95%BF%E5%88%B6+%E4%B8%89%E9%80%81%E4%B8%80%E5%85%B3%E6%80%80&%E7%B1%BB%E5%9E%8B=%E6%94%BF%E7%AD%96&%E5%B9%B4%E4%BB%BD=2022',
    );
    expect(readState(search)).toEqual(state);
    expect(writeState({ q: '  ', filters: {} })).toBe('');
    expect(sameState(readState(search), state)).toBe(true);
  });

  it('matches filters against a page with several values (an entity cited by several documents)', () => {
    const page = { 类型: ['政策'], 年份: ['2023', '2022', '2021'], 来源文件: ['长征镇：党建赋能经济社会高质量发展'] };
    expect(matchesFilters(page, { 年份: '2022' })).toBe(true);
    expect(matchesFilters(page, { 年份: '2025' })).toBe(false);
    expect(matchesFilters(page, { 类型: '政策', 来源文件: '长征镇：党建赋能经济社会高质量发展' })).toBe(true);
    expect(matchesFilters(page, { 类型: '文件', 年份: '2022' }, '类型')).toBe(true);
    expect(activeFilters({ 年份: '2022', 类型: '政策' })).toEqual([
      ['类型', '政策'],
      ['年份', '2022'],
    ]);
  });
});
