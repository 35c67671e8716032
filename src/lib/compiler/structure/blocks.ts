/** A run of non-blank source lines, located by its first source line (1-based). */
export interface SourceBlock {
  line: number;
  endLine: number;
  lines: string[];
  blankBefore: number;
  blankAfter: number;
  /** Per line: whether the source indents it (U+3000, two or more spaces, a tab): a paragraph's first line. */
  indented?: boolean[];
  /**
   * The block's edges are paragraph breaks the source states (one paragraph per line): the
   * re-joining of sentences broken by an extraction must not cross them.
   */
  explicit?: boolean;
}

/** What a block is, once rules and corrections have looked at it. */
export type BlockRole =
  | 'title'
  | 'kicker'
  | 'subtitle'
  | 'byline'
  | 'banner'
  | 'docNumber'
  | 'issuer'
  | 'heading'
  | 'boxHeading'
  | 'paragraph'
  | 'listItem'
  | 'caption'
  | 'note'
  | 'signature'
  /** 版头: `XX文件`, joint issuers' mastheads (GB/T 9704 7.2.1). */
  | 'masthead'
  /** 主送机关 or a salutation (各位代表：), flush left (GB/T 9704 7.3.2). */
  | 'addressee'
  /** 附注 (（此件公开发布）), 附件说明, 版记 (抄送, 印发): small print that is not body text. */
  | 'remark'
  /** What an export or a page says about where the text comes from (【法宝引证码】, 原文链接, 来源：). */
  | 'provenance'
  /** A regulation's article (第一条 …), a paragraph with its number as label. */
  | 'article'
  /** A GFM pipe table written by the importer. */
  | 'table';

export interface LaidOutBlock extends SourceBlock {
  /** Role forced by the corrections file. */
  role?: BlockRole;
  /** 0-based index of the newspaper article this block belongs to, when the source has articles. */
  article?: number;
  /** Part of a sidebar inside its article. */
  aside?: boolean;
}

export interface ClassifiedBlock {
  role: BlockRole;
  /** Raw text (source form, before the text rules). Signature lines are separated by `\n`. */
  text: string;
  /** Source lines this block's text came from, for reports and error messages. */
  lines: number[];
  /** Heading family (`part` 第一部分, `cn` 一、, `paren` （一）, `md3` ###, `line` short title line). */
  headingKind?: string;
  /** List family: `dash` (——) or `numbered` ((1)) or `bullet` (- ). */
  listKind?: 'dash' | 'numbered' | 'bullet';
  depth?: number;
  article?: number;
  aside?: boolean;
  /** A heading that was the first sentence of a numbered paragraph (its text follows as a paragraph). */
  runIn?: boolean;
  /** Copied from the source block: no sentence re-joining across it. */
  explicit?: boolean;
}
