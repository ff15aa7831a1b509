// The layering of docs/architecture.md §2, one block per layer (eslint.config.js applies them all;
// test/unit/dependency-rule.test.ts proves each rule fires):
// - shared/domain and shared/services import no SDK, no adapter and do no I/O: they see the world only
//   through shared/ports.ts; the domain never imports the services.
// - nothing in shared/ imports teams-app/ or the composition root (app/).
// - teams-app/ reaches adapters only through the ports the root hands it.
// - the triggers (functions/) import only the root, the services and the domain they parse with.
// ESLint's flat config keeps the last block's options for a rule, so each block carries every
// pattern of its folder.

const core =
  'shared/domain and shared/services are I/O-free: import only zod and the core (domain, services, ports); ' +
  'take adapters, clocks and SDKs through the ports';
const domainOnly = 'shared/domain is the innermost layer: it never imports the services';
const notUp =
  'shared/ never imports teams-app/ or the composition root (app/): the root hands it what it needs';
const teamsPorts =
  'teams-app/ reaches adapters only through the ports (shared/ports.ts) the composition root hands it';
const triggers =
  'a trigger (functions/) imports only the composition root (app/root.ts), the services and the domain';

/** The import paths `message` forbids, as gitignore-style groups. */
const groups = (message, ...group) => ({ group, message });
/** The same for `import()`: no-restricted-imports sees only static imports. */
const dynamic = (message, pattern) => ({ selector: `ImportExpression[source.value=${pattern}]`, message });

const up = groups(notUp, '**/teams-app', '**/teams-app/**', '**/app/**', '**/app');
const upDynamic = dynamic(notUp, '/(^|\\/)(teams-app|app)\\//');

const coreImports = [
  { regex: '^(?!zod$)(?!\\.{1,2}/)', message: core },
  groups(
    core,
    '**/adapters',
    '**/adapters/**',
    '**/config',
    '**/config.js',
    '**/config-sections.js',
    '**/root',
    '**/root.js',
  ),
  up,
];

const coreGlobals = [
  'process',
  'fetch',
  'require',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'XMLHttpRequest',
  'WebSocket',
].map((name) => ({ name, message: core }));

const coreSyntax = [
  { selector: 'ImportExpression', message: core },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'read the time from the Clock port',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'read the time from the Clock port',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'take ids and randomness from the IdGen port',
  },
];

const coreBlock = (files, patterns) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-globals': ['error', ...coreGlobals],
    'no-restricted-syntax': ['error', ...coreSyntax],
  },
});

export const dependencyRules = [
  coreBlock(['shared/services/**/*.ts'], coreImports),
  coreBlock(['shared/domain/**/*.ts'], [...coreImports, groups(domainOnly, '**/services', '**/services/**')]),
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/domain/**', 'shared/services/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [up] }],
      'no-restricted-syntax': ['error', upDynamic],
    },
  },
  {
    files: ['teams-app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [groups(teamsPorts, '**/adapters', '**/adapters/**'), groups(notUp, '**/app/**')] },
      ],
      'no-restricted-syntax': ['error', dynamic(teamsPorts, '/(^|\\/)adapters\\//')],
    },
  },
  {
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            groups(
              triggers,
              '**/teams-app',
              '**/teams-app/**',
              '**/adapters',
              '**/adapters/**',
              '**/config',
              '**/config.js',
              '**/config-sections.js',
            ),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        dynamic(triggers, '/(^|\\/)(teams-app|adapters)\\/|\\/config(-sections)?\\.js$/'),
      ],
    },
  },
];
