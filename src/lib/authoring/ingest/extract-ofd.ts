import type { ChildNode, Element } from 'domhandler';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ReadText } from './read-text.ts';
import { PAGE_NUMBER, repeatedLines } from './page-furniture.ts';
import { foldRadicals } from './fold-radicals.ts';
import type { MetadataHints } from './hints.ts';
import { ingestError } from './ingest-error.ts';
import { linesToParagraphs, type LaidOutLine } from './layout-paragraphs.ts';
import { toSourceText } from './source-text.ts';

/*
 * OFD (GB/T 33190-2016) is a zip of XML parts: OFD.xml → DocBody/DocRoot (Document.xml) → Pages
 * → each page's Content.xml, whose TextObjects place text runs on the page (Boundary "x y w h" in
 * millimetres, y downwards; TextCode X/Y inside the boundary, DeltaX the advance between
 * characters). Producers split a line into many runs (`202` + `3` + `年`), so text is rebuilt by
 * position. No OFD library for Node is maintained; the parts needed are small.
 */

const isElement = (n: ChildNode): n is Element => n.type === 'tag';
/** Local name without the namespace prefix (ofd:TextObject → TextObject). */
const local = (el: Element) => el.name.replace(/^.*:/, '');

function descendants(nodes: ChildNode[], name: string, out: Element[] = []): Element[] {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (local(n) === name) out.push(n);
    descendants(n.children, name, out);
  }
  return out;
}
const textOf = (el: Element): string => el.children.map((c) => ('data' in c ? String(c.data) : isElement(c) ? textOf(c) : '')).join('');
const numbers = (s: string | undefined) =>
  (s ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter((x) => x !== '')
    .map(Number);

/** DeltaX with the `g N d` shorthand (N advances of d) → one advance per character gap. */
export function expandDelta(delta: string | undefined): number[] {
  const tokens = (delta ?? '')
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const value = Number(tokens[i + 2]);
      for (let k = 0; k < count; k++) out.push(value);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out;
}

interface Run {
  text: string;
  x: number;
  xEnd: number;
  /** Baseline, millimetres from the top of the page. */
  y: number;
  size: number;
}

/** A page's TextObjects → runs placed on the page (each TextCode is one run). */
function pageRuns(xml: string): Run[] {
  const runs: Run[] = [];
  for (const obj of descendants(parseDocument(xml, { xmlMode: true }).children, 'TextObject')) {
    const [bx = 0, by = 0] = numbers(obj.attribs.Boundary);
    const size = Number(obj.attribs.Size) || 3.5;
    let x = 0;
    let y = 0;
    for (const code of obj.children.filter(isElement).filter((c) => local(c) === 'TextCode')) {
      const text = textOf(code);
      if (code.attribs.X !== undefined) x = Number(code.attribs.X);
      if (code.attribs.Y !== undefined) y = Number(code.attribs.Y);
      const deltas = expandDelta(code.attribs.DeltaX);
      const chars = [...text];
      const advance = chars.slice(0, -1).reduce((sum, _c, i) => sum + (deltas[i] ?? deltas.at(-1) ?? size), 0);
      const lastWidth = /[\x21-\x7e]/.test(chars.at(-1) ?? '') ? size * 0.5 : size;
      if (text.trim() !== '') runs.push({ text, x: bx + x, xEnd: bx + x + advance + lastWidth, y: by + y, size });
      x += advance + lastWidth;
    }
  }
  return runs;
}

/** Runs on one baseline (within a third of the size) → one line, read left to right. */
function runsToLines(runs: Run[]): LaidOutLine[] {
  const lines: Array<{ runs: Run[]; y: number }> = [];
  for (const run of [...runs].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= run.size / 3);
    if (line) line.runs.push(run);
    else lines.push({ runs: [run], y: run.y });
  }
  return lines
    .sort((a, b) => a.y - b.y)
    .map(({ runs: lineRuns, y }) => {
      lineRuns.sort((a, b) => a.x - b.x);
      let text = '';
      let end = lineRuns[0].x;
      for (const run of lineRuns) {
        // Runs that touch join directly (`202` + `3` + `年`); a gap of half a character is a space.
        if (text !== '' && run.x - end > run.size * 0.5) text += ' ';
        text += run.text;
        end = Math.max(end, run.xEnd);
      }
      return { text: text.trim(), x: lineRuns[0].x, xEnd: end, y: -y, fontSize: Math.max(...lineRuns.map((r) => r.size)) };
    });
}

