import type { ChildNode, Element } from 'domhandler';
import { unzipSync, strFromU8 } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { numberingLabeler } from './docx-numbering.ts';
import type { ReadText } from './read-text.ts';
import type { MetadataHints } from './hints.ts';
import { ingestError } from './ingest-error.ts';
import { pipeTable, toSourceText } from './source-text.ts';

/*
 * The OOXML is read directly (fflate + htmlparser2 in XML mode) rather than through mammoth:
 * mammoth's raw text drops bold and tables, and its HTML keeps neither the Word style names (the
 * evidence of a title hint is the style as Word names it) nor vertical merges (it writes rowspan,
 * which a pipe table cannot hold). What is needed — paragraphs, runs with direct bold, tables with
 * gridSpan/vMerge, paragraph style names, automatic numbering — is a small part of
 * WordprocessingML.
 */

const W = 'w:';
const isElement = (n: ChildNode): n is Element => n.type === 'tag';
const children = (el: Element, name?: string) => el.children.filter(isElement).filter((c) => name === undefined || c.name === name);
const child = (el: Element | undefined, name: string) => (el ? children(el, name)[0] : undefined);
const val = (el: Element | undefined) => el?.attribs[`${W}val`];
/** An on/off property (w:b, w:vanish): present and not switched off by w:val="0"/"false". */
const isOn = (el: Element | undefined) => el !== undefined && !['0', 'false', 'off'].includes(val(el) ?? '');

interface Run {
  text: string;
  bold: boolean;
}

interface Styles {
  /** styleId → the name Word shows (heading 1, Title, 标题 1, Normal (Web)). */
  names: Map<string, string>;
  /** Character and paragraph styles whose run properties make text bold. */
  bold: Set<string>;
  /** Paragraph styles that carry a list's numbering (w:numPr in the style). */
  numbering: Map<string, { numId: string; ilvl: number }>;
  /** The label Word draws for a numbered paragraph (一、 第一条 1.), in document order. */
  label: (numId: string, ilvl: number) => string;
}

function readStyles(xml: string | undefined, numberingXml: string | undefined): Styles {
  const names = new Map<string, string>();
  const bold = new Set<string>();
  const numbering = new Map<string, { numId: string; ilvl: number }>();
  const label = numberingLabeler(numberingXml);
  if (!xml) return { names, bold, numbering, label };
  const root = parseDocument(xml, { xmlMode: true });
  const visit = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === `${W}style`) {
        const id = n.attribs[`${W}styleId`];
        const name = val(child(n, `${W}name`));
        if (id && name) names.set(id, name);
        if (id && isOn(child(child(n, `${W}rPr`), `${W}b`))) bold.add(id);
        const numPr = child(child(n, `${W}pPr`), `${W}numPr`);
        const numId = val(child(numPr, `${W}numId`));
        if (id && numId) numbering.set(id, { numId, ilvl: Number(val(child(numPr, `${W}ilvl`)) ?? 0) });
      } else visit(n.children);
    }
  };
  visit(root.children);
  return { names, bold, numbering, label };
}

/** Heading-like style names in English and Chinese Word/WPS: heading 1…6, Title, 标题 1…, 标题. */
const HEADING_STYLE = /^(?:heading\s*([1-6])|title|标题\s*([1-6])?)$/i;
const headingLevel = (name: string | undefined) => {
  const m = name ? HEADING_STYLE.exec(name.trim()) : null;
  if (!m) return undefined;
  return Number(m[1] ?? m[2] ?? 0); // Title (0) ranks above heading 1
};

/**
 * A paragraph's runs in order (also inside hyperlinks, insertions, smart tags, simple fields and
 * content controls); deleted text, field instructions and hidden text are not text. A manual line
 * break (w:br, not a page break) splits the paragraph: a block never holds a line break.
 */
