import type { FakePerson } from './fake-teams.js';
import { UsageError } from './usage-error.js';
import { derivedAadObjectId, teamsUserId } from './teams-ids.js';

/** A person as Teams knows them. */
export interface Member {
  readonly email: string;
  readonly name: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly aadObjectId: string;
  readonly timeZone: string;
  /** What the member lookup gives as `email` and `userPrincipalName` (an admin can change it). */
  profileEmail: string;
}

/** The people the fake knows, found by email, Teams user id, object id or UPN. */
export class Directory {
  private readonly byEmail = new Map<string, Member>();

  constructor(people: readonly FakePerson[], defaultTenantId: string) {
    for (const person of people) {
      const email = person.email.toLowerCase();
      if (!email.includes('@'))
        throw new Error(`people[].email must be an email address, got '${person.email}'`);
      if (this.byEmail.has(email)) throw new Error(`people[].email '${email}' appears twice`);
      const tenantId = person.tenantId ?? defaultTenantId;
      this.byEmail.set(email, {
        email,
        name: person.name,
        tenantId,
        userId: teamsUserId(tenantId, email),
        aadObjectId: person.aadObjectId ?? derivedAadObjectId(tenantId, email),
        timeZone: person.timeZone ?? 'UTC',
        profileEmail: (person.profileEmail ?? email).toLowerCase(),
      });
    }
  }

  all(): Member[] {
    return [...this.byEmail.values()];
  }

  /** The person with that email; throws for someone the fake was not given, a bug in the caller. */
  require(email: string): Member {
    const member = this.byEmail.get(email.toLowerCase());
    if (!member) throw new UsageError(`fake Teams knows no person '${email}'; add them to options.people`);
    return member;
  }

  /** The person in that tenant a Bot Connector request names by user id, object id or UPN. */
  find(tenantId: string, key: string): Member | undefined {
    const wanted = key.toLowerCase();
    for (const member of this.byEmail.values()) {
      if (member.tenantId !== tenantId) continue;
      if (
        member.userId === key ||
        member.aadObjectId.toLowerCase() === wanted ||
        `8:orgid:${member.aadObjectId}`.toLowerCase() === wanted ||
        member.email === wanted
      )
        return member;
    }
    return undefined;
  }
}
