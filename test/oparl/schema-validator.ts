import fs from 'node:fs';
import path from 'node:path';

/**
 * A validator for the part of JSON Schema the OParl 1.1 schemas use (test/fixtures/
 * oparl-1.1-schema, copied from the OParl specification): type, required,
 * properties, items, pattern and format (url, date-time, date), plus OParl's own
 * "schema": "File.json", which says an embedded object must itself be a valid File.
 * A schema with any other validation keyword is refused when it is loaded, so a
 * keyword this validator does not know can never pass silently.
 */

export interface Schema {
  title?: string;
  description?: string;
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  pattern?: string;
  format?: string;
  schema?: string;
  references?: string;
  backreference?: string;
  cardinality?: string;
}

const KNOWN = new Set(['title', 'description', 'type', 'required', 'properties', 'items', 'pattern', 'format', 'schema', 'references', 'backreference', 'cardinality']);
const FORMATS = new Set(['url', 'date-time', 'date']);

export const SCHEMA_DIR = path.resolve(__dirname, '../fixtures/oparl-1.1-schema');

function checkKeywords(schema: unknown, at: string): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) throw new Error(`${at}: a schema must be an object`);
  for (const [key, value] of Object.entries(schema)) {
    if (!KNOWN.has(key)) throw new Error(`${at}: the validator does not know the keyword "${key}"`);
    if (key === 'format' && !FORMATS.has(String(value))) throw new Error(`${at}: unknown format "${String(value)}"`);
    if (key === 'properties') for (const [name, sub] of Object.entries(value as Record<string, unknown>)) checkKeywords(sub, `${at}.properties.${name}`);
    if (key === 'items') checkKeywords(value, `${at}.items`);
  }
}

/** The schemas by name ("Meeting" for Meeting.json). */
export function loadSchemas(dir = SCHEMA_DIR): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
    checkKeywords(schema, file);
    schemas.set(file.replace(/\.json$/, ''), schema as Schema);
  }
  return schemas;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

function formatError(value: string, format: string): string | undefined {
  if (format === 'url') {
    if (!/^https?:\/\/\S+$/.test(value)) return 'is not an absolute http(s) URL';
    try {
      new URL(value);
    } catch {
      return 'is not a URL';
    }
    return undefined;
  }
  if (format === 'date-time') {
    const m = DATE_TIME.exec(value);
    if (!m || !validDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return 'is not a date-time with a time zone';
    return undefined;
  }
  const m = DATE.exec(value);
  return m && validDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') ? undefined : 'is not a date';
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** The problems of a value against a schema, each with its JSON path; empty when it is valid. */
export function validate(value: unknown, schema: Schema, schemas: Map<string, Schema>, at = '$'): string[] {
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t))) return [`${at}: expected ${types.join(' or ')}, got ${typeOf(value)}`];
  }
  if (typeof value === 'string') {
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) errors.push(`${at}: "${value}" does not match ${schema.pattern}`);
    if (schema.format !== undefined) {
      const problem = formatError(value, schema.format);
      if (problem) errors.push(`${at}: "${value}" ${problem}`);
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...validate(item, schema.items as Schema, schemas, `${at}[${i}]`)));
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) errors.push(`${at}: "${name}" is required`);
    for (const [name, sub] of Object.entries(schema.properties ?? {})) if (name in object) errors.push(...validate(object[name], sub, schemas, `${at}.${name}`));
    if (schema.schema !== undefined) {
      const target = schemas.get(schema.schema.replace(/\.json$/, ''));
      if (!target) errors.push(`${at}: unknown schema ${schema.schema}`);
      else errors.push(...validate(value, target, schemas, at));
    }
  }
  return errors;
}

/** The schema of an OParl object by its type URL ("https://schema.oparl.org/1.1/Meeting" → Meeting.json). */
export function schemaForType(type: unknown, schemas: Map<string, Schema>): Schema | undefined {
  const m = typeof type === 'string' ? /^https:\/\/schema\.oparl\.org\/1\.1\/(\w+)$/.exec(type) : null;
  return m?.[1] ? schemas.get(m[1]) : undefined;
}