function paragraphRuns(p: Element, styles: Styles, paragraphBold: boolean): Run[][] {
  const lines: Run[][] = [[]];
  const walk = (el: Element) => {
    for (const c of children(el)) {
      if (c.name === `${W}r`) {
        const rPr = child(c, `${W}rPr`);
        if (isOn(child(rPr, `${W}vanish`))) continue;
        const b = child(rPr, `${W}b`);
        const bold = b !== undefined ? isOn(b) : paragraphBold || styles.bold.has(val(child(rPr, `${W}rStyle`)) ?? '');
        for (const part of children(c)) {
          if (part.name === `${W}t`)
            lines.at(-1)!.push({ text: part.children.map((t) => ('data' in t ? String(t.data) : '')).join(''), bold });
          else if (part.name === `${W}tab` || part.name === `${W}ptab`) lines.at(-1)!.push({ text: ' ', bold });
          else if ((part.name === `${W}br` && part.attribs[`${W}type`] !== 'page') || part.name === `${W}cr`) lines.push([]);
          else if (part.name === `${W}noBreakHyphen`) lines.at(-1)!.push({ text: '-', bold });
        }
      } else if (
        ['hyperlink', 'ins', 'smartTag', 'fldSimple', 'sdt', 'sdtContent', 'customXml', 'moveTo'].some((n) => c.name === `${W}${n}`)
      ) {
        walk(c);
      }
    }
  };
  walk(p);
  return lines;
}

/**
 * Runs → the paragraph's text: a bold lead (`（一）聚力扩内需。` before plain text) is written
 * `**lead**rest`, a paragraph entirely bold `**text**`; bold elsewhere is not marked. Leading
 * spaces (indents typed as spaces) are dropped first.
 */
function runsToText(runs: Run[], markBold: boolean): string {
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged.at(-1);
    if (last && (last.bold === r.bold || r.text.trim() === '')) last.text += r.text;
    else merged.push({ ...r });
  }
  while (merged.length > 0 && merged[0].text.trim() === '') merged.shift();
  if (merged.length === 0) return '';
  merged[0].text = merged[0].text.replace(/^[\s\u3000]+/, '');
  const plain = merged.map((r) => r.text).join('');
  if (!markBold || !merged[0].bold) return plain;
  const lead = merged[0].text.replace(/[\s\u3000]+$/, '');
  const rest = merged
    .slice(1)
    .map((r) => r.text)
    .join('')
    .replace(/^[\s\u3000]+/, '');
  if (lead === '') return plain;
  return rest === '' ? `**${lead}**` : `**${lead}**${rest}`;
}

/**
 * Table → rows of cell text. gridSpan repeats nothing (the covered columns stay empty), a
 * vertical merge's continuation cells (w:vMerge without "restart") are empty.
 */
function tableRows(tbl: Element, styles: Styles): string[][] {
  return children(tbl, `${W}tr`).map((tr) => {
    const row: string[] = [];
    for (const tc of children(tr, `${W}tc`)) {
      const tcPr = child(tc, `${W}tcPr`);
      const span = Number(val(child(tcPr, `${W}gridSpan`)) ?? 1) || 1;
      const vMerge = child(tcPr, `${W}vMerge`);
      const continued = vMerge !== undefined && val(vMerge) !== 'restart';
      const text = continued
        ? ''
        : blockTexts(tc, styles, false)
            .map((b) => b.text)
            .join(' ');
      row.push(text, ...Array.from({ length: span - 1 }, () => ''));
    }
    return row;
  });
}

interface Block {
  text: string;
  style?: string;
}

