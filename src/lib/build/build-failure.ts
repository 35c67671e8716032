/**
 * What `npm run build` prints when the build fails: one message, the file (and line or field) it
 * is about and what to do, never Astro's wrapper ("An unhandled error occurred while running the
 * … hook") or a stack trace. Astro re-throws what a hook threw, and other layers may wrap an error
 * in another (`cause`), so the chain is searched for the error that knows where the problem is.
 */
import { ContentError, formatProblem } from '../errors.ts';

/** Messages that only say where an error passed through, not what it is. */
const WRAPPER = /^(An unhandled error occurred while running the|\[?astro:|Error while running|The build failed)/i;

/** The error and every `cause` under it, outermost first (a cycle stops the walk). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && !chain.includes(e); e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).trim();

/** Terminal colour codes Astro puts into its messages. */
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * The one message for a failed build. A ContentError anywhere in the chain prints its problems
 * (formatProblem: file:line, field, what to do); otherwise the outermost error that says more than
 * where it passed: an error naming a file (BuiltPageError, a file system error with its path) is
 * already the message; anything else is a bug of the build, said so in one line.
 */
export function describeBuildFailure(error: unknown, debug = false): string {
  const chain = causeChain(error);
  const content = chain.find((e): e is ContentError => e instanceof ContentError);
  const lines: string[] = [];
  if (content) {
    lines.push(`The build stopped: ${content.problems.length === 1 ? '1 problem' : `${content.problems.length} problems`}:`);
    for (const p of content.problems) lines.push('  ✗ ' + formatProblem(p));
  } else {
    const located = chain.find(
      (e) => typeof (e as { file?: unknown }).file === 'string' || typeof (e as { path?: unknown }).path === 'string',
    );
    const meaningful = located ?? chain.find((e) => !WRAPPER.test(plain(messageOf(e)))) ?? chain.at(-1);
    // Bundlers list errors under a count line ("Build failed with 1 error:"): the errors are the message.
    let message = plain(messageOf(meaningful))
      .replace(/^Build failed with \d+ errors?:\s*/i, '')
      .split('\n')
      .filter((l) => l.trim() !== '' && !/^\s+at /.test(l))
      .join('\n    ');
    const path = (meaningful as { path?: unknown }).path;
    if (typeof path === 'string' && !message.includes(path)) message = `${path}: ${message}`;
    lines.push('The build stopped:', '  ✗ ' + message);
    // A message that names a file and line (a template's syntax error, say) says where to look.
    if (!located && !/[\w\]/.-]+\.\w+:\d+/.test(message))
      lines.push(
        '    → If the message does not name a file of yours, this is a bug of the build; set BUILD_DEBUG=1 to see where it happened.',
      );
  }
  lines.push('Nothing was published: dist/ still holds the last site that built.');
  if (debug) for (const e of chain) if (e instanceof Error && e.stack) lines.push(e.stack);
  return lines.join('\n');
}
