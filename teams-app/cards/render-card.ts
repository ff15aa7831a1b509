import { createRequire } from 'node:module';
import { cardData, type CardDataOf, type CardName } from './card-data.js';
import { CardDataError } from './card-data-error.js';
import { templates } from './templates/index.js';

/** An expanded Adaptive Card 1.5, ready to send as an attachment. */
export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly version: '1.5';
  readonly body: readonly unknown[];
  readonly actions?: readonly unknown[];
  readonly [key: string]: unknown;
};

type Templating = {
  Template: new (payload: unknown) => { expand(context: { $root: unknown }): unknown };
};
// Loaded without its typings: they import `adaptivecards/src/schema`, a .ts source that our strict
// compiler would then type-check (and reject), in `tsc --noEmit` and in the build alike.
const { Template } = createRequire(import.meta.url)('adaptivecards-templating') as Templating;

/**
 * Expands the card's template with `data`. The data is validated first, because the templating engine
 * prints a missing field as a literal `${field}`; invalid data throws a CardDataError. Values are not
 * re-expanded, so user text containing `${...}` stays as typed.
 */
export function renderCard<N extends CardName>(name: N, data: CardDataOf<N>): AdaptiveCard {
  const parsed = cardData[name].safeParse(data);
  if (!parsed.success) throw new CardDataError(name, parsed.error.issues);
  return templateOf(name).expand({ $root: parsed.data }) as AdaptiveCard;
}

type Prepared = InstanceType<Templating['Template']>;
const prepared = new Map<CardName, Prepared>();

/**
 * A card's Template, prepared once: `new Template` parses every `${...}` expression (~3 ms for the
 * agenda), and the library lets one Template expand any number of data objects.
 */
function templateOf(name: CardName): Prepared {
  let template = prepared.get(name);
  if (template === undefined) {
    template = new Template(templates[name]);
    prepared.set(name, template);
  }
  return template;
}
