import { readFile } from 'node:fs/promises';
import { DEFAULT_HOST_CONFIG_PATH, RENDERER_PATH, hostConfigJson } from '../fake-teams/host-config.js';

interface Line {
  at: string;
  to: string;
  kind: string;
  op: string;
  text: string;
  card?: Record<string, unknown>;
}

/**
 * A standalone HTML page of a transcript: every message in time order, each card rendered in the
 * browser by the official `adaptivecards` renderer (bundled into the page) with Teams' light host config
 * (`vendor/adaptivecards/`). Plain messages are shown as text.
 */
export async function renderReport(lines: readonly Line[]): Promise<string> {
  const renderer = await readFile(RENDERER_PATH, 'utf8');
  const hostConfig = await hostConfigJson(DEFAULT_HOST_CONFIG_PATH);
  // JSON inside <script>: `<` escaped so no text of a card can close the element
  const data = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Steady simulation</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; background: #f5f5f5; max-width: 46rem; margin: 2rem auto; }
section { background: #fff; border-radius: 6px; margin: 1rem 0; padding: .75rem 1rem; box-shadow: 0 1px 2px #0002; }
h2 { font-size: .85rem; color: #555; margin: 0 0 .5rem; font-weight: 600; }
pre { white-space: pre-wrap; margin: 0; font-family: inherit; }
.error { color: #a00; }
</style></head>
<body><h1>Steady simulation: ${lines.length} messages</h1><main id="lines"></main>
<script>${renderer}</script>
<script>
(function () {
  var lines = ${data(lines)};
  var hostConfig = ${hostConfig};
  var main = document.getElementById('lines');
  lines.forEach(function (line) {
    var section = document.createElement('section');
    var title = document.createElement('h2');
    title.textContent = line.at + ' · to ' + line.to + ' · ' + line.kind + ' (' + line.op + ')';
    section.appendChild(title);
    if (line.card) {
      try {
        var card = new AdaptiveCards.AdaptiveCard();
        if (hostConfig) card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
        card.parse(line.card);
        section.appendChild(card.render());
      } catch (error) {
        var failed = document.createElement('pre');
        failed.className = 'error';
        failed.textContent = 'The card did not render: ' + error;
        section.appendChild(failed);
      }
    } else {
      var text = document.createElement('pre');
      text.textContent = line.text;
      section.appendChild(text);
    }
    main.appendChild(section);
  });
})();
</script></body></html>
`;
}
