/** A run of non-blank source lines, located by its first source line (1-based). */
export interface SourceBlock {
  line: number;
  endLine: number;
  lines: string[];
  blankBefore: number;
  blankAfter: number;
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
  | 'signature';

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
}
