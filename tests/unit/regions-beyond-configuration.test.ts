import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, copyProject } from '../../tools/project-copy.ts';

/**
 * A document from a place the site does not configure (深圳市坪山区, 山西省) needs nothing but its
 * files under content/: its region is found in the administrative divisions, and entity links
 * follow that region's chain. Compiled with the real command in a copy of the project.
 */
const work = copyProject('regions-beyond-config-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const write = (path: string, text: string) => writeFileSync(join(work, 'content', path), text);

function source(slug: string, text: string, meta: Record<string, string>) {
  write(`sources/${slug}.txt`, text);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const fields = { ...meta, originalFile: `${slug}.txt`, extraction: 'txt', sha256 };
  write(
    `sources/${slug}.meta.yaml`,
    Object.entries(fields)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n') + '\n',
  );
}

function entity(slug: string, name: string, region: string, doc: string, quote: string) {
  write(
    `policies/${slug}.md`,
    [
      '---',
      `name: ${name}`,
      'kind: 政策文件',
      'theme: 经济发展',
      `region: ${region}`,
      `regionCite: {doc: ${doc}, quote: "${quote}"}`,
      `summary: 测试用条目：${name}。`,
      '---',
      '',
      `${quote}。[〔来源〕](cite:${doc} "${quote}")`,
      '',
    ].join('\n'),
  );
}

const PINGSHAN = [
  '深圳市坪山区人民政府关于推进坪山产业招商服务的通知',
  '',
  '各街道办事处、区直各单位：',
  '',
  '坪山区推行坪山产业招商服务，融入粤港澳大湾区协同发展，坚持中央八项规定精神。有关地区的楼长制和晋商文化传承经验可供参考。',
  '',
  '深圳市坪山区人民政府',
  '',
].join('\n');

const SHANXI = [
  '山西省政府工作报告',
  '',
  '全省推进晋商文化传承，坚持中央八项规定精神。坪山产业招商服务、粤港澳大湾区协同发展和楼长制等外地做法可供借鉴。',
  '',
].join('\n');

let compileOutput = '';
beforeAll(() => {
  source('pingshan-notice', PINGSHAN, {
    title: '深圳市坪山区人民政府关于推进坪山产业招商服务的通知',
    kind: '通知',
    issuer: '深圳市坪山区人民政府',
    date: '2024-03-01',
    region: '坪山区',
    summary: '坪山区推行产业招商服务并融入粤港澳大湾区协同发展的通知（测试文件）。',
  });
  source('shanxi-report', SHANXI, {
    title: '山西省政府工作报告',
    kind: '政府工作报告',
    issuer: '山西省人民政府',
    date: '2024-01-20',
    region: '山西省',
    summary: '山西省政府工作报告：推进晋商文化传承等（测试文件）。',
  });
  entity('pingshan-zhaoshang', '坪山产业招商服务', '深圳市坪山区', 'pingshan-notice', '坪山区推行坪山产业招商服务');
  entity('yuegangao-xietong', '粤港澳大湾区协同发展', '广东', 'pingshan-notice', '融入粤港澳大湾区协同发展');
  entity('jinshang-wenhua', '晋商文化传承', '山西', 'shanxi-report', '全省推进晋商文化传承');
  compileOutput = execFileSync(process.execPath, ['scripts/compile.ts'], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
}, 120_000);

const linksOf = (slug: string): string[] => {
  const page = JSON.parse(readFileSync(join(work, '.generated/document-pages', `${slug}.json`), 'utf8')) as { html: string };
  return [...page.html.matchAll(/href="\/(policies|projects|governance)\/([^/"]+)\/"/g)].map((m) => `${m[1]}/${m[2]}`).sort();
};

describe('documents from places the site does not configure', () => {
  it('compile with no change outside content/', () => {
    expect(compileOutput).toContain('pingshan-notice');
    expect(compileOutput).toContain('shanxi-report');
    const code = execFileSync('git', ['ls-files', 'src'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(code.length).toBeGreaterThan(0);
    expect(code.filter((file) => !readFileSync(join(work, file)).equals(readFileSync(join(PROJECT_ROOT, file))))).toEqual([]);
  });

  it('link the entities of their own region and the enclosing ones only (坪山区 → 深圳市 → 广东省 → 全国)', () => {
    expect(linksOf('pingshan-notice')).toEqual([
      'policies/pingshan-zhaoshang',
      'policies/yuegangao-xietong',
      'policies/zhongyang-baxiang-guiding',
    ]);
  });

  it('link by the chain of a province (山西省 → 全国), not the entities of 广东 or 长征镇', () => {
    expect(linksOf('shanxi-report')).toEqual(['policies/jinshang-wenhua', 'policies/zhongyang-baxiang-guiding']);
  });

  it('keep the entities’ regions by their canonical names', () => {
    const regionOf = (slug: string) =>
      (JSON.parse(readFileSync(join(work, '.generated/entities/policies', `${slug}.json`), 'utf8')) as { region: string }).region;
    expect(regionOf('yuegangao-xietong')).toBe('广东省');
    expect(regionOf('jinshang-wenhua')).toBe('山西省');
  });
});
