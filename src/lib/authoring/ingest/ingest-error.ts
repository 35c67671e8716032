import { formatProblem, type Problem } from '../../errors.ts';

/**
 * A file add-document cannot take, with what to do about it. The CLI prints the message and exits
 * non-zero; nothing is written when one is thrown.
 */
export class IngestError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(formatProblem(problem));
    this.name = 'IngestError';
    this.problem = problem;
  }
}

export const ingestError = (file: string, message: string, hint?: string) => new IngestError({ file, message, hint });
