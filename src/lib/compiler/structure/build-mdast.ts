import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import type { Position } from 'unist';
import type { ClassifiedBlock } from './blocks.ts';
import type { DocumentHeader } from '../../types.ts';

export type { DocumentHeader };

/** A container rendered as the HTML element named in `data.hName` (article, aside, header, figure). */
export interface Container {
  type: 'container';
  position?: Position;
  data: { hName: string; hProperties?: Record<string, unknown> };
  children: Array<RootContent | Container>;
}

declare module 'mdast' {
  interface RootContentMap {
    container: Container;
  }
}

/** The parts of a document that the page shows above the body, in the document's own words. */

/** Only `**bold**` survives from the leftover markdown; everything else is literal text. */
export function parseInline(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const re = /\*\*([^*]+?)\*\*/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ type: 'text', value: text.slice(last, m.index) });
    out.push({ type: 'strong', children: [{ type: 'text', value: m[1] }] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

const paragraph = (text: string, className?: string): Paragraph => ({
  type: 'paragraph',
  children: parseInline(text),
  ...(className ? { data: { hProperties: { className: [className] } } } : {}),
});

const container = (hName: string, hProperties: Record<string, unknown>, children: Container['children'] = []): Container => ({
  type: 'container',
  data: { hName, hProperties },
  children,
});

/**
 * Classified, cleaned blocks → mdast. Articles become `<article>` with a `<header>`, sidebars
 * `<aside>`, 专栏 boxes `<aside class="box">` holding their numbered items, captions and page
 * notes labelled `role="note"` blocks.
 */
export function buildMdast(blocks: ClassifiedBlock[]): { tree: Root; header: DocumentHeader } {
  const tree: Root = { type: 'root', children: [] };
  const header: DocumentHeader = {};
  let flow: Container['children'] = tree.children;
  let articleBody: Container['children'] | undefined;
  let articleHeader: Container | undefined;
  let article: number | undefined;
  let asideBody: Container['children'] | undefined;
  let box: Container | undefined;
  let list: List | undefined;

  const target = () => (box ? box.children : (asideBody ?? articleBody ?? tree.children));

  for (const block of blocks) {
    if (block.article !== article) {
      article = block.article;
      const node = container('article', { className: ['article'] });
      articleHeader = container('header', { className: ['article-header'] });
      node.children.push(articleHeader);
      tree.children.push(node as unknown as RootContent);
      articleBody = node.children;
      asideBody = undefined;
      box = undefined;
      list = undefined;
    }
    if (block.aside && !asideBody && articleBody) {
      const aside = container('aside', { className: ['sidebar'], ariaLabel: '要点' });
      articleBody.push(aside);
      asideBody = aside.children;
    } else if (!block.aside && asideBody) {
      asideBody = undefined;
    }
    if (block.role !== 'listItem') list = undefined;
    if (block.role === 'heading' || block.role === 'boxHeading' || block.role === 'title') box = undefined;
    flow = target();

    switch (block.role) {
      case 'title':
        if (articleHeader) articleHeader.children.push(heading(2, block.text));
        else header.title = block.text;
        break;
      case 'kicker':
      case 'subtitle':
        (articleHeader?.children ?? flow).push(paragraph(block.text, block.role));
        break;
      case 'docNumber':
        header.docNumber = block.text;
        break;
      case 'issuer':
        header.issuer = block.text;
        break;
      case 'heading':
        flow.push(heading(block.depth ?? 2, block.text));
        break;
      case 'boxHeading': {
        box = container('aside', { className: ['box'] }, [heading(block.depth ?? 3, block.text)]);
        flow.push(box);
        break;
      }
      case 'listItem': {
        if (!list || list.data?.hProperties?.className?.toString() !== `list-${block.listKind}`) {
          list = {
            type: 'list',
            ordered: false,
            spread: false,
            children: [],
            data: { hProperties: { className: [`list-${block.listKind}`] } },
          };
          flow.push(list);
        }
        const item: ListItem = { type: 'listItem', spread: false, children: [paragraph(block.text)] };
        list.children.push(item);
        break;
      }
      case 'caption':
        // The pictures were not received, only their captions: a figure with no image would
        // promise one, so the caption is a labelled note. The label sits outside the paragraph,
        // whose anchor is a fingerprint of the source text alone.
        flow.push(labelledNote('image-caption', '图片说明', paragraph(block.text)));
        break;
      case 'signature': {
        const children: PhrasingContent[] = [];
        block.text.split('\n').forEach((line, i) => {
          if (i > 0) children.push({ type: 'break' });
          children.push(...parseInline(line));
        });
        flow.push({ type: 'paragraph', children, data: { hProperties: { className: ['signature'] } } });
        break;
      }
      case 'note':
        flow.push(labelledNote('page-note', '版面提示', paragraph(block.text, 'note')));
        break;
      case 'byline':
      case 'banner':
        (articleHeader && block.role === 'banner' ? articleHeader.children : flow).push(paragraph(block.text, block.role));
        break;
      case 'paragraph':
        flow.push(paragraph(block.text));
        break;
      case 'masthead':
      case 'addressee':
      case 'remark':
        flow.push(paragraph(block.text, block.role));
        break;
      case 'provenance':
        flow.push(labelledNote('provenance-note', '来源信息', paragraph(block.text, 'provenance')));
        break;
      case 'article': {
        // 第X条 is the article's label, shown bold, the way legal texts print it.
        const m = /^(第[一二三四五六七八九十百零〇]+条)[\s\u3000]*/u.exec(block.text);
        const node = paragraph(m ? block.text.slice(m[0].length) : block.text, 'article');
        if (m) node.children.unshift({ type: 'strong', children: [{ type: 'text', value: m[1] }] }, { type: 'text', value: '\u3000' });
        flow.push(node);
        break;
      }
      case 'table':
        flow.push(pipeTable(block.text));
        break;
    }
  }
  return { tree, header };
}

/**
 * A GFM pipe table (as the importer writes Word and web tables) → an mdast table; its first row
 * is the header. Cells are text, never markup: `\|` is a literal bar.
 */
export function pipeTable(text: string): Table {
  const rows = text
    .split('\n')
    .filter((line) => !/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line))
    .map((line) => splitCells(line));
  const width = Math.max(...rows.map((r) => r.length));
  const children: TableRow[] = rows.map((cells) => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell', children: parseInline(cells[i] ?? '') })),
  }));
  return { type: 'table', align: Array.from({ length: width }, () => null), children };
}

function splitCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && inner[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (inner[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += inner[i];
  }
  cells.push(cell.trim());
  return cells;
}

/** A `role="note"` block whose visible label is real text (read aloud, printed), kept out of the search index. */
function labelledNote(className: string, label: string, body: Paragraph): Container {
  const labelNode = container('span', { className: ['note-label'], dataSearchIgnore: '' }, [{ type: 'text', value: label }]);
  return container('div', { className: [className], role: 'note' }, [labelNode as unknown as RootContent, body]);
}

/** A heading; a `\n` in its text (an attachment's label over its title) is a line break. */
function heading(depth: number, text: string): Heading {
  const children: PhrasingContent[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) children.push({ type: 'break' });
    children.push(...parseInline(line));
  });
  return { type: 'heading', depth: depth as Heading['depth'], children };
}
