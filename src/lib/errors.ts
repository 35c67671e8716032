/** One problem found in the input, located precisely enough to fix it. */
export interface Problem {
  file: string;
  line?: number;
  field?: string;
  message: string;
  /** What the author should do about it. */
  hint?: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? `line ${p.line}` : '', p.field ? `field "${p.field}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}${p.hint ? `\n    → ${p.hint}` : ''}`;
}

/** Thrown once per build with every problem found, so authors fix them all in one round. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} content problem(s):\n` + problems.map((p) => '  - ' + formatProblem(p)).join('\n'));
    this.name = 'ContentError';
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
