/** A Bot Connector v3 operation the fake answers, from the method and the decoded path segments. */
export type ConnectorRoute =
  | { op: 'createConversation' }
  | { op: 'send'; conversationId: string }
  | { op: 'reply'; conversationId: string; activityId: string }
  | { op: 'update'; conversationId: string; activityId: string }
  | { op: 'delete'; conversationId: string; activityId: string }
  | { op: 'activityMembers'; conversationId: string; activityId: string }
  | { op: 'members'; conversationId: string }
  | { op: 'pagedMembers'; conversationId: string }
  | { op: 'member'; conversationId: string; memberId: string }
  | { op: 'unknown' };

export function connectorRoute(method: string, segments: readonly string[]): ConnectorRoute {
  const [v3, conversations, conversationId, kind, itemId, sub, ...rest] = segments;
  if (v3 !== 'v3' || conversations !== 'conversations' || rest.length > 0) return { op: 'unknown' };
  if (conversationId === undefined)
    return method === 'POST' ? { op: 'createConversation' } : { op: 'unknown' };
  if (kind === 'activities') {
    if (itemId === undefined) return method === 'POST' ? { op: 'send', conversationId } : { op: 'unknown' };
    const activityId = itemId;
    if (sub === 'members')
      return method === 'GET' ? { op: 'activityMembers', conversationId, activityId } : { op: 'unknown' };
    if (sub !== undefined) return { op: 'unknown' };
    if (method === 'POST') return { op: 'reply', conversationId, activityId };
    if (method === 'PUT') return { op: 'update', conversationId, activityId };
    if (method === 'DELETE') return { op: 'delete', conversationId, activityId };
    return { op: 'unknown' };
  }
  if (method !== 'GET' || sub !== undefined) return { op: 'unknown' };
  if (kind === 'members')
    return itemId === undefined
      ? { op: 'members', conversationId }
      : { op: 'member', conversationId, memberId: itemId };
  if (kind === 'pagedMembers' && itemId === undefined) return { op: 'pagedMembers', conversationId };
  return { op: 'unknown' };
}

/** The path's segments, decoded; empty segments (a `//` from a service URL ending in `/`) dropped. */
export function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}
