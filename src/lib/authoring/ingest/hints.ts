/**
 * What an extractor can read off a file besides its body text: values the file states outside the
 * text (a web page's metadata table or <meta> tags, a PDF's metadata box, a DOCX heading style).
 * Each value comes with its evidence, which add-document prints and writes into the metadata file
 * so a person can check it against the original.
 */
export interface HintValue {
  value: string;
  /** Where it was found, for a person: `网页信息公开表“成文日期”`, `<meta name="PubDate">`, `Word 标题样式（heading 1）`. */
  evidence: string;
}

export interface MetadataHints {
  title?: HintValue;
  /** 发文字号. */
  documentNumber?: HintValue;
  /** 成文日期 (ISO YYYY-MM-DD). */
  date?: HintValue;
  /** 发布日期 (ISO YYYY-MM-DD) when the page states it apart from 成文日期. */
  published?: HintValue;
  /** 发文机关 (joint issuers joined with 、). */
  issuer?: HintValue;
  /** gov.cn 索引号. */
  indexNumber?: HintValue;
  /** 主题分类. */
  topic?: HintValue;
  /** 来源 / 信息来源 of a news page. */
  source?: HintValue;
  /** The organ that runs the website (its footer's 主办单位), not the issuer of any one page. */
  siteHost?: HintValue;
}
