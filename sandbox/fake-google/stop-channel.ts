import { z } from 'zod';
import { notFound } from './errors.js';
import type { HandlerContext, Reply } from './handler-context.js';
import { parseBody } from './parse-body.js';

const stopBody = z.object({ id: z.string().min(1), resourceId: z.string().min(1) });

/** `POST /calendar/v3/channels/stop`: 204, or 404 for a channel the fake does not know (or stopped already). */
export function stopChannel(context: HandlerContext, body: unknown): Reply {
  const request = parseBody(stopBody, body);
  if (!context.notifier.stop(request.id, request.resourceId)) throw notFound();
  return { status: 204 };
}
