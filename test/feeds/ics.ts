/** A strict reader of iCalendar text for the calendar tests (RFC 5545 3.1, 3.3.11). */

export interface IcsProperty {
  name: string;
  /** "TZID=Europe/Copenhagen" etc. */
  params: string[];
  value: string;
}

export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

/**
 * Checks the physical lines of a calendar as bytes: CRLF line endings only, at most
 * 75 octets per line, and every line valid UTF-8 on its own (so no multi-byte
 * character was split by folding). Returns the unfolded content lines.
 */
export function contentLines(body: Buffer): string[] {
  const text = body.toString('latin1'); // one char per byte, to find the line breaks in bytes
  if (!text.endsWith('\r\n')) throw new Error('the calendar does not end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: string[] = [];
  for (const [index, line] of physical.entries()) {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`bare line break in line ${index + 1}`);
    if (line.length > 75) throw new Error(`line ${index + 1} has ${line.length} octets`);
    const decoded = decoder.decode(Buffer.from(line, 'latin1'));
    if (decoded.startsWith(' ') || decoded.startsWith('\t')) {
      if (lines.length === 0) throw new Error('the calendar starts with a continuation line');
      lines[lines.length - 1] += decoded.slice(1);
    } else lines.push(decoded);
  }
  return lines;
}

export function parseProperty(line: string): IcsProperty {
  const colon = line.indexOf(':');
  if (colon < 0) throw new Error(`no ":" in ${line}`);
  const [name, ...params] = line.slice(0, colon).split(';');
  if (!name || !/^[A-Z0-9-]+$/.test(name)) throw new Error(`bad property name in ${line}`);
  return { name, params, value: line.slice(colon + 1) };
}

/** The nested components of a calendar's content lines. */
export function parseIcs(lines: string[]): IcsComponent {
  const stack: IcsComponent[] = [];
  let root: IcsComponent | undefined;
  for (const line of lines) {
    const prop = parseProperty(line);
    if (prop.name === 'BEGIN') {
      const component: IcsComponent = { name: prop.value, properties: [], components: [] };
      if (stack.length) (stack[stack.length - 1] as IcsComponent).components.push(component);
      else if (root) throw new Error('two calendars in one file');
      else root = component;
      stack.push(component);
    } else if (prop.name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== prop.value) throw new Error(`END:${prop.value} closes ${open?.name ?? 'nothing'}`);
    } else {
      const current = stack[stack.length - 1];
      if (!current) throw new Error(`property outside a component: ${line}`);
      current.properties.push(prop);
    }
  }
  if (stack.length || !root) throw new Error('unbalanced BEGIN/END');
  return root;
}

/** Unescapes a TEXT value; throws on an unescaped comma or semicolon or an unknown escape. */
export function unescapeText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\') {
      const next = value[++i];
      if (next === 'n' || next === 'N') out += '\n';
      else if (next === '\\' || next === ',' || next === ';') out += next;
      else throw new Error(`unknown escape \\${next ?? ''} in ${value}`);
    } else if (c === ',' || c === ';') {
      throw new Error(`unescaped "${c}" in ${value}`);
    } else out += c;
  }
  return out;
}

export function prop(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name);
}

/** A TEXT property's value, unescaped; undefined when absent. */
export function text(component: IcsComponent, name: string): string | undefined {
  const p = prop(component, name);
  return p ? unescapeText(p.value) : undefined;
}
