import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeGoogleCalendar, type FakeGoogleCalendar } from '../../sandbox/fake-google/index.js';
import { SAMPLE_DIRECTORY } from '../../sandbox/sample-org.js';
import { loadConfig } from '../../shared/config.js';
import { createRoot } from '../../app/root.js';

// `npm start`'s wiring (sandbox/start-local.ts): the root builds the directory from its settings, and
// the sample organisation's managers come from the fake Google directory through the Google adapter,
// not from a map handed to the root.

let google: FakeGoogleCalendar;
beforeAll(async () => {
  google = await startFakeGoogleCalendar({ directory: SAMPLE_DIRECTORY });
});
afterAll(async () => google?.stop());

it("reads the sample organisation's managers from the fake Google directory", async () => {
  const config = loadConfig({ STEADY_MODE: 'local', GOOGLE_ROOT_URL: `${google.url}/`, DIRECTORY: 'google' });
  const directory = await createRoot(config).directory();

  expect(await directory.managerOf('dev@contoso.com')).toBe('maria@contoso.com');
  expect(await directory.managerOf('li@contoso.com')).toBe('maria@contoso.com');
  expect(await directory.managerOf('maria@contoso.com')).toBeUndefined();
  expect(await directory.person('nobody@contoso.com')).toBeUndefined();
  expect(google.count('directoryUser')).toBe(4);

  google.setDirectoryUser({ primaryEmail: 'dev@contoso.com', manager: 'ana@contoso.com' });
  expect(await directory.managerOf('dev@contoso.com')).toBe('maria@contoso.com'); // cached
});

it('knows nobody with DIRECTORY=none, and asks the fake nothing', async () => {
  const before = google.count('directoryUser');
  const config = loadConfig({ STEADY_MODE: 'local', GOOGLE_ROOT_URL: `${google.url}/` });
  const directory = await createRoot(config).directory();
  expect(await directory.managerOf('dev@contoso.com')).toBeUndefined();
  expect(google.count('directoryUser')).toBe(before);
});
