type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string[] => (typeof value === 'string' && value !== '' ? [value] : []);

/**
 * Every string a person sees on the card, in reading order, one per line: text blocks (a RichTextBlock's
 * runs joined into one line), facts, input labels, placeholders and choices, and action titles.
 */
export function visibleText(card: unknown): string {
  if (!isObject(card)) return '';
  return [...list(card.body).flatMap(element), ...list(card.actions).flatMap(action)].join('\n');
}

function element(item: Json): string[] {
  switch (item.type) {
    case 'TextBlock':
      return text(item.text);
    case 'RichTextBlock': {
      const inlines = Array.isArray(item.inlines) ? item.inlines : [];
      return text(
        inlines
          .map((run) => (typeof run === 'string' ? run : isObject(run) ? text(run.text).join('') : ''))
          .join(''),
      );
    }
    case 'FactSet':
      return list(item.facts).flatMap((fact) => text([...text(fact.title), ...text(fact.value)].join(' ')));
    case 'Container':
    case 'Column':
      return list(item.items).flatMap(element);
    case 'ColumnSet':
      return list(item.columns).flatMap(element);
    case 'Table':
      return list(item.rows).flatMap((row) => list(row.cells).flatMap(element));
    case 'ActionSet':
      return list(item.actions).flatMap(action);
    case 'Input.ChoiceSet':
      return [
        ...text(item.label),
        ...text(item.placeholder),
        ...list(item.choices).flatMap((c) => text(c.title)),
      ];
    case 'Input.Toggle':
      return [...text(item.label), ...text(item.title)];
    default:
      return typeof item.type === 'string' && item.type.startsWith('Input.')
        ? [...text(item.label), ...text(item.placeholder)]
        : [];
  }
}

const action = (item: Json): string[] => text(item.title);
