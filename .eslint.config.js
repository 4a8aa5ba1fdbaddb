// Lint config for every workspace (a dotfile so the top level stays as fixed by the brief).
import tseslint from 'typescript-eslint';

const LETTERS = '/\\p{L}/u';
// Words, but not a message id ('host.launch'): components pass ids to each other in attributes.
const WORDS_NOT_ID = '/^(?![a-z][a-zA-Z0-9]*([.][a-zA-Z0-9]+)+$).*\\p{L}/su';
const TEXT_ATTRS = '/^(aria-label|aria-description|title|placeholder|alt|label|heading|caption)$/';
const CHILD = ':matches(JSXElement, JSXFragment) > JSXExpressionContainer';
const say = (what) =>
  `${what}: put user-visible text in client/src/i18n/messages (all four languages) and use useT()/FormattedMessage.`;
/** Selectors for words hard-coded into the UI instead of going through the i18n catalogs. */
const UI_LITERALS = [
  { selector: `JSXText[value=${LETTERS}]`, message: say('Text in JSX') },
  {
    selector: `JSXAttribute[name.name=${TEXT_ATTRS}] > Literal[value=${WORDS_NOT_ID}]`,
    message: say('Text in a JSX attribute'),
  },
  {
    selector: `JSXAttribute[name.name=${TEXT_ATTRS}] TemplateElement[value.raw=${LETTERS}]`,
    message: say('Text in a JSX attribute'),
  },
  { selector: `${CHILD} > Literal[value=${WORDS_NOT_ID}]`, message: say('A string child in JSX') },
  {
    selector: `${CHILD} > :matches(ConditionalExpression, LogicalExpression) > Literal[value=${WORDS_NOT_ID}]`,
    message: say('A string child in JSX'),
  },
  {
    selector: `${CHILD} > TemplateLiteral > TemplateElement[value.raw=${LETTERS}]`,
    message: say('A template string child in JSX'),
  },
  {
    selector: `${CHILD} > :matches(ConditionalExpression, LogicalExpression) > TemplateLiteral > TemplateElement[value.raw=${LETTERS}]`,
    message: say('A template string child in JSX'),
  },
  {
    selector: `CallExpression[callee.name=/^(announce|notify)$/] > Literal[value=${LETTERS}]`,
    message: say('An announcement'),
  },
  {
    selector: `CallExpression[callee.name=/^(announce|notify)$/] TemplateElement[value.raw=${LETTERS}]`,
    message: say('An announcement'),
  },
  {
    selector: `CallExpression[callee.name=/^(announce|notify)$/] Property[key.name=/^(title|message)$/] > Literal[value=${LETTERS}]`,
    message: say('A notification'),
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['server/bench/**', 'server/src/main.ts', '.ci/**'], rules: { 'no-console': 'off' } },
  // The boundaries the code keeps, enforced. The app reaches Zoom only through its SDK adapter (so tests
  // and the simulator can stand in for it); the app never depends on the simulator; and the server's
  // production code never imports the simulator or fake cloud (app.ts loads them by a dynamic import
  // outside production, which the production bundle drops) nor the shared test fixtures.
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ignores: ['client/src/zoom/sdk-adapter.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@zoom/appssdk',
              message: 'Only client/src/zoom/sdk-adapter.ts talks to the Zoom SDK; use the ZoomPort.',
            },
          ],
          patterns: [
            { group: ['**/sim', '**/sim/**'], message: 'client/src must not import the simulator (client/sim).' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/sim/**', 'server/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sim/**', './sim', '../sim'],
              allowTypeImports: true,
              message: 'Production code must not import server/src/sim; app.ts loads it outside production only.',
            },
            {
              group: ['@quorum/shared/testing'],
              message: 'Production code must not import the test fixtures (@quorum/shared/testing).',
            },
          ],
        },
      ],
    },
  },
  // Every user-visible word in the app goes through client/src/i18n (see its README): words typed
  // straight into JSX, into aria-label/title/placeholder/alt, or into an announcement are errors.
  // The simulator chrome (client/sim) is a developer tool and stays English; tests may say anything.
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ignores: ['client/src/**/*.test.{ts,tsx}', 'client/src/test/**', 'client/src/i18n/messages/**'],
    rules: { 'no-restricted-syntax': ['error', ...UI_LITERALS] },
  },
);
