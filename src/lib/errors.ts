import type { z } from 'zod';

/** One problem found in the input, located precisely enough to fix it. */
export interface Problem {
  /** The file (or, for configuration, the environment variable) the problem is in. */
  file: string;
  line?: number;
  /** 1-based, in characters (code points), for problems inside a line such as control characters. */
  column?: number;
  field?: string;
  /** A predicate about the file or field: `is required`, `is not valid YAML: …`. */
  message: string;
  /** What the author should do about it. */
  hint?: string;
}

/** `file:line:column: field "x" message` (the form editors and terminals make clickable), then the hint. */
export function formatProblem(p: Problem): string {
  const at = p.file + (p.line !== undefined ? `:${p.line}` : '') + (p.line !== undefined && p.column !== undefined ? `:${p.column}` : '');
  const field = p.field ? `field "${p.field}" ` : '';
  return `${at}: ${field}${p.message}${p.hint ? `\n    → ${p.hint}` : ''}`;
}

/** Thrown once per build with every problem found, so authors fix them all in one round. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${problems.length} content problem(s):\n` + problems.map((p) => '  - ' + formatProblem(p)).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Collects problems across a whole build instead of stopping at the first. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(p: Problem): void {
    this.items.push(p);
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new ContentError(this.items);
  }
}

/** A data path as authors read it: `articles[0].blocks[2]`. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('');
}

/** `articles[0].blocks[2]` → ['articles', 0, 'blocks', 2]. */
export function parseFieldName(field: string): Array<string | number> {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'a set of fields',
  boolean: 'true or false',
};

function describeValue(v: unknown): string {
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a set of fields';
  if (typeof v === 'string') return `"${v}"`;
  return `${typeof v === 'number' ? 'the number' : ''} ${String(v)}`.trim();
}

/** Messages zod writes by itself (as opposed to the ones our schemas spell out for authors). */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized key|Expected)/;

/**
 * One zod issue → a sentence an author can act on. Zod's own wording ("Invalid input: expected
 * string, received undefined") names types, not fields; the messages our schemas set are kept.
 */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): Pick<Problem, 'message' | 'hint'> {
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { message: 'is required', hint: 'Add it; see README for the fields and their form.' };
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return {
          message: `must be text, but YAML reads ${String(value)} as ${describeValue(value).startsWith('the number') ? 'a number' : 'true/false'}`,
          hint: `Put it in quotes: "${String(value)}".`,
        };
      }
      return { message: `must be ${typeNames[issue.expected] ?? issue.expected}, not ${describeValue(value)}` };
    case 'invalid_value':
      return {
        message: `must be one of ${issue.values.map((v) => String(v)).join(', ')}; found ${describeValue(value)}`,
        hint: 'Use one of these values, exactly as written.',
      };
    case 'too_small':
    case 'too_big': {
      const more = issue.code === 'too_small';
      const unit = issue.origin === 'array' ? 'entries' : issue.origin === 'string' ? 'characters' : '';
      const limit = more ? issue.minimum : issue.maximum;
      if (!ZOD_DEFAULT.test(issue.message)) return { message: issue.message };
      return {
        message:
          `must have at ${more ? 'least' : 'most'} ${String(limit)} ${unit}`.trim() +
          (typeof value === 'string' ? ` (has ${[...value].length})` : Array.isArray(value) ? ` (has ${value.length})` : ''),
      };
    }
    case 'invalid_union': {
      // Our unions (a line number or a "13-18" range) explain themselves in one branch's message.
      const own = issue.errors.flat().find((i) => !ZOD_DEFAULT.test(i.message));
      return { message: `has an unexpected form (${describeValue(value)})${own ? `: ${own.message}` : ''}` };
    }
    default: {
      // Custom checks may carry their own advice as `params.hint`.
      const hint =
        issue.code === 'custom' && typeof issue.params?.hint === 'string'
          ? issue.params.hint
          : 'Correct the value; see README for the fields and their form.';
      return { message: ZOD_DEFAULT.test(issue.message) ? `is not valid: ${issue.message}` : issue.message, hint };
    }
  }
}

/**
 * Zod issues → problems naming the file, the field and, when `lineOf` can locate it, the line.
 * Unknown keys become one problem per key, each at its own line.
 */
export function zodProblems(
  file: string,
  error: z.ZodError,
  data?: unknown,
  lineOf?: (path: Array<string | number>) => number | undefined,
): Problem[] {
  const located = (path: Array<string | number>) => lineOf?.(path);
  const pathOf = (issue: z.core.$ZodIssue) => issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  // A misspelled field is one mistake, not "unknown field" plus "field is required".
  const missing = error.issues
    .filter((i) => i.code === 'invalid_type' && valueAt(data, i.path) === undefined)
    .map((i) => fieldName(pathOf(i)));
  const meant = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const parent = pathOf(issue);
      const match = missing.find((m) => m.startsWith(fieldName(parent)) && isTypo(key, String(parseFieldName(m).at(-1))));
      if (match && ![...meant.values()].includes(match)) meant.set(fieldName([...parent, key]), match);
    }
  }
  return error.issues.flatMap((issue): Problem[] => {
    const path = pathOf(issue);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const field = fieldName([...path, key]);
        const intended = meant.get(field);
        return {
          file,
          line: located([...path, key]),
          field,
          message: intended ? `is not a known field; did you mean "${intended}"?` : 'is not a known field',
          hint: intended ? `Rename it to ${intended}.` : 'Correct its spelling or remove it; see README for the fields.',
        };
      });
    }
    if (path.length && [...meant.values()].includes(fieldName(path))) return [];
    return [{ file, line: located(path), field: path.length ? fieldName(path) : undefined, ...describeIssue(issue, data) }];
  });
}

/** Same field name up to letter case or one or two typed characters (`titel`, `Date`, `isuer`). */
function isTypo(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x === y) return true;
  if (Math.abs(x.length - y.length) > 2) return false;
  // Levenshtein distance, small strings only.
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length] <= 2;
}
