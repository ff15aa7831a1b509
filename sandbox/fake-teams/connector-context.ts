import type { ChatLog } from './chat-log.js';
import type { Directory } from './directory.js';
import type { PersonalChats } from './personal-chats.js';

/** What the Bot Connector operations read and change. */
export interface ConnectorContext {
  readonly directory: Directory;
  readonly chats: PersonalChats;
  readonly log: ChatLog;
  readonly now: () => number;
}

/** A Bot Connector answer; no body means an empty 2xx. */
export interface Reply {
  status: number;
  body?: unknown;
}
