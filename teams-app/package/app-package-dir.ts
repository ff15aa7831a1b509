import { fileURLToPath } from 'node:url';

/** `teams-app/appPackage/`: the manifest template and the committed icons. */
export const APP_PACKAGE_DIR = fileURLToPath(new URL('../appPackage/', import.meta.url));
