const TOKEN = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** A filled JSON value and the placeholders that were left in it, each with its JSON path. */
export interface Filled {
  readonly value: unknown;
  readonly leftovers: readonly string[];
}

/**
 * Replaces `${{NAME}}` tokens in every string of a parsed JSON value with `values[NAME]`. Filling the
 * parsed value, not the text, means a value with quotes or backslashes cannot break the JSON.
 */
export function fillPlaceholders(template: unknown, values: Readonly<Record<string, string>>): Filled {
  const leftovers: string[] = [];
  const fill = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      const filled = node.replace(TOKEN, (token, name: string) => values[name] ?? token);
      if (filled.includes('${{')) leftovers.push(`${path || '/'} still holds a placeholder: ${filled}`);
      return filled;
    }
    if (Array.isArray(node)) return node.map((item, i) => fill(item, `${path}/${i}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [key, fill(item, `${path}/${key}`)]),
      );
    }
    return node;
  };
  return { value: fill(template, ''), leftovers };
}
