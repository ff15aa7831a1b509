// The one dependency rule of docs/architecture.md §2: shared/domain and shared/services import no SDK,
// no adapter and do no I/O. They see the world only through shared/ports.ts.
// eslint.config.js applies this block; test/unit/dependency-rule.test.ts proves that it fires.
const message =
  'shared/domain and shared/services are I/O-free: import only zod and the core (domain, services, ports); ' +
  'take adapters, clocks and SDKs through the ports';

export const dependencyRule = {
  files: ['shared/domain/**/*.ts', 'shared/services/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^(?!zod$)(?!\\.{1,2}/)', message },
          {
            group: ['**/adapters', '**/adapters/**', '**/config', '**/config.js', '**/root', '**/root.js'],
            message,
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...[
        'process',
        'fetch',
        'require',
        'setTimeout',
        'setInterval',
        'setImmediate',
        'XMLHttpRequest',
        'WebSocket',
      ].map((name) => ({ name, message })),
    ],
    'no-restricted-syntax': [
      'error',
      { selector: 'ImportExpression', message },
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
    ],
  },
};
