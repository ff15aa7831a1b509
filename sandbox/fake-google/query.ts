import { z } from 'zod';
import { invalidParameter } from './errors.js';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const instant = z.iso.datetime({ offset: true }).transform((value) => Date.parse(value));
const maxResults = z.coerce.number().int().min(1).max(2500);

/** The query of `events.list` the fake understands; the others Google accepts are read but ignored. */
export const listQuery = z.object({
  singleEvents: flag.optional(),
  showDeleted: flag.optional(),
  syncToken: z.string().min(1).optional(),
  pageToken: z.string().min(1).optional(),
  maxResults: maxResults.optional(),
  timeMin: instant.optional(),
  timeMax: instant.optional(),
  timeZone: z.string().optional(),
  iCalUID: z.string().optional(),
  orderBy: z.enum(['startTime', 'updated']).optional(),
  privateExtendedProperty: z.string().optional(),
  q: z.string().optional(),
  sharedExtendedProperty: z.string().optional(),
  updatedMin: z.string().optional(),
});

export const instancesQuery = z.object({
  showDeleted: flag.optional(),
  pageToken: z.string().min(1).optional(),
  maxResults: maxResults.optional(),
  timeMin: instant.optional(),
  timeMax: instant.optional(),
  timeZone: z.string().optional(),
  originalStart: z.iso.datetime({ offset: true }).optional(),
});

/** Google's answer to a bad parameter is a 400 that names it; so is this. */
export function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.output<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const parameter = String(issue?.path[0] ?? 'query');
  throw invalidParameter(parameter, `Invalid value for parameter '${parameter}': ${query[parameter] ?? ''}`);
}
