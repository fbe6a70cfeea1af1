// Values for the fuzz test (imported from tests only): random and boundary values derived from an
// OpenAPI schema, and the hostile texts, numbers and shapes every input is tried with. Seeded, so
// a failure can be replayed with the seed it prints.

/** mulberry32: small, fast and good enough to pick test values reproducibly. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
  };
}
export type Random = ReturnType<typeof seededRandom>;

/** Texts no input should turn into a 5xx: NUL, lone surrogates, RTL and emoji, paths, markup, sizes. */
export const hostileTexts: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eمرحبا 👍🏽 שלום',
  'Nguyễn Văn Ánh',
  '../../etc/passwd',
  '..%2F..%2Fx',
  'a/b',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '%s%n%x',
  '\t\r\n',
  '-1',
  '1e309',
  'NaN',
  'null',
  '2026-02-30',
  '9999-99-99',
  'x'.repeat(300),
  'x'.repeat(10_000),
  '٠١٢٣',
  '\uFEFF\u200B',
];

/** Path and query pieces already percent-encoded, hostile as they stand. */
export const hostileEncoded: readonly string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%',
  '%E0%A4%A',
  '%FF%FE',
  '%2F..%2F..%2Fx',
  '..',
  '%2e%2e',
  '%C0%AF',
  encodeURIComponent('\u202eمرحبا 👍🏽'),
  'x'.repeat(2_000),
];

export const hostileNumbers = (min = 0, max = 1_000_000): unknown[] => [
  min,
  min - 1,
  max,
  max + 1,
  0,
  -1,
  0.5,
  -0,
  2 ** 53,
  -(2 ** 53),
  1e308,
  -1e308,
];

const wrongTypes: readonly unknown[] = [true, null, [], {}, 'text', 12, [null], { '': '' }];

export const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** Whole bodies that are not what any operation asks for. */
export const hostileBodies: readonly string[] = [
  '',
  'not json',
  '{"a":',
  'null',
  '[]',
  '"\\u0000"',
  '{"\\u0000":"\\ud800"}',
  deepJson(40),
  `{"answers":${deepJson(100_000)}}`,
  `[${'0,'.repeat(100_000)}0]`,
  JSON.stringify({ answers: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])) }),
];

export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}

/** Values known to exist (a real dossier id, a published procedure code), by field name. */
export type Known = Record<string, readonly unknown[]>;

export interface Generator {
  random: Random;
  components: Record<string, Schema>;
  known: Known;
}

function resolved(g: Generator, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').at(-1) ?? '';
  return resolved(g, g.components[name] ?? {});
}

function plausibleText(schema: Schema): string {
  switch (schema.format) {
    case 'email':
      return 'nguoi-dung@example.vn';
    case 'uri':
    case 'url':
      // A closed port: a fetch fails at once instead of waiting on the network.
      return 'http://127.0.0.1:9/x';
    case 'date':
      return '2026-09-02';
    case 'date-time':
      return '2026-09-02T08:00:00.000Z';
    default:
      return 'Nguyễn Văn A'.slice(0, schema.maxLength ?? 12).padEnd(schema.minLength ?? 0, 'a');
  }
}

/** A value for `schema`: mostly plausible, sometimes hostile (`hostility` is the chance per value). */
export function valueFor(g: Generator, raw: Schema, name: string, hostility: number, depth = 0): unknown {
  const { random } = g;
  const schema = resolved(g, raw);
  const known = g.known[name];
  if (known && random.chance(0.6)) return random.pick(known);
  const hostile = random.chance(hostility);
  if (hostile && random.chance(0.15)) return random.pick(wrongTypes);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return hostile ? random.pick(hostileTexts) : random.pick(schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return valueFor(g, random.pick(union), name, hostility, depth);
  if (schema.allOf?.length) {
    const parts = schema.allOf.map((part) => valueFor(g, part, name, hostility, depth));
    return parts.every((p) => p && typeof p === 'object' && !Array.isArray(p))
      ? Object.assign({}, ...parts)
      : parts.at(-1);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object'];
  const type = random.pick(types);
  switch (type) {
    case 'string':
      return hostile ? random.pick(hostileTexts) : plausibleText(schema);
    case 'integer':
    case 'number':
      return hostile
        ? random.pick(hostileNumbers(schema.minimum, schema.maximum))
        : (schema.minimum ?? 0) +
            random.int(Math.max(1, Math.min(100, (schema.maximum ?? 100) - (schema.minimum ?? 0))));
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      if (hostile && random.chance(0.3)) return Array.from({ length: 10_000 }, () => 'x');
      const count = hostile ? random.int(30) : 1 + random.int(2);
      return Array.from({ length: count }, () => valueFor(g, schema.items ?? {}, name, hostility, depth + 1));
    }
    default:
      return objectFor(g, schema, hostility, depth, hostile);
  }
}

function objectFor(g: Generator, schema: Schema, hostility: number, depth: number, hostile: boolean) {
  const { random } = g;
  const out: Record<string, unknown> = {};
  if (depth > 6) return out;
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    // Optional properties come and go; required ones are sometimes missing too.
    const required = schema.required?.includes(key);
    if (random.chance(required ? 0.05 : 0.3)) continue;
    out[key] = valueFor(g, property, key, hostility, depth + 1);
  }
  const extra = schema.additionalProperties;
  if (extra && (!schema.properties || hostile)) {
    const names = ['full_name', 'citizen_id', 'phone', 'purpose', 'reason', 'note', 'missing', 'score'];
    const count = hostile ? 1 + random.int(6) : 1 + random.int(3);
    for (let i = 0; i < count; i++) {
      const key = hostile && random.chance(0.3) ? random.pick(hostileTexts) : random.pick(names);
      out[key] =
        extra === true
          ? random.pick([...hostileTexts, ...wrongTypes])
          : valueFor(g, extra, key, hostility, depth + 1);
    }
  }
  return out;
}

/** A path or query value as it goes on the wire: encoded plausible text, or a hostile encoding. */
export function encodedValue(g: Generator, schema: Schema, name: string, hostility: number): string {
  if (g.random.chance(hostility / 2)) return g.random.pick(hostileEncoded);
  const value = valueFor(g, schema, name, hostility);
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  // A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a client would.
  return text.isWellFormed() ? encodeURIComponent(text) : '%ED%A0%80';
}