/** Body (or cell) children in order → blocks: paragraphs (split at manual breaks) and tables. */
function blockTexts(container: Element, styles: Styles, markBold: boolean): Block[] {
  const out: Block[] = [];
  for (const c of children(container)) {
    if (c.name === `${W}p`) {
      const pPr = child(c, `${W}pPr`);
      const style = styles.names.get(val(child(pPr, `${W}pStyle`)) ?? '');
      const heading = headingLevel(style) !== undefined;
      // Heading-styled paragraphs are written plain: the style says they are headings, not bold.
      const lines = paragraphRuns(c, styles, styles.bold.has(val(child(pPr, `${W}pStyle`)) ?? '') && !heading);
      // Automatic numbering: the label Word draws goes before the first run, bold if that run is.
      const numPr = child(pPr, `${W}numPr`);
      const own = val(child(numPr, `${W}numId`));
      const fromStyle = styles.numbering.get(val(child(pPr, `${W}pStyle`)) ?? '');
      const numId = own ?? fromStyle?.numId;
      const ilvl = own !== undefined ? Number(val(child(numPr, `${W}ilvl`)) ?? 0) : (fromStyle?.ilvl ?? 0);
      if (numId && numId !== '0' && lines.some((l) => l.some((r) => r.text.trim() !== ''))) {
        const label = styles.label(numId, ilvl);
        const first = lines.find((l) => l.some((r) => r.text.trim() !== ''))!;
        if (label !== '') first.unshift({ text: label, bold: first.find((r) => r.text.trim() !== '')!.bold });
      }
      for (const runs of lines) {
        const text = runsToText(runs, markBold && !heading);
        if (text.trim() !== '') out.push({ text, style });
      }
    } else if (c.name === `${W}tbl`) {
      const rows = tableRows(c, styles).filter((r) => r.some((cell) => cell.trim() !== ''));
      if (!markBold) out.push(...rows.map((r) => ({ text: r.filter((x) => x !== '').join(' ') })));
      else if (rows.length > 0) out.push({ text: pipeTable(rows) });
    } else if (['sdt', 'sdtContent', 'customXml', 'ins'].some((n) => c.name === `${W}${n}`)) {
      out.push(...blockTexts(c, styles, markBold));
    }
  }
  return out;
}

/**
 * A Word document (.docx) → source text: paragraphs in order, bold leads marked, tables as pipe
 * tables. The paragraph in the highest heading style near the top (Title, heading 1 …) is the
 * title hint, with the style's name as evidence.
 */
export async function extractDocx(bytes: Uint8Array, file: string): Promise<ReadText> {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => ['word/document.xml', 'word/styles.xml', 'word/numbering.xml'].includes(f.name) });
  } catch (e) {
    throw ingestError(
      file,
      `is not a readable Word document (${(e as Error).message})`,
      'Open it in Word or WPS and save it again as .docx.',
    );
  }
  const documentXml = parts['word/document.xml'];
  if (!documentXml)
    throw ingestError(file, 'is not a Word document (no word/document.xml in it)', 'Open it in Word or WPS and save it again as .docx.');
  const part = (name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
  const styles = readStyles(part('word/styles.xml'), part('word/numbering.xml'));
  const root = parseDocument(strFromU8(documentXml), { xmlMode: true });
  const findBody = (nodes: ChildNode[]): Element | undefined => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === `${W}body`) return n;
      const found = findBody(n.children);
      if (found) return found;
    }
    return undefined;
  };
  const body = findBody(root.children);
  if (!body)
    throw ingestError(file, 'is not a Word document (no body in word/document.xml)', 'Open it in Word or WPS and save it again as .docx.');
  const blocks = blockTexts(body, styles, true);
  const text = toSourceText(blocks.map((b) => b.text));
  if (text === '')
    throw ingestError(
      file,
      'is an empty Word document (no text in it)',
      'Check that this is the right file; a scanned document needs OCR first.',
    );

  const hints: MetadataHints = {};
  // A heading-styled 发文字号 or date line is not the title (WPS files style the 文号 line so).
  const notTitle =
    /^[\p{Script=Han}]{1,12}\s*[〔[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*号$|^.{0,6}\d{4}\s*年.*日$|^[〇○零一二三四五六七八九十]{4}年/u;
  const headed = blocks.slice(0, 10).filter((b) => headingLevel(b.style) !== undefined && !notTitle.test(b.text.trim()));
  const top = Math.min(...headed.map((b) => headingLevel(b.style) ?? Infinity));
  // Consecutive paragraphs in the title's style are one title printed over several lines.
  const titleAt = blocks.findIndex((b) => headed.includes(b) && headingLevel(b.style) === top);
  if (titleAt >= 0) {
    const style = blocks[titleAt].style!;
    const lines = [];
    for (let i = titleAt; i < blocks.length && blocks[i].style === style && lines.length < 4; i++) lines.push(blocks[i].text.trim());
    hints.title = { value: lines.join(''), evidence: `Word 标题样式（${style}）` };
  }
  return { text, hints, extraction: 'docx' };
}
