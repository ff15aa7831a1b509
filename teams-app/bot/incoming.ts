import { z } from 'zod';

/**
 * The fields of a Teams activity Steady reads, parsed once at the edge. Identity (tenant, object id)
 * comes from here, from the authenticated activity, never from card data.
 */
export const Incoming = z.object({
  id: z.string().min(1).max(256),
  type: z.string(),
  serviceUrl: z.string().url(),
  from: z.object({
    id: z.string().min(1),
    name: z.string().max(256).optional(),
    aadObjectId: z.string().min(1),
  }),
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional() }),
  channelData: z
    .object({ tenant: z.object({ id: z.string() }).optional() })
    .passthrough()
    .optional(),
  // Teams delivers messages up to about 28 KB; longer text is answered (too long), not refused
  text: z.string().max(32_000).optional(),
  /** When Teams received the activity (UTC, from Teams): the same on a redelivery. */
  timestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
});
export type Incoming = z.infer<typeof Incoming> & { readonly tenantId: string };

/** The activity's tenant: Teams puts it in `channelData.tenant.id` and `conversation.tenantId`. */
export function parseIncoming(activity: unknown): Incoming | undefined {
  const parsed = Incoming.safeParse(activity);
  if (!parsed.success) return undefined;
  const tenantId = (parsed.data.channelData?.tenant?.id ?? parsed.data.conversation.tenantId)?.toLowerCase();
  if (tenantId === undefined || tenantId === '') return undefined;
  return { ...parsed.data, tenantId };
}
