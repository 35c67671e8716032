import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Problem } from '../../errors.ts';
import {
  eventsFileSchema,
  factIgnoreFileSchema,
  figuresFileSchema,
  type EventEntry,
  type FactIgnoreEntry,
  type FigureEntry,
} from '../../schema/facts.ts';
import { readValidatedYaml } from './read-yaml.ts';

/** One validated list file, with the lines of its entries for later messages (citations). */
export interface LoadedList<T> {
  file: string;
  entries: T[];
  lineOf: (path: Array<string | number>) => number | undefined;
}

export interface LoadedFiguresAndEvents {
  figures: LoadedList<FigureEntry>;
  events: LoadedList<EventEntry>;
  figureIgnore: LoadedList<FactIgnoreEntry>;
  dateIgnore: LoadedList<FactIgnoreEntry>;
  problems: Problem[];
}

/** The content files this loader reads; each is optional (a new library starts without figures). */
export const FIGURE_AND_EVENT_FILES = ['figures.yaml', 'events.yaml', 'figure-ignore.yaml', 'date-ignore.yaml'] as const;

function loadList<T>(contentDir: string, name: string, schema: z.ZodType<T[]>, problems: Problem[]): LoadedList<T> {
  const file = join(contentDir, name);
  const empty: LoadedList<T> = { file, entries: [], lineOf: () => undefined };
  if (!existsSync(file)) return empty;
  const list = readValidatedYaml(file, schema, problems);
  return list ? { file, entries: list.data, lineOf: list.lineOf } : empty;
}

/**
 * Reads content/figures.yaml, content/events.yaml and their ignore lists, validated with zod: a
 * mistake names the file, the line, the entry and the field (`[3].citation.quote`).
 */
export function loadFiguresAndEvents(contentDir: string): LoadedFiguresAndEvents {
  const problems: Problem[] = [];
  return {
    figures: loadList(contentDir, 'figures.yaml', figuresFileSchema, problems),
    events: loadList(contentDir, 'events.yaml', eventsFileSchema, problems),
    figureIgnore: loadList(contentDir, 'figure-ignore.yaml', factIgnoreFileSchema, problems),
    dateIgnore: loadList(contentDir, 'date-ignore.yaml', factIgnoreFileSchema, problems),
    problems,
  };
}
