import type { FaultStatus } from './fake-teams.js';

/** A Bot Connector error answer: `{ error: { code, message } }` with Teams' codes. */
export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  get body(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const unauthorized = () =>
  new ConnectorError(401, 'Unauthorized', 'Authorization has been denied for this request.');
export const badSyntax = (message = 'Incorrect conversation creation parameters') =>
  new ConnectorError(400, 'BadSyntax', message);
export const badArgument = (message: string) => new ConnectorError(400, 'BadArgument', message);
export const notInRoster = () =>
  new ConnectorError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
export const conversationNotFound = () =>
  new ConnectorError(404, 'ConversationNotFound', 'Conversation not found.');
export const activityNotFound = () => new ConnectorError(404, 'ActivityNotFound', 'Activity not found.');
export const memberNotFound = () =>
  new ConnectorError(404, 'MemberNotFoundInConversation', 'The member is not part of the conversation.');
export const routeNotFound = () =>
  new ConnectorError(404, 'NotFound', 'The requested resource does not exist.');
export const tooLarge = () => new ConnectorError(413, 'MessageSizeTooBig', 'Message size too large.');
export const throttled = (retryAfterSeconds: number) =>
  new ConnectorError(429, 'Throttled', 'Too many requests.', { 'retry-after': String(retryAfterSeconds) });

/** The answer Teams gives for each status `failNext` can inject. */
export function faultError(status: FaultStatus): ConnectorError {
  switch (status) {
    case 403:
      return notInRoster();
    case 404:
      return conversationNotFound();
    case 412:
      return new ConnectorError(412, 'PreconditionFailed', 'Precondition failed, please try again.');
    case 429:
      return throttled(1);
    case 500:
      return new ConnectorError(500, 'ServiceError', 'Unknown error');
    case 502:
      return new ConnectorError(502, 'ServiceError', 'Internal server error');
    case 504:
      return new ConnectorError(504, 'GatewayTimeout', 'The operation timed out.');
  }
}
