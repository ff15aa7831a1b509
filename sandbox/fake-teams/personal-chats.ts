import type { Member } from './directory.js';
import type { PersonalConversation } from './fake-teams.js';
import { personalConversationId } from './teams-ids.js';

/** A person's 1:1 chat with the bot; `installed` is false once the app was removed. */
export interface PersonalChat extends PersonalConversation {
  readonly member: Member;
  installed: boolean;
}

/** The personal chats, one per person, created on first install and kept across reinstalls. */
export class PersonalChats {
  private readonly byId = new Map<string, PersonalChat>();
  private readonly byEmail = new Map<string, PersonalChat>();

  constructor(private readonly botId: string) {}

  /** The person's chat, created if this is their first install. */
  open(member: Member): PersonalChat {
    const existing = this.byEmail.get(member.email);
    if (existing) return existing;
    const id = personalConversationId(member.tenantId, member.userId, this.botId);
    const chat: PersonalChat = {
      id,
      email: member.email,
      tenantId: member.tenantId,
      member,
      installed: false,
    };
    this.byId.set(id, chat);
    this.byEmail.set(member.email, chat);
    return chat;
  }

  /** By id; a threaded id (`…;messageid=123`) names the same chat. */
  get(conversationId: string): PersonalChat | undefined {
    return this.byId.get(conversationId.split(';')[0] ?? conversationId);
  }

  ofEmail(email: string): PersonalChat | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  all(): PersonalChat[] {
    return [...this.byId.values()];
  }
}
