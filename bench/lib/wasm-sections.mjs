// What a .wasm file is made of: bytes per section and, when the file still has its `name`
// section (the cargo output before wasm-opt strips it), code bytes per function, grouped by
// crate and module. Used by the Sizes section of the benchmark to name what makes the module big.

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'];

/** A reader of unsigned LEB128 numbers and names over `bytes`. */
class Reader {
  constructor(bytes, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }

  u32() {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new Error('truncated LEB128');
      const b = this.bytes[this.pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return result;
      shift += 7;
      if (shift > 35) throw new Error('LEB128 too long');
    }
  }

  name() {
    const n = this.u32();
    const s = Buffer.from(this.bytes.subarray(this.pos, this.pos + n)).toString('utf8');
    this.pos += n;
    return s;
  }
}

/** The sections of a module: [{ id, name, start, size }] (start = first byte of the content). */
export function sections(bytes) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const r = new Reader(bytes, 8);
  const out = [];
  while (r.pos < bytes.length) {
    const id = bytes[r.pos++];
    const size = r.u32();
    const start = r.pos;
    let name = SECTION_NAMES[id] ?? `unknown ${id}`;
    if (id === 0) name = `custom "${new Reader(bytes, start).name()}"`;
    out.push({ id, name, start, size });
    r.pos = start + size;
  }
  return out;
}

/** Identifiers of a legacy-mangled (`_ZN…E`) Rust symbol, without the trailing hash. */
function legacyPath(symbol) {
  const parts = [];
  let i = 3;
  while (i < symbol.length && symbol[i] !== 'E') {
    let j = i;
    while (j < symbol.length && symbol[j] >= '0' && symbol[j] <= '9') j++;
    const len = Number(symbol.slice(i, j));
    if (!len) break;
    parts.push(symbol.slice(j, j + len));
    i = j + len;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts.map((p) =>
    p
      .replace(/\$LT\$/g, '<')
      .replace(/\$GT\$/g, '>')
      .replace(/\$u20\$/g, ' ')
      .replace(/\$C\$/g, ',')
      .replace(/\.\./g, '::')
      .replace(/^_</, '<'),
  );
}

/**
 * The path of a function name from the `name` section, which holds legacy-mangled (`_ZN…E`),
 * v0-mangled (`_RNv…`, only the crate is recovered) or already demangled names.
 */
export function symbolPath(name) {
  if (name.startsWith('_ZN')) return legacyPath(name);
  if (name.startsWith('_R')) {
    const m = name.match(/C[sr][0-9A-Za-z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)/);
    return m ? [m[2].slice(0, Number(m[1])), '(v0-mangled)'] : [name];
  }
  return name
    .replace(/^_?<+/, '')
    .split('::')
    .map((p) => p.trim());
}

/**
 * Code bytes per function, using the `name` section: [{ name, path, size }], largest first.
 * Empty when the module has no names.
 */
export function functionSizes(bytes) {
  const secs = sections(bytes);
  const nameSec = secs.find((s) => s.name === 'custom "name"');
  const code = secs.find((s) => s.id === 10);
  const imports = secs.find((s) => s.id === 2);
  if (!nameSec || !code) return [];
  // Imported functions come first in the function index space.
  let importedFunctions = 0;
  if (imports) {
    const r = new Reader(bytes, imports.start);
    for (let n = r.u32(); n > 0; n--) {
      r.name();
      r.name();
      const kind = bytes[r.pos++];
      if (kind === 0) {
        r.u32();
        importedFunctions++;
      } else if (kind === 1) {
        r.pos++;
        const flags = r.u32();
        r.u32();
        if (flags & 1) r.u32();
      } else if (kind === 2) {
        const flags = r.u32();
        r.u32();
        if (flags & 1) r.u32();
      } else if (kind === 3) {
        r.pos += 2;
      } else {
        r.pos++;
        r.u32();
      }
    }
  }
  const names = new Map();
  const nr = new Reader(bytes, nameSec.start);
  nr.name();
  while (nr.pos < nameSec.start + nameSec.size) {
    const sub = bytes[nr.pos++];
    const size = nr.u32();
    const end = nr.pos + size;
    if (sub === 1) {
      for (let n = nr.u32(); n > 0; n--) {
        const index = nr.u32();
        names.set(index, nr.name());
      }
    }
    nr.pos = end;
  }
  const cr = new Reader(bytes, code.start);
  const out = [];
  const count = cr.u32();
  for (let k = 0; k < count; k++) {
    const size = cr.u32();
    const name = names.get(importedFunctions + k) ?? `function ${importedFunctions + k}`;
    out.push({ name, path: symbolPath(name), size });
    cr.pos += size;
  }
  return out.sort((a, b) => b.size - a.size);
}

/** Groups function sizes by `crate` (or `crate::module` for the crates named in `detailed`). */
export function groupSizes(functions, detailed = ['sourcelens']) {
  const groups = new Map();
  for (const f of functions) {
    const first = f.path[0]?.replace(/^<+/, '').split(/[ <>]|::/)[0] || '(unnamed)';
    const key = detailed.includes(first) && f.path.length > 2 ? `${first}::${f.path[1]}` : first;
    groups.set(key, (groups.get(key) ?? 0) + f.size);
  }
  return [...groups.entries()].map(([group, size]) => ({ group, size })).sort((a, b) => b.size - a.size);
}
