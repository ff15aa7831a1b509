/** A person in the fake Workspace directory, as a test or scenario names them. */
export interface FakeDirectoryUser {
  /** Google's immutable user id; derived from the primary address when absent. */
  readonly id?: string;
  readonly primaryEmail: string;
  /** Other addresses that reach the person (`aliases` in Google's answer). */
  readonly aliases?: readonly string[];
  readonly manager?: string;
  readonly dottedLineManagers?: readonly string[];
}

/** What the fake directory checks a token against; absent, any bearer token is accepted (the sandbox). */
export interface DirectoryTokens {
  /** The scope and subject of an access token the fake OAuth issued, if it issued it. */
  readonly tokenOf: (bearer: string) => { readonly scope: string; readonly subject?: string } | undefined;
  /** Who may read `admin_view`: the Workspace's admins. */
  readonly admins: readonly string[];
}

/** The directory's people by every address that reaches them (primary or alias), in lower case. */
export class DirectoryData {
  private readonly byAddress = new Map<string, FakeDirectoryUser>();
  private readonly all = new Map<string, FakeDirectoryUser>();

  constructor(users: readonly FakeDirectoryUser[] = []) {
    for (const user of users) this.put(user);
  }

  /** Adds or replaces the person with this primary address (a new manager, new aliases). */
  put(user: FakeDirectoryUser): void {
    const primary = user.primaryEmail.toLowerCase();
    this.remove(primary);
    const stored = {
      ...user,
      primaryEmail: primary,
      aliases: (user.aliases ?? []).map((a) => a.toLowerCase()),
    };
    this.all.set(primary, stored);
    for (const address of [primary, ...stored.aliases]) this.byAddress.set(address, stored);
  }

  remove(primaryEmail: string): void {
    const user = this.all.get(primaryEmail.toLowerCase());
    if (user === undefined) return;
    this.all.delete(user.primaryEmail);
    for (const address of [user.primaryEmail, ...(user.aliases ?? [])]) this.byAddress.delete(address);
  }

  find(userKey: string): FakeDirectoryUser | undefined {
    return this.byAddress.get(userKey.toLowerCase());
  }
}
