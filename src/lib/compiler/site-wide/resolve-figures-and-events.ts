import { fieldName, type Problem } from '../../errors.ts';
import type { FactCitation } from '../../schema/facts.ts';
import type { LoadedFiguresAndEvents, LoadedList } from '../source/load-figures-and-events.ts';
import { paragraphsQuoting } from '../remark/resolve-citations.ts';
import { shortTitle } from '../../text/short-title.ts';
import type { CompiledDocument, FactSource, ResolvedEvent, ResolvedFigure } from '../../types.ts';

export interface ResolvedFiguresAndEvents {
  figures: ResolvedFigure[];
  events: ResolvedEvent[];
  problems: Problem[];
}

/** What resolving needs of the corpus: each document's paragraphs, title and date, by slug. */
export type DocumentLookup = Map<
  string,
  Pick<CompiledDocument, 'slug' | 'meta' | 'paragraphs'> & Partial<Pick<CompiledDocument, 'mentions'>>
>;

/**
 * A figure's topic: the site theme most often held by the entities it names (counted twice) and by
 * those its paragraph mentions; none when no entity is involved. Derived from reviewed data (entity
 * pages' themes), never guessed from the words of the metric.
 */
function topicOf(
  named: readonly string[],
  mentioned: readonly string[],
  themeOf: (entityId: string) => string | undefined,
  themeOrder: readonly string[],
): string | undefined {
  const votes = new Map<string, number>();
  const vote = (id: string, weight: number) => {
    const theme = themeOf(id);
    if (theme) votes.set(theme, (votes.get(theme) ?? 0) + weight);
  };
  named.forEach((id) => vote(id, 2));
  mentioned.forEach((id) => vote(id, 1));
  return [...votes].sort((a, b) => b[1] - a[1] || themeOrder.indexOf(a[0]) - themeOrder.indexOf(b[0]))[0]?.[0];
}

/**
 * Resolves every figure's and event's citation to the one paragraph it quotes (as entity pages'
 * citations are), and checks the entities it names exist. Each entry looks up only its own
 * document, so the cost is per entry, not per corpus.
 */
export function resolveFiguresAndEvents(
  facts: LoadedFiguresAndEvents,
  documents: DocumentLookup,
  entityIds: ReadonlySet<string>,
  failedDocuments: ReadonlySet<string>,
  themes: { themeOf: (entityId: string) => string | undefined; order: readonly string[] } = { themeOf: () => undefined, order: [] },
): ResolvedFiguresAndEvents {
  const problems: Problem[] = [];

  type Resolved<T> = { entry: T; index: number; source: FactSource; position: number; topic?: string };
  function resolve<T extends { citation: FactCitation; entities: string[] }>(
    list: LoadedList<T>,
    label: (entry: T) => string,
  ): Array<Resolved<T>> {
    const out: Array<Resolved<T>> = [];
    list.entries.forEach((entry, index) => {
      const at = (path: Array<string | number>) => ({
        file: list.file,
        line: list.lineOf([index, ...path]),
        field: fieldName([index, ...path]),
      });
      entry.entities.forEach((id, i) => {
        if (!entityIds.has(id))
          problems.push({
            ...at(['entities', i]),
            message: `(${label(entry)}) names entity "${id}", which has no page`,
            hint: 'Use the id of an entity page, kind/slug as in its address: policies/louzhangzhi.',
          });
      });
      const { doc, quote, occurrence } = entry.citation;
      if (failedDocuments.has(doc)) return;
      const document = documents.get(doc);
      if (!document) {
        problems.push({
          ...at(['citation', 'doc']),
          message: `(${label(entry)}) cites unknown document "${doc}"`,
          hint: `Use the slug of a source in content/sources: ${[...documents.keys()].join(', ')}.`,
        });
        return;
      }
      // The same matching rule as entity pages' citations; `occurrence` picks one of a repeated passage.
      const hits = paragraphsQuoting(document.paragraphs, quote);
      const hit = occurrence ? hits[occurrence - 1] : hits.length === 1 ? hits[0] : undefined;
      if (hits.length === 0) {
        problems.push({
          ...at(['citation', 'quote']),
          message: `(${label(entry)}) quote "${quote}" is not in document "${doc}"`,
          hint: 'Copy the words from the source text exactly (spaces and quotation marks do not matter).',
        });
      } else if (!hit && occurrence) {
        problems.push({
          ...at(['citation', 'occurrence']),
          message: `(${label(entry)}) is ${occurrence}, but the quote occurs in ${hits.length} paragraph(s)`,
          hint: `Use a number from 1 to ${hits.length}.`,
        });
      } else if (!hit) {
        problems.push({
          ...at(['citation', 'quote']),
          message: `(${label(entry)}) quote "${quote}" occurs in ${hits.length} paragraphs of "${doc}"`,
          hint: 'Quote more words to make it unique, or add occurrence: 1 for a passage the source repeats.',
        });
      } else {
        const { title, date } = document.meta;
        const mentioned = (document.mentions ?? []).filter((m) => m.anchor === hit.id).map((m) => m.entityId);
        out.push({
          entry,
          index,
          source: { document: doc, anchor: hit.id, title, date, quote, label: shortTitle(document.meta) },
          position: document.paragraphs.indexOf(hit),
          topic: topicOf(entry.entities, mentioned, themes.themeOf, themes.order),
        });
      }
    });
    return out;
  }

  const figures = resolve(facts.figures, (f) => f.metric).map(({ entry: { citation: _, ...rest }, index, source, position, topic }) => ({
    ...rest,
    id: index,
    source,
    position,
    ...(topic ? { topic } : {}),
  }));
  const events = resolve(facts.events, (e) => e.title).map(({ entry: { citation: _, ...rest }, index, source }) => ({
    ...rest,
    id: index,
    source,
  }));
  return { figures, events, problems };
}
