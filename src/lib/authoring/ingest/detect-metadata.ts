import type { MetadataHints } from './hints.ts';
import { findDate, parseTimestampLine } from '../../text/chinese-dates.ts';
import { documentNumberLine, parseDocumentNumber } from '../../text/document-number.ts';
import { labelledValues } from './metadata/furniture.ts';
import { detectKind, type KindSpelling } from './metadata/kind.ts';
import { documentLines, type DocLine } from './metadata/lines.ts';
import { detectRegion, type PlaceLookup } from './metadata/region.ts';
import {
  creditOrgan,
  findAdoptionDate,
  organsOf,
  findDateUnderTitle,
  findDateline,
  findOccasionDate,
  findPrintingOffice,
  findSignature,
  governmentOfReport,
  organOfSpeaker,
  organsInTitle,
} from './metadata/signature.ts';
import { toFullWidthPunctuation } from '../../text/full-width-punctuation.ts';
import { findSerialNumber, parseSerialNumber } from './metadata/serial-number.ts';
import { balanceQuotes, findTitle, normaliseTitleSpaces } from './metadata/title.ts';

export { parseChineseDate } from '../../text/chinese-dates.ts';
export { ORGAN } from './metadata/signature.ts';

/** The fields add-document detects, in the order the metadata file lists them. */
export const detectedFields = ['title', 'kind', 'issuer', 'documentNumber', 'date', 'published', 'region', 'indexNumber'] as const;
export type DetectedField = (typeof detectedFields)[number];

/**
 * What can be read off a document without a person. Every value is a guess for a person to
 * confirm; `undefined` means nothing was found (the person writes it, or leaves it out when the
 * document does not state it). `evidence` says, per value, where it was found: a line of the
 * text (`第 12 行：…`) or the file's own metadata (a web page's 信息公开 table).
 */
export interface DetectedMetadata {
  title?: string;
  kind?: string;
  /** Joint issuers are joined with 、. */
  issuer?: string;
  documentNumber?: string;
  /** 成文日期. */
  date?: string;
  /** 发布日期, when stated apart from 成文日期. */
  published?: string;
  region?: string;
  /** gov.cn 索引号. */
  indexNumber?: string;
  evidence: Partial<Record<DetectedField, string>>;
}

export interface DetectionContext {
  kinds: readonly KindSpelling[];
  places: PlaceLookup;
}

