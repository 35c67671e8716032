import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ReadText } from './read-text.ts';
import { PAGE_NUMBER, repeatedLines } from './page-furniture.ts';
import { foldRadicals } from './fold-radicals.ts';
import { ingestError } from './ingest-error.ts';
import { linesToParagraphs, type LaidOutLine } from './layout-paragraphs.ts';
import { toSourceText } from './source-text.ts';

const run = promisify(execFile);

/** The Debian packages that provide what OCR needs (README, .ci/run). */
export const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-chi-sim poppler-utils';

/** Whether `pdftoppm` and `tesseract` with the simplified-Chinese model are on PATH. */
export function ocrAvailable(): boolean {
  const pdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  if (pdftoppm.error) return false;
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return !langs.error && /^chi_sim$/m.test(`${langs.stdout}${langs.stderr}`);
}

/** Chinese characters and full-width punctuation: no space between two of them. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…]/u;

/**
 * Tesseract's TSV (one row per word, with its block/paragraph/line and box) → lines with their
 * boxes. The spaces Tesseract puts between Chinese characters are not text; between Latin words
 * and numbers they are kept.
 */
export function tsvToLines(tsv: string): LaidOutLine[] {
  const lines = new Map<
    string,
    { words: Array<{ text: string; left: number; right: number; conf: number }>; top: number; height: number; left: number }
  >();
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const text = cols.slice(11).join('\t').trim();
    if (text === '') continue;
    const [block, par, line, left, top, width, height] = [cols[2], cols[3], cols[4], ...cols.slice(6, 10).map(Number)] as [
      string,
      string,
      string,
      number,
      number,
      number,
      number,
    ];
    const key = `${block}.${par}.${line}`;
    const entry = lines.get(key) ?? { words: [], top, height: 0, left };
    entry.words.push({ text, left, right: left + width, conf: Number(cols[10]) });
    entry.top = Math.min(entry.top, top);
    entry.height = Math.max(entry.height, height);
    entry.left = Math.min(entry.left, left);
    lines.set(key, entry);
  }
  // Lines Tesseract reads with little confidence are stamps, seals and specks, not text.
  return [...lines.values()]
    .filter(({ words }) => words.reduce((n, w) => n + w.conf, 0) / words.length >= MIN_LINE_CONFIDENCE)
    .map(({ words, top, height, left }) => {
      words.sort((a, b) => a.left - b.left);
      let text = '';
      for (const w of words) {
        const joinDirectly = text === '' || WIDE.test(text.at(-1)!) || WIDE.test(w.text[0]);
        text += (joinDirectly ? '' : ' ') + w.text;
      }
      return { text, x: left, xEnd: Math.max(...words.map((w) => w.right)), y: -top, fontSize: height };
    })
    .sort((a, b) => b.y - a.y);
}

/** Mean word confidence (0–100) below which a line is noise: seals, stamps, handwriting, specks. */
const MIN_LINE_CONFIDENCE = 60;

/** Runs `tasks` with at most `limit` at a time, keeping their order. */
async function pooled<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * A scanned PDF → source text by OCR: every page rendered at 300 dpi in grey (pdftoppm) and read
 * by Tesseract (chi_sim, one uniform block per page: government pages are a single column), one
 * single-threaded Tesseract per core, in a temporary folder removed afterwards. Lines are joined
 * into paragraphs by the same layout rules as a text layer; lines every page repeats (a scanner's
 * watermark) and page numbers are dropped. Without the tools, one message naming the packages.
 */
export async function ocrPdf(bytes: Uint8Array, file: string, pageCount: number): Promise<ReadText> {
  if (!ocrAvailable()) {
    throw ingestError(
      file,
      `is a scan: its ${pageCount} page(s) hold images and too little text to be the document, and OCR is not installed`,
      `Install Tesseract with the simplified-Chinese model and poppler (Debian: apt-get install ${OCR_PACKAGES}) and add it again, or add the text as a .txt file.`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'add-document-ocr-'));
  try {
    const pdfPath = join(dir, 'scan.pdf');
    writeFileSync(pdfPath, bytes);
    try {
      await run('pdftoppm', ['-r', '300', '-gray', pdfPath, join(dir, 'page')], { maxBuffer: 1 << 20 });
    } catch (e) {
      throw ingestError(
        file,
        `could not be rendered for OCR (${(e as Error).message.split('\n')[0]})`,
        'Open it in a PDF viewer to check that it is complete.',
      );
    }
    const images = readdirSync(dir)
      .filter((n) => /^page-\d+\.pgm$/.test(n))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const tsvs = await pooled(
      images.map(
        (image) => async () =>
          (await run('tesseract', [join(dir, image), 'stdout', '-l', 'chi_sim', '--psm', '6', 'tsv'], { env, maxBuffer: 64 << 20 })).stdout,
      ),
      Math.max(1, availableParallelism()),
    );
    const pages = tsvs.map(tsvToLines);
    const repeated = repeatedLines(pages.map((p) => p.map((l) => l.text)));
    const shape = (s: string) => s.replace(/\d+/g, '#').replace(/\s/g, '');
    const body = pages.map((lines) =>
      lines.filter((line, i) => {
        const edge = i < 2 || i >= lines.length - 2;
        const text = line.text.replace(/^[一—－-]+\s*|\s*[一—－-]+$/g, (m) => (edge ? '-' : m));
        if (edge && (PAGE_NUMBER.test(line.text) || PAGE_NUMBER.test(text))) return false;
        return !(repeated.has(shape(line.text)) && pages.length >= 3);
      }),
    );
    const text = toSourceText(linesToParagraphs(body).map(foldRadicals));
    if (text === '')
      throw ingestError(
        file,
        'is a scan in which OCR found no text',
        'Check the scan (OCR found nothing it could read); add the text as a .txt file.',
      );
    return { text, hints: {}, extraction: 'ocr' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
