import { execFileSync } from 'node:child_process';

/**
 * The e2e project's global setup: builds `dist/` once before its files run side by side. Each `npm
 * start` they run builds again, but the build is incremental (tsconfig.build.json), so those find
 * nothing to write and never rewrite a file another sandbox is loading.
 */
export default function buildOnce(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}
