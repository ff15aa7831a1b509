import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fail, pass, type Outcome } from './check.js';

/** The SQLite file's folder is writable, or can be created in the nearest folder that exists. */
export async function checkSqlite(file: string): Promise<Outcome> {
  const folder = resolve(dirname(file));
  let existing = folder;
  while (!(await exists(existing))) {
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  try {
    await access(existing, constants.W_OK);
  } catch {
    return fail(
      `${existing} is not writable, so SQLite cannot keep ${file} there`,
      'set STEADY_DATA_DIR to a folder you can write, or give yourself write access to that one',
    );
  }
  return pass(
    existing === folder
      ? `SQLite ${file}: its folder is writable`
      : `SQLite ${file}: its folder will be created in ${existing}, which is writable`,
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
