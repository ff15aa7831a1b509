/** A route template compiled to a matcher: the route parameters, or `undefined` when the path does not match. */
export interface CompiledRoute {
  readonly template: string;
  /** Parameters in the template; fewer means more specific, tried first. */
  readonly parameterCount: number;
  match(pathname: string): Record<string, string> | undefined;
}

const TOKEN = /^(\*{1,2})?([A-Za-z_]\w*)(?::[^=?]*)?(?:=([^?]*))?(\?)?$/;

/**
 * Compiles an ASP.NET-style route template (the Functions host's), e.g. `api/items/{id}`,
 * `api/files/{*path}`, `api/{name?}`: literals match case-insensitively, a trailing slash is
 * ignored, parameters are URL-decoded. Constraints (`{id:int}`) are accepted but not enforced.
 */
export function compileRoute(template: string): CompiledRoute {
  const names: string[] = [];
  const defaults = new Map<string, string>();
  let source = '';
  for (const segment of template.split('/').filter((s) => s !== '')) {
    const parts = segment.split(/(\{[^{}]*\})/).filter((p) => p !== '');
    const tokens = parts.map((part) => (part.startsWith('{') ? TOKEN.exec(part.slice(1, -1)) : null));
    const only = parts.length === 1 ? tokens[0] : null;
    if (only !== null && only !== undefined && (only[1] !== undefined || only[3] !== undefined || only[4])) {
      // A whole-segment catch-all or optional parameter: the segment, slash included, may be absent.
      const name = only[2] as string;
      names.push(name);
      if (only[3] !== undefined) defaults.set(name, only[3]);
      source += only[1] !== undefined ? '(?:/(.*))?' : '(?:/([^/]+))?';
      continue;
    }
    source += '/';
    parts.forEach((part, i) => {
      const token = tokens[i];
      if (token !== null && token !== undefined) {
        names.push(token[2] as string);
        source += '([^/]+?)';
      } else if (/[{}]/.test(part)) {
        throw new Error(`route '${template}': cannot read '${part}'`);
      } else {
        source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
    });
  }
  const regex = new RegExp(`^${source}$`, 'i');
  return {
    template,
    parameterCount: names.length,
    match(pathname) {
      const match = regex.exec(pathname.replace(/\/+$/, ''));
      if (match === null) return undefined;
      const params: Record<string, string> = {};
      for (const [i, name] of names.entries()) {
        const raw = match[i + 1];
        const value = raw === undefined || raw === '' ? defaults.get(name) : safeDecode(raw);
        if (value !== undefined) params[name] = value;
      }
      return params;
    },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
