/** The adapters the configuration names, opened for the composition root (`root.ts`). */
import type { Config } from '../shared/config.js';
import type { Clock, Directory, Store } from '../shared/ports.js';

/**
 * The directory the configuration names, behind the 12-hour cache (`cachedDirectory`). `none`
 * knows nobody: nobody's manager is known, and a Teams address is only mapped by `DOMAIN_MAP`.
 */
export async function openDirectory(config: Config, clock: Clock): Promise<Directory> {
  const setting = config.directory;
  if (setting.kind === 'none') {
    const { staticDirectory } = await import('../shared/adapters/directory/static-directory.js');
    return staticDirectory();
  }
  const [{ createGoogleDirectory }, { directoryRootUrl }, auth, { cachedDirectory }] = await Promise.all([
    import('../shared/adapters/google/google-directory.js'),
    import('../shared/adapters/google/directory-root-url.js'),
    import('../shared/adapters/google/google-auth.js'),
    import('../shared/adapters/directory/cached-directory.js'),
  ]);
  const google = config.google.auth;
  const authFor =
    google.kind === 'serviceAccount'
      ? auth.delegatedAuth(google, auth.DIRECTORY_SCOPE)
      : auth.presetTokenAuth(google.token);
  const rootUrl = directoryRootUrl(config.google.rootUrl);
  return cachedDirectory(
    createGoogleDirectory({
      ...(rootUrl === undefined ? {} : { rootUrl }),
      authFor,
      // the preset token (local mode only) acts as nobody in particular
      subject: setting.adminSubject ?? '',
    }),
    clock,
  );
}

export async function openStore(config: Config['store']): Promise<Store> {
  switch (config.kind) {
    case 'sqlite': {
      const { openSqliteStore } = await import('../shared/adapters/sqlite/sqlite-store.js');
      return openSqliteStore(config.file);
    }
    case 'cosmos': {
      const { createCosmosClient } = await import('../shared/adapters/cosmos/cosmos-client.js');
      const { openCosmosStore } = await import('../shared/adapters/cosmos/cosmos-store.js');
      return openCosmosStore(await createCosmosClient(config), config.database);
    }
  }
}
