import type { BotReply } from './fake-teams.js';

/** Teams signs its requests; the local bot skips validation, so any bearer value stands in. */
export const PLACEHOLDER_AUTHORIZATION = 'Bearer unsigned-fake-teams-token';

/**
 * POSTs an activity to the bot as Teams does and returns the bot's answer; a JSON body is parsed,
 * another body returned as text, an empty one as undefined. Headers given override the defaults;
 * an empty value removes one.
 */
export async function postToBot(
  endpoint: string,
  activity: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<BotReply> {
  const merged: Record<string, string> = {
    'content-type': 'application/json',
    authorization: PLACEHOLDER_AUTHORIZATION,
  };
  for (const [name, value] of Object.entries(headers)) {
    if (value === '') delete merged[name.toLowerCase()];
    else merged[name.toLowerCase()] = value;
  }
  const response = await fetch(endpoint, { method: 'POST', headers: merged, body: JSON.stringify(activity) });
  const text = await response.text();
  return { status: response.status, body: parseReply(text, response.headers.get('content-type')) };
}

function parseReply(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (!/json/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
