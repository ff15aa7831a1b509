/** One object of a card's JSON (an element, an action, an inline, a choice…). */
export type Node = Record<string, unknown>;

/** Every object in a card's JSON, depth first: what the card tests search for ids, verbs and texts. */
export const nodes = (value: unknown): Node[] =>
  Array.isArray(value)
    ? value.flatMap(nodes)
    : typeof value === 'object' && value !== null
      ? [value as Node, ...Object.values(value).flatMap(nodes)]
      : [];
