import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { zodProblems, type Problem } from '../../errors.ts';
import { unsafeCharacterProblem } from '../../text/unsafe-characters.ts';
import { describeFileError } from './list-folder.ts';

export interface YamlText {
  /** The parsed value; null for an empty document. */
  data: unknown;
  /** The file line of a data path (the key's line for a field), or of its nearest existing parent. */
  lineOf: (path: Array<string | number>) => number | undefined;
}

/**
 * Parses YAML keeping positions, so later problems (schema, corrections) can name the line.
 * A syntax error is reported once, at its line, and nothing else is checked in that file: a
 * follow-up "expected object" would only bury the real mistake.
 * `lineOffset`: lines before the text in its file (a frontmatter block starts after its `---`).
 */
export function parseYamlText(text: string, file: string, problems: Problem[], lineOffset = 0): YamlText | undefined {
  const unsafe = unsafeCharacterProblem(file, text, 'Remove it; it is invisible and never needed in these fields.', lineOffset);
  if (unsafe) {
    problems.push(unsafe);
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const at = lineCounter.linePos(error.pos[0]);
    problems.push({
      file,
      line: at.line + lineOffset,
      column: at.col,
      message: `is not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      hint:
        error.code === 'DUPLICATE_KEY'
          ? 'Each field may appear once; remove the repeated one.'
          : 'Check the indentation and quoting at this line (text containing ": " or starting with [ { * & ! needs quotes).',
    });
    return undefined;
  }
  const lineOfOffset = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const lineOf = (path: Array<string | number>): number | undefined => {
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (!pair) break;
        const keyNode = pair.key as YamlNode | null;
        if (keyNode?.range) line = lineOfOffset(keyNode.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        const range = (node as YamlNode).range;
        if (range) line = lineOfOffset(range[0]);
      } else break;
    }
    return line;
  };
  return { data: doc.toJS(), lineOf };
}

/**
 * The last parse of each YAML file read, by path: `npm run dev` compiles again on every save, and
 * parsing every metadata, corrections, figures and events file again took most of a recompile that
 * had nothing else to do (about 1 s at 1,000 documents). The parse depends on the text alone, so a
 * file read with the same text reuses it; one entry per file of content/, replaced when it changes.
 * Callers only read the parsed data (the schemas copy what they keep).
 */
const lastParse = new Map<string, { text: string; yaml: YamlText | undefined; problems: Problem[] }>();

/** Reads and parses a YAML file; unreadable files and syntax errors become one problem each. */
export function readYamlFile(file: string, problems: Problem[]): YamlText | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    problems.push(describeFileError(file, e));
    return undefined;
  }
  const last = lastParse.get(file);
  if (last?.text === text) {
    problems.push(...last.problems);
    return last.yaml;
  }
  const found: Problem[] = [];
  const yaml = parseYamlText(text, file, found);
  lastParse.set(file, { text, yaml, problems: found });
  problems.push(...found);
  return yaml;
}

/**
 * Reads a YAML file and validates it with `schema` (an empty file reads as an empty list); every
 * mistake becomes a problem naming the file, line and field. Undefined when the file is unusable.
 */
export function readValidatedYaml<T>(
  file: string,
  schema: z.ZodType<T>,
  problems: Problem[],
): { data: T; lineOf: YamlText['lineOf'] } | undefined {
  const yaml = readYamlFile(file, problems);
  if (!yaml) return undefined;
  const parsed = schema.safeParse(yaml.data ?? []);
  if (!parsed.success) {
    problems.push(...zodProblems(file, parsed.error, yaml.data, yaml.lineOf));
    return undefined;
  }
  return { data: parsed.data, lineOf: yaml.lineOf };
}
