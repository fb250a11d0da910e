/*
 * The forms of a page, read from its HTML, for the fuzz test (test/security/fuzz.test.ts): which
 * fields each form names, which of them are files, whether it is sent as multipart, and the values a
 * browser would send untouched, so that test/security/fuzz-stage.ts submits the real forms.
 */

/** A form as the fuzz test fuzzes it: by the (filled) path it posts to */
export interface FormInfo {
  /** Every field name (inputs, selects, text areas, named buttons), the CSRF token's aside */
  names: string[];
  /** The names of its file inputs */
  fileFields: string[];
  /** enctype="multipart/form-data" */
  multipart: boolean;
  /**
   * What a browser sends when the form is submitted with something typed into each empty text
   * field, `typed` (submittedFields otherwise; the first form's, where several post to the same path)
   */
  values: Array<[string, string]>;
}

/** What formsOf types into a form's empty text fields for FormInfo.values */
export const TYPED = 'Skrevet af fuzztesten';

function decode(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) out[(m[1] ?? '').toLowerCase()] = decode(m[2] ?? '');
  return out;
}

const pathOf = (url: string | undefined) => (url === undefined ? undefined : decode(url).split(/[?#]/)[0]);

interface RawForm {
  attrs: Record<string, string>;
  inner: string;
  /** The paths it posts to: its action, and its buttons' formaction */
  actions: string[];
}

function postForms(html: string): RawForm[] {
  const forms: RawForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = attributes(m[1] ?? '');
    if ((attrs.method ?? '').toLowerCase() !== 'post') continue;
    const inner = m[2] ?? '';
    const actions = [pathOf(attrs.action), ...[...inner.matchAll(/\bformaction="([^"]*)"/g)].map((a) => pathOf(a[1]))].filter((a): a is string => Boolean(a));
    forms.push({ attrs, inner, actions });
  }
  return forms;
}

/** The forms of a page that post, by the path they post to; forms posting to the same path are merged. */
export function formsOf(html: string): Map<string, FormInfo> {
  const forms = new Map<string, FormInfo>();
  for (const form of postForms(html)) {
    const names = [...form.inner.matchAll(/\bname="([^"]+)"/g)].map((n) => decode(n[1] ?? '')).filter((n) => n && n !== '_csrf');
    const fileFields = [...form.inner.matchAll(/<input\b([^>]*)>/g)].map((m) => attributes(m[1] ?? '')).filter((a) => a.type === 'file' && a.name).map((a) => a.name as string);
    const multipart = (form.attrs.enctype ?? '').toLowerCase() === 'multipart/form-data';
    for (const action of form.actions) {
      const known = forms.get(action);
      forms.set(action, {
        names: [...new Set([...(known?.names ?? []), ...names])],
        fileFields: [...new Set([...(known?.fileFields ?? []), ...fileFields])],
        multipart: (known?.multipart ?? false) || multipart,
        values: known?.values ?? controlValues(form.inner, TYPED),
      });
    }
  }
  return forms;
}

/**
 * What a browser sends when the form posting to `action` is submitted as the page shows it (hidden
 * and text inputs, checked boxes and radios, the selected or first option of each select, text
 * areas; no files and no buttons), with `set` replacing fields (an array: one entry a value,
 * undefined: left out). The first matching form of the page; throws when the page has none.
 */
export function submittedFields(html: string, action: string, set: Record<string, string | string[] | undefined> = {}): Array<[string, string]> {
  const form = postForms(html).find((f) => f.actions.includes(action));
  if (!form) throw new Error(`no form posting to ${action} on the page`);
  const out = controlValues(form.inner).filter(([name]) => !(name in set));
  for (const [name, value] of Object.entries(set)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([name, v]);
  }
  return out;
}

/** The values of a form's controls as a browser submits them untouched (or with `typed` in its empty text fields), the CSRF token's aside. */
function controlValues(inner: string, typed?: string): Array<[string, string]> {
  const textTypes = ['text', 'search'];
  const entries: Array<[string, string]> = [];
  for (const m of inner.matchAll(/<input\b([^>]*)>|<select\b([^>]*)>([\s\S]*?)<\/select>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    if (m[1] !== undefined) {
      const a = attributes(m[1]);
      if (!a.name || a.name === '_csrf' || a.type === 'file' || a.type === 'submit') continue;
      if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
      const value = a.value ?? (a.type === 'checkbox' || a.type === 'radio' ? 'on' : '');
      entries.push([a.name, typed !== undefined && value === '' && textTypes.includes(a.type ?? 'text') ? typed : value]);
    } else if (m[2] !== undefined) {
      const a = attributes(m[2]);
      if (!a.name) continue;
      const options = [...(m[3] ?? '').matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(o[1] ?? ''));
      const chosen = options.find((o) => 'selected' in o) ?? options[0];
      if (chosen) entries.push([a.name, chosen.value ?? '']);
    } else {
      const a = attributes(m[4] ?? '');
      // A text area's first newline belongs to the markup.
      const value = decode(m[5] ?? '').replace(/^\r?\n/, '');
      if (a.name) entries.push([a.name, typed !== undefined && value === '' ? typed : value]);
    }
  }
  return entries;
}

/** The options a select or a group of radios or checkboxes of the form offers, by field name. */
export function choicesOf(html: string, action: string): Map<string, string[]> {
  const form = postForms(html).find((f) => f.actions.includes(action));
  if (!form) throw new Error(`no form posting to ${action} on the page`);
  const choices = new Map<string, string[]>();
  const add = (name: string, value: string) => choices.set(name, [...(choices.get(name) ?? []), value]);
  for (const m of form.inner.matchAll(/<input\b([^>]*)>/g)) {
    const a = attributes(m[1] ?? '');
    if (a.name && (a.type === 'checkbox' || a.type === 'radio')) add(a.name, a.value ?? 'on');
  }
  for (const m of form.inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attributes(m[1] ?? '').name;
    if (name) for (const o of (m[2] ?? '').matchAll(/<option\b([^>]*)>/g)) add(name, attributes(o[1] ?? '').value ?? '');
  }
  return choices;
}