/** `/Doc_0/Document.xml` or `Pages/Page_0/Content.xml` relative to `Doc_0/` → a zip entry name. */
function resolvePath(base: string, path: string): string {
  const parts = path.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const p of path.replace(/^\/+/, '').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/**
 * An OFD file → source text: the text of every page rebuilt by position, paragraphs by the same
 * layout rules as a PDF, page numbers (— 1 —) and lines every page repeats dropped. DocInfo's
 * Title is a hint only when the text itself has that line (producers fill it with other things:
 * an organ's name, a file name).
 */
export function extractOfd(bytes: Uint8Array, file: string): ReadText {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') });
  } catch (e) {
    throw ingestError(
      file,
      `is not a readable OFD file (${(e as Error).message})`,
      'Check that the download is complete; open it in an OFD reader (数科、福昕) and export it as PDF.',
    );
  }
  const read = (name: string) => (entries[name] ? strFromU8(entries[name]) : undefined);
  const ofdXml = read('OFD.xml');
  if (!ofdXml)
    throw ingestError(
      file,
      'is not an OFD file (no OFD.xml in it)',
      'Check that this is an OFD document; open it in an OFD reader and export it as PDF.',
    );
  const ofd = parseDocument(ofdXml, { xmlMode: true });
  const docBody = descendants(ofd.children, 'DocBody')[0];
  const docRoot = docBody && descendants(docBody.children, 'DocRoot')[0];
  const documentPath = docRoot ? resolvePath('', textOf(docRoot).trim()) : '';
  const documentXml = read(documentPath);
  if (!documentXml)
    throw ingestError(
      file,
      `is an OFD file without its document (${documentPath || 'no DocRoot'})`,
      'Open it in an OFD reader and export it as PDF.',
    );
  const pages = descendants(parseDocument(documentXml, { xmlMode: true }).children, 'Page')
    .filter((p) => p.attribs.BaseLoc)
    .map((p) => runsToLines(pageRuns(read(resolvePath(documentPath, p.attribs.BaseLoc)) ?? '')));

  const repeated = repeatedLines(pages.map((p) => p.map((l) => l.text)));
  const shape = (s: string) => s.replace(/\d+/g, '#').replace(/\s/g, '');
  const body = pages.map((lines) =>
    lines.filter((line, i) => {
      const edge = i < 2 || i >= lines.length - 2;
      if (edge && PAGE_NUMBER.test(line.text)) return false;
      return !(pages.length >= 3 && edge && repeated.has(shape(line.text)));
    }),
  );
  const text = toSourceText(linesToParagraphs(body).map(foldRadicals));
  if (text === '')
    throw ingestError(
      file,
      'has no text (its pages hold only images, e.g. a scan)',
      'Export it as PDF from an OFD reader and add the PDF (a scan is read by OCR).',
    );

  const hints: MetadataHints = {};
  const title = docBody && descendants(docBody.children, 'Title')[0];
  const titleText = title ? textOf(title).replace(/\s/g, '') : '';
  if (
    titleText !== '' &&
    text
      .split('\n\n')
      .slice(0, 8)
      .some((b) => b.replace(/\s/g, '') === titleText)
  ) {
    hints.title = { value: titleText, evidence: 'OFD 文档信息（DocInfo/Title），与正文标题一致' };
  }
  return { text, hints, extraction: 'ofd' };
}
