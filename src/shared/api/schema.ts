// A tiny runtime schema for the API boundary (src/shared/api/contract.ts): each schema checks an untrusted value
// deeply and returns a fresh copy holding only what it declares, and its TypeScript type is derived from it
// (`Infer<typeof schema>`), so a method's params are written once. Refusals name the field path
// ("cells[3].value") and say in Chinese what was expected. Every object must be a plain object whose own keys are
// all declared (unknown keys and prototype names such as "__proto__" are refused), and no string may hold NUL.
// Pure ES: shared by main, the web host and (types only) the renderer.

/** A value that does not fit its schema: where (`path`, "" for the params themselves) and why, in Chinese. */
export class SchemaError extends Error {
  override name = 'SchemaError';
  constructor(readonly path: string, readonly reason: string) {
    super(`${path || '（参数本身）'}：${reason}`);
  }
}

export interface Schema<T> {
  /** What the value must be, in Chinese ("正整数", "「auto」「always」「never」之一"). */
  readonly expected: string;
  /** The value checked and copied, or a SchemaError. */
  parse(value: unknown, path?: string): T;
}

/** A field that may be left out (or be undefined); only meaningful inside `object({…})`. */
export type OptionalSchema<T> = Schema<T | undefined> & { readonly optional: true };

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }
>;

/** A short, safe description of what arrived (never the whole value: strings are cut and control characters hidden). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return '空缺（未提供）';
  if (typeof value === 'number') return Number.isNaN(value) ? '数字 NaN' : `数字 ${String(value)}`;
  if (typeof value === 'string') return `文本「${(value.length > 24 ? `${value.slice(0, 24)}…` : value).replace(/[\u0000-\u001f\u007f]/g, '�')}」`;
  if (typeof value === 'boolean') return `布尔值 ${String(value)}`;
  if (Array.isArray(value)) return '列表';
  return typeof value === 'object' ? '对象' : `${typeof value} 类型的值`;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new SchemaError(path, `应为${expected}（收到：${describe(value)}）`);
}

/** "cells[3].value": identifiers as .name, anything else quoted (and cut) so a hostile key cannot garble the message. */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const name = /^[A-Za-z_$][\w$]{0,63}$/.test(key) ? key : JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  return parent ? `${parent}.${name}` : name;
}

/** Text of min…max (default 10,000) UTF-16 units, never NUL; `what` names a `pattern`'s form in Chinese. */
export function string(options: { min?: number; max?: number; pattern?: RegExp; what?: string } = {}): Schema<string> {
  const { min = 0, max = 10_000, pattern } = options;
  const expected = options.what ?? (min > 0 ? `不超过 ${max} 个字符的非空文本` : `不超过 ${max} 个字符的文本`);
  return {
    expected,
    parse(value, path = '') {
      const fits = typeof value === 'string' && value.length >= min && value.length <= max && !value.includes('\0');
      return fits && (!pattern || pattern.test(value)) ? value : fail(path, expected, value);
    },
  };
}

/** A safe integer in [min, max] (NaN, Infinity, fractions and numeric strings are refused). */
export function integer(min: number, max: number): Schema<number> {
  const expected = min === 1 && max === Number.MAX_SAFE_INTEGER ? '正整数' : `${min} 到 ${max} 之间的整数`;
  return {
    expected,
    parse(value, path = '') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) fail(path, expected, value);
      return value;
    },
  };
}

export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  const expected = `${values.map((v) => `「${v}」`).join('')}之一`;
  return {
    expected,
    parse(value, path = '') {
      if (typeof value !== 'string' || !values.includes(value)) fail(path, expected, value);
      return value as T[number];
    },
  };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { expected: `${schema.expected}或 null`, parse: (value, path = '') => (value === null ? null : schema.parse(value, path)) };
}

export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  return { expected: `${schema.expected}（可省略）`, optional: true, parse: (value, path = '') => (value === undefined ? undefined : schema.parse(value, path)) };
}

export function array<T>(item: Schema<T>, options: { min?: number; max: number }): Schema<T[]> {
  const { min = 0, max } = options;
  const expected = `${min > 0 ? `至少 ${min} 项、` : ''}至多 ${max} 项的列表，每项为${item.expected}`;
  return {
    expected,
    parse(value, path = '') {
      if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype || value.length < min || value.length > max) fail(path, expected, value);
      const out: T[] = [];
      // Holes (a sparse array through IPC) read as undefined and are refused by the item schema.
      for (let i = 0; i < value.length; i++) out.push(item.parse(value[i], fieldPath(path, i)));
      return out;
    },
  };
}

const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A plain object with exactly the declared keys (optional ones may be missing). Unknown keys, symbol keys,
 * accessors and prototype names are refused before any field is read; the copy holds the declared keys only.
 */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  const keys = Object.keys(shape);
  const expected = keys.length ? `含字段 ${keys.join('、')} 的对象` : '空对象 {}';
  return {
    expected,
    parse(value, path = '') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, expected, value);
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) fail(path, expected, value);
      for (const key of Reflect.ownKeys(value)) {
        if (typeof key !== 'string') fail(path, `${expected}（不能有符号键）`, value);
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        if (PROTOTYPE_NAMES.has(key) || !Object.hasOwn(shape, key) || !descriptor || !('value' in descriptor)) {
          throw new SchemaError(fieldPath(path, key), `不允许此字段（可用字段：${keys.join('、') || '无'}）`);
        }
      }
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const field = (shape[key] as Schema<unknown>).parse(Object.hasOwn(record, key) ? record[key] : undefined, fieldPath(path, key));
        if (field !== undefined) out[key] = field;
      }
      return out as ObjectOf<S>;
    },
  };
}
