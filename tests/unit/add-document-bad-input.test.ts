import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAddDocument } from '../support/add-document-cli.ts';
import { emptyDocx, encryptedPdf, imageOnlyPdf } from '../fixtures/ingest/make-documents.ts';

/**
 * Every file `npm run add-document` must refuse, run through the command as an author runs it:
 * exit code 1, one message that names the file and says what to do, no stack trace, and nothing
 * written to the content folder.
 */
const ROOT = join(import.meta.dirname, '../..');
const SOURCES = join(ROOT, 'content/sources');

const work = mkdtempSync(join(tmpdir(), 'add-document-bad-'));
const content = join(work, 'content');
const inbox = (name: string) => join(work, 'inbox', name);
const listing = () => readdirSync(content, { recursive: true }).map(String).sort();

beforeAll(async () => {
  mkdirSync(join(content, 'sources'), { recursive: true });
  mkdirSync(join(work, 'inbox'));
  // A library that already holds the annual plan.
  for (const name of ['changzheng-2022-plan.txt', 'changzheng-2022-plan.meta.yaml'])
    cpSync(join(SOURCES, name), join(content, 'sources', name));
  writeFileSync(inbox('encrypted.pdf'), encryptedPdf());
  writeFileSync(inbox('scan.pdf'), imageOnlyPdf());
  writeFileSync(inbox('blank.docx'), await emptyDocx());
  writeFileSync(inbox('empty.txt'), ' \n\n\u3000\n');
  writeFileSync(inbox('notes.rtf'), 'not a format add-document reads');
  writeFileSync(inbox('notes.doc'), 'not a Word 97–2003 document');
  writeFileSync(inbox('broken.docx'), 'PK this is no zip');
  writeFileSync(inbox('gbk.txt'), new Uint8Array([0xbd, 0xd6, 0xb5, 0xc0])); // 街道 in GBK
  cpSync(join(SOURCES, 'xinhong-hub-party-building.txt'), inbox('关于新虹街道的报道.txt'));
  cpSync(join(SOURCES, 'changzheng-2022-plan.txt'), inbox('plan-copy.txt'));
  cpSync(join(SOURCES, 'xinhong-hub-party-building.txt'), inbox('xinhong.txt'));
  mkdirSync(inbox('folder.txt'));
}, 30_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const addDocument = (...args: string[]) => runAddDocument(content, work, ...args);

const cases: Array<[string, string[], RegExp]> = [
  ['a missing file', [inbox('missing.pdf')], /missing\.pdf: does not exist/],
  ['a folder with no document in it', [inbox('folder.txt')], /folder\.txt: holds no document to add/],
  [
    'an unknown extension',
    [inbox('notes.rtf')],
    /notes\.rtf: has an extension add-document does not read \(\.rtf\)\n.*save other formats as \.docx/,
  ],
  [
    'a file that is no .doc',
    [inbox('notes.doc'), '--slug', 'notes'],
    /notes\.doc: is not a Word 97–2003 document this reader can open.*\n.*save it as \.docx/,
  ],
  ['an encrypted PDF', [inbox('encrypted.pdf'), '--slug', 'encrypted'], /encrypted\.pdf: is an encrypted PDF that needs a password/],
  ['an image-only PDF', [inbox('scan.pdf'), '--slug', 'scan'], /scan\.pdf: is a scan.*\n.*(?:OCR|tesseract-ocr)/],
  ['an empty DOCX', [inbox('blank.docx'), '--slug', 'blank'], /blank\.docx: is an empty Word document/],
  ['a file that is no DOCX', [inbox('broken.docx'), '--slug', 'broken'], /broken\.docx: is not a readable Word document/],
  ['an empty text', [inbox('empty.txt'), '--slug', 'empty'], /empty\.txt: is empty/],
  ['a text not in UTF-8', [inbox('gbk.txt'), '--slug', 'gbk'], /gbk\.txt: is not valid UTF-8\n.*UTF-8/],
  [
    'a slug that exists',
    [inbox('xinhong.txt'), '--slug', 'changzheng-2022-plan'],
    /xinhong\.txt: cannot be added as "changzheng-2022-plan": .*changzheng-2022-plan\.txt already exists/,
  ],
  [
    'the same text under another slug',
    [inbox('plan-copy.txt')],
    /plan-copy\.txt: has the same text as .*changzheng-2022-plan\.txt \(same sha256\)/,
  ],
  [
    'a Chinese file name without --slug',
    [inbox('关于新虹街道的报道.txt')],
    /关于新虹街道的报道\.txt: has a file name no slug can be made from.*\n.*--slug/,
  ],
  [
    'an invalid --slug',
    [inbox('xinhong.txt'), '--slug', 'Xinhong_Report'],
    /xinhong\.txt: cannot be added as "Xinhong_Report": not a valid slug/,
  ],
];

// Each case spawns the command; they run side by side (each has its own input, none writes).
describe.concurrent('add-document refuses bad files with one clear message', () => {
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const before = listing();
      const { code, stdout, stderr } = await addDocument(...args);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n').length, stderr).toBeLessThanOrEqual(2);
      expect(stderr + stdout).not.toMatch(/\n\s+at |Error:|node:internal/);
      expect(listing()).toEqual(before);
    }, 30_000);
  }

  it('without a file, prints the usage', async () => {
    const { code, stderr } = await addDocument();
    expect(code).toBe(1);
    expect(stderr).toMatch(/usage: npm run add-document -- <file/);
  }, 30_000);
});

describe('add-document on a good file', () => {
  it('adds it, lists the summary to write and the entity candidates, and exits 0', async () => {
    const { code, stdout, stderr } = await addDocument(
      join(ROOT, 'tests/fixtures/ingest/gov-article-page.html'),
      '--slug',
      'changzheng-2022-plan-web',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Added .*gov-article-page\.html as "changzheng-2022-plan-web"/);
    expect(stdout).toMatch(/documentNumber +普长府〔2022〕1号/);
    expect(stdout).toMatch(/field "summary" is still the placeholder/);
    expect(stdout).toMatch(/entity candidate\(s\) in the new text/);
    expect(readFileSync(join(content, 'originals', 'changzheng-2022-plan-web.html'), 'utf8')).toContain('<meta name="ArticleTitle"');
    expect(readFileSync(join(content, 'sources', 'changzheng-2022-plan-web.meta.yaml'), 'utf8')).toMatch(/^extraction: html$/m);
  }, 60_000);
});
