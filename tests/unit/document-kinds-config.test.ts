import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../tools/project-copy.ts';

/**
 * Document kinds are data: a kind added to documentKinds in src/config/site.config.ts is accepted in a
 * source's metadata, by name and alias, with no other change. Checked with the real command in a
 * copy of the project.
 */
const work = copyProject('document-kinds-config-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TEXT = '长征镇社区工作简报\n\n长征镇各社区本月开展楼组议事活动。\n';
function addSource(kind: string) {
  writeFileSync(join(work, 'content/sources/changzheng-briefing.txt'), TEXT);
  const meta = {
    title: '长征镇社区工作简报',
    kind,
    issuer: '长征镇人民政府',
    date: '2024-05-01',
    region: '普陀区长征镇',
    originalFile: 'changzheng-briefing.txt',
    extraction: 'txt',
    summary: '长征镇各社区本月开展楼组议事活动的工作简报（测试文件）。',
    sha256: createHash('sha256').update(TEXT).digest('hex'),
  };
  writeFileSync(
    join(work, 'content/sources/changzheng-briefing.meta.yaml'),
    Object.entries(meta)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n') + '\n',
  );
}

function check(): { code: number; output: string } {
  try {
    return {
      code: 0,
      output: execFileSync(process.execPath, ['scripts/compile.ts', '--check'], { cwd: work, encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (e) {
    const failed = e as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: failed.stdout + failed.stderr };
  }
}

describe('a document kind added to the configuration', () => {
  it('is refused before it is configured, with the configured kinds listed', { timeout: 60_000 }, () => {
    addSource('工作简报');
    const { code, output } = check();
    expect(code).toBe(1);
    expect(output).toContain(
      'changzheng-briefing.meta.yaml:2: field "kind" must be one of the document kinds of src/config/site.config.ts: 决议, 决定',
    );
  });

  it('is accepted by name and alias once src/config/site.config.ts lists it', { timeout: 60_000 }, () => {
    const configFile = join(work, 'src/config/site.config.ts');
    const config = readFileSync(configFile, 'utf8');
    const kinds = '  documentKinds: [\n';
    expect(config).toContain(kinds);
    writeFileSync(configFile, config.replace(kinds, `${kinds}    { name: '简报', aliases: ['工作简报'] },\n`));
    for (const kind of ['工作简报', '简报']) {
      addSource(kind);
      const { code, output } = check();
      expect(code, output).toBe(0);
      expect(output).toContain('changzheng-briefing');
    }
  });
});