/** How no title ends: on a particle, a preposition, a conjunction or an opening mark. */
const INCOMPLETE_TITLE = /(的|关于|和|及|与|对|、|《|“|（|\()$/u;

const lineEvidence = (l: DocLine | undefined, what: string) =>
  l ? `${what}，第 ${l.n} 行：${l.text.length > 40 ? l.text.slice(0, 40) + '…' : l.text}` : what;

/**
 * Reads the metadata a person would otherwise copy by hand, by rules that hold for any document
 * of its kind (GB/T 9704 公文, regulations, reports, news):
 * - title: the file's own metadata (web table, Word title style) else the first run of title lines,
 *   joined across lines, skipping mastheads, 文号, boxes, portal furniture and salutations;
 * - 发文字号: a line that is only a 文号 (also bracketed), else the page's metadata;
 * - 成文日期 and issuer: the first signature (organs over the date; joint organs side by side),
 *   else the page's metadata, a report's occasion line, a news dateline; issuer also from the
 *   organs the title names before 关于, a report's speaker line, a news credit, the 版记;
 * - 发布日期: the page's metadata, a portal's timestamp or 发布日期 line;
 * - kind: from the title's ending (configured kinds and aliases), news by its marks;
 * - region: the place of the issuer (administrative-divisions dataset), 全国 for central organs.
 */
export function detectMetadata(text: string, hints: MetadataHints, context: DetectionContext): DetectedMetadata {
  const lines = documentLines(text);
  const evidence: DetectedMetadata['evidence'] = {};
  const hintEvidence = (h: { evidence: string } | undefined) => h?.evidence ?? '';

  // A metadata box printed in the text (browser prints of 政府信息公开 pages, news pages).
  const box = new Map<string, { value: string; line: DocLine }>();
  for (const l of lines.slice(0, 40)) {
    for (const { label, value } of labelledValues(l.text) ?? []) if (value !== '' && !box.has(label)) box.set(label, { value, line: l });
  }
  const fromBox = (...labels: string[]) => labels.map((l) => box.get(l)).find((v) => v !== undefined);

  const kindWords = context.kinds
    .flatMap((k) => [k.name, ...(k.aliases ?? [])])
    .concat(['条例', '纲要', '公约', '章程', '准则', '标准', '指引', '指南', '清单', '目录']);

  // Title.
  let title: string | undefined;
  const found = findTitle(lines, kindWords);
  if (hints.title) {
    title = balanceQuotes(normaliseTitleSpaces(hints.title.value));
    evidence.title = hintEvidence(hints.title);
  } else if (found && INCOMPLETE_TITLE.test(found.text)) {
    // A title does not end on 的 or 关于: a line is missing (an OCR pass that dropped the short last
    // line of a centred title). Asking beats a truncated title.
    evidence.title = `标题行（第 ${found.lines.join('、')} 行）“${found.text}”没有写完，可能漏了下一行`;
  } else if (found) {
    // Written as the page will show it: paired ASCII quotes and brackets become Chinese ones.
    title = balanceQuotes(toFullWidthPunctuation(found.text));
    evidence.title = `标题行，第 ${found.lines.join('、')} 行`;
  }

  // 发文字号.
  let documentNumber: string | undefined;
  const numberLine = lines.slice(0, 60).find((l) => documentNumberLine(l.text) !== undefined);
  const boxNumber = fromBox('发文字号', '文号');
  const serialNumber = findSerialNumber(lines);
  if (numberLine) {
    documentNumber = documentNumberLine(numberLine.text);
    evidence.documentNumber = lineEvidence(numberLine, '单独成行的发文字号');
  } else if (hints.documentNumber && parseDocumentNumber(hints.documentNumber.value)) {
    documentNumber = parseDocumentNumber(hints.documentNumber.value);
    evidence.documentNumber = hintEvidence(hints.documentNumber);
  } else if (boxNumber && parseDocumentNumber(boxNumber.value)) {
    documentNumber = parseDocumentNumber(boxNumber.value);
    evidence.documentNumber = lineEvidence(boxNumber.line, '信息公开栏“文号”');
  } else if (hints.documentNumber && parseSerialNumber(hints.documentNumber.value)) {
    // A 令 or a numbered 公告 has its own number in place of a 文号; the portal's form (国令第707号) is kept.
    documentNumber = parseSerialNumber(hints.documentNumber.value)?.value;
    evidence.documentNumber = hintEvidence(hints.documentNumber);
  } else if (serialNumber) {
    documentNumber = serialNumber.value;
    evidence.documentNumber = lineEvidence(serialNumber.line, serialNumber.kind === '令' ? '令的发文机关标志和令号' : '公告编号');
  }

  // Signature: issuer and 成文日期.
  const signature = findSignature(lines);
  let date: string | undefined;
  let issuer: string | undefined;
  if (signature) {
    date = signature.date;
    evidence.date = lineEvidence(
      lines.find((l) => l.n === signature.line),
      '落款日期',
    );
    if (signature.issuers) {
      issuer = signature.issuers.join('、');
      evidence.issuer = lineEvidence(
        lines.find((l) => l.n === signature.issuerLine),
        '落款机关',
      );
    }
  }
  const boxDate = fromBox('成文日期');
  const occasion = findOccasionDate(lines);
  if (!date && hints.date) [date, evidence.date] = [hints.date.value, hintEvidence(hints.date)];
  if (!date && boxDate && findDate(boxDate.value))
    [date, evidence.date] = [findDate(boxDate.value), lineEvidence(boxDate.line, '信息公开栏“成文日期”')];
  // Then a line of the text that holds the date, in order of trust, each looked for only while none is found.
  const dateLines: Array<[find: () => { date: string; line: number } | undefined, what: string]> = [
    [() => occasion, '报告的会议日期'],
    [() => (found ? findAdoptionDate(lines, found.lines) : undefined), '标题下的通过日期'],
    [() => (found ? findDateUnderTitle(lines, found.lines) : undefined), '标题下的日期'],
    [() => findDateline(lines, title), '电头日期（年份取自标题）'],
  ];
  for (const [find, what] of dateLines) {
    if (date) break;
    const hit = find();
    if (hit)
      [date, evidence.date] = [
        hit.date,
        lineEvidence(
          lines.find((l) => l.n === hit.line),
          what,
        ),
      ];
  }

  // 发布日期: the page's metadata, a 发布日期 line, a portal's timestamp.
  let published: string | undefined;
  const boxPublished = fromBox('发布日期', '信息提供日期', '发布时间', '时间');
  const stamp = lines.slice(0, 15).find((l) => parseTimestampLine(l.text) !== undefined);
  if (hints.published) [published, evidence.published] = [hints.published.value, hintEvidence(hints.published)];
  else if (boxPublished && findDate(boxPublished.value))
    [published, evidence.published] = [findDate(boxPublished.value), lineEvidence(boxPublished.line, '页面的发布日期')];
  else if (stamp) [published, evidence.published] = [parseTimestampLine(stamp.text), lineEvidence(stamp, '页面的发布时间')];

  // Issuer, when no signature names it.
  const source = hints.source?.value ?? fromBox('信息来源', '来源')?.value;
  if (!issuer) {
    const fromTitle = title ? organsInTitle(title) : undefined;
    const speaker = lines
      .slice(0, 8)
      .map((l) => ({ l, organ: organOfSpeaker(l.text) }))
      .find((s) => s.organ);
    const credit = lines
      .slice(-3)
      .map((l) => ({ l, organ: creditOrgan(l.text) }))
      .find((c) => c.organ);
    const boxIssuer = fromBox('发文机关', '发布机构');
    const report = title && /政府工作报告/.test(title) ? governmentOfReport(lines, occasion) : undefined;
    const printing = findPrintingOffice(lines);
    // An organ printed under the title (plans and reports often name their author so).
    const titleEnd = found ? lines.findIndex((l) => l.n === found.lines.at(-1)) : -1;
    const under =
      titleEnd >= 0
        ? lines.slice(titleEnd + 1, titleEnd + 3).find((l) => organsOf(l.text) !== undefined && l.text.length <= 30)
        : undefined;
    if (hints.issuer) [issuer, evidence.issuer] = [hints.issuer.value, hintEvidence(hints.issuer)];
    else if (under) [issuer, evidence.issuer] = [organsOf(under.text)?.join('、'), lineEvidence(under, '标题下的机关名')];
    else if (fromTitle) [issuer, evidence.issuer] = [fromTitle.join('、'), '标题中“关于”前的机关'];
    else if (boxIssuer) [issuer, evidence.issuer] = [boxIssuer.value, lineEvidence(boxIssuer.line, '信息公开栏的发布机构')];
    else if (speaker?.organ) [issuer, evidence.issuer] = [speaker.organ, lineEvidence(speaker.l, '报告人所在机关')];
    else if (report)
      [issuer, evidence.issuer] = [
        report.organ,
        lineEvidence(
          lines.find((l) => l.n === report.line),
          '作政府工作报告的政府首长所在的人民政府',
        ),
      ];
    else if (credit?.organ) [issuer, evidence.issuer] = [credit.organ, lineEvidence(credit.l, '文末署名')];
    else if (source && (box.get('信息来源') || hints.source) && !documentNumber && !signature)
      [issuer, evidence.issuer] = [source, lineEvidence(box.get('信息来源')?.line, '信息来源')];
    else if (printing)
      [issuer, evidence.issuer] = [
        printing.organ,
        lineEvidence(
          lines.find((l) => l.n === printing.line),
          '版记中的印发机关',
        ),
      ];
  }

  // A news page's date is its publication date; so is a page's that states no other.
  const kindFound = detectKind(title, text, context.kinds, {
    hasDocumentNumber: documentNumber !== undefined,
    hasSignature: signature !== undefined,
    hasNewsSource: source !== undefined || box.has('信息来源'),
  });
  let kind = kindFound?.kind;
  if (kindFound) evidence.kind = kindFound.why;
  // The title names what a 令 issues (…条例), or is the 公告's number itself; the number's series
  // says which kind the document is.
  const serial = documentNumber ? parseSerialNumber(documentNumber) : undefined;
  const serialKind = serial && context.kinds.find((k) => [k.name, ...(k.aliases ?? [])].includes(serial.kind));
  if (!kind && serial && serialKind) {
    kind = serialKind.name;
    evidence.kind = `${serial.kind === '令' ? '令号' : '公告编号'}（${documentNumber}）`;
  }
  if (!date && published) [date, evidence.date] = [published, `${evidence.published}（未见落款日期，取发布日期）`];

  // Without an issuer, a spokesman's office still tells whose statement it is (中国载人航天工程新闻发言人).
  const spokesman = issuer
    ? undefined
    : lines
        .slice(0, 8)
        .map((l) => /^(.{2,30}?)(新闻)?发言人\s*\S{0,4}$/u.exec(l.text)?.[1])
        .find(Boolean);
  // A spokesman speaks for the office that hosts him: the site's 主办单位 when it is that body's office
  // (中国载人航天工程新闻发言人 on the site 主办方：中国载人航天工程办公室).
  const host = hints.siteHost;
  if (!issuer && spokesman && host?.value.startsWith(spokesman) && host.value !== spokesman)
    [issuer, evidence.issuer] = [host.value, `${host.evidence}，与发言人所属机构一致`];
  // The places a text names most often tell a news report's place; in an official document they
  // are its addressees' and subjects' (蚌山区政府：…), not the issuer's.
  const newsLike = !signature && !documentNumber;
  const regionFound = detectRegion(
    { issuer: issuer ?? spokesman, title, documentNumber, source, text: newsLike ? text : undefined },
    context.places,
  );
  const region = regionFound?.region;
  if (regionFound) evidence.region = regionFound.why;

  let indexNumber: string | undefined;
  const boxIndex = fromBox('索引号');
  if (hints.indexNumber) [indexNumber, evidence.indexNumber] = [hints.indexNumber.value, hintEvidence(hints.indexNumber)];
  else if (boxIndex) [indexNumber, evidence.indexNumber] = [boxIndex.value, lineEvidence(boxIndex.line, '信息公开栏“索引号”')];

  return {
    title,
    kind,
    issuer,
    documentNumber,
    date,
    published: published !== date ? published : undefined,
    region,
    indexNumber,
    evidence,
  };
}

export { detectKind } from './metadata/kind.ts';
