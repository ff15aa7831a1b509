import { spawn, type ChildProcess } from 'node:child_process';

/** A running `npm start`: its URLs, its process (the leader of its own process group) and its output. */
export interface SandboxProcess {
  child: ChildProcess;
  inbox: string;
  functions: string;
  output: () => string;
}

const children: ChildProcess[] = [];

/**
 * Runs `npm start` with its data in `dataDir` on free ports, and waits until it says it is running;
 * `env` adds settings (real credentials, say).
 */
export async function start(dataDir: string, env: Record<string, string> = {}): Promise<SandboxProcess> {
  const child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      STEADY_DATA_DIR: dataDir,
      STEADY_HOST_PORT: '0',
      STEADY_INBOX_PORT: '0',
      STEADY_MODE: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as a terminal gives it: Ctrl-C reaches npm and Steady alike
  });
  children.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl-C stops everything.')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  const inbox = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1] ?? '';
  const functions = /functions {2}(http:\/\/127\.0\.0\.1:\d+)\/api/.exec(output)?.[1] ?? '';
  return { child, inbox, functions, output: () => output };
}

/** Ctrl-C (SIGINT to the whole process group); resolves when npm has exited. */
export const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-(child.pid ?? 0), 'SIGINT');
  });

/** SIGKILLs the process group of every `npm start` this file started (for afterAll, even on failure). */
export function killStarted(): void {
  for (const child of children.splice(0)) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
