import type { Report } from './run-checks.js';

const NAME_WIDTH = 8;

/** One line per check: status, name, and what was seen, why it was skipped, or what is wrong and the fix. */
export function formatReport({ name, outcome }: Report): string {
  const head = `${outcome.status}  ${name.padEnd(NAME_WIDTH - 1)} `;
  switch (outcome.status) {
    case 'PASS':
      return `${head}${outcome.detail}`;
    case 'SKIP':
      return `${head}${outcome.reason}`;
    case 'FAIL':
      return `${head}${outcome.problem.replace(/\.$/, '')}. Fix: ${outcome.fix}`;
  }
}

/** The last line: the counts. */
export function formatSummary(reports: readonly Report[]): string {
  const count = (status: string) => reports.filter((r) => r.outcome.status === status).length;
  return `${count('FAIL')} failed, ${count('PASS')} passed, ${count('SKIP')} skipped`;
}
