/** A plain HTML page of a transcript: one block per message, the card's visible text as text. */
export function renderReport(
  lines: readonly { at: string; to: string; kind: string; op: string; text: string }[],
): string {
  const escape = (value: string) =>
    value.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
    );
  const rows = lines
    .map(
      (line) =>
        `<section><h3>${escape(line.at)} · ${escape(line.to)} · ${escape(line.kind)} (${escape(line.op)})</h3><pre>${escape(line.text)}</pre></section>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Steady simulation</title><style>body{font-family:system-ui;max-width:60rem;margin:2rem auto}pre{white-space:pre-wrap;background:#f5f5f5;padding:.5rem}</style></head><body><h1>Steady simulation: ${lines.length} messages</h1>\n${rows}\n</body></html>\n`;
}
