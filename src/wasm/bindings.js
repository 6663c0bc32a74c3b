// The bindings' JavaScript, one module (one file to fetch); the Rust files named below explain it.

// attempt.rs: reads that may throw.
let failure = null;
const attempt = (read) => {
  try {
    return read();
  } catch (error) {
    failure = { error };
    return undefined;
  }
};
export const get = (object, key) => attempt(() => object[key]);
export const keys = (object) => attempt(() => Object.keys(object));
export const isArray = (value) => attempt(() => Array.isArray(value)) === true;
export const stringify = (value) => attempt(() => JSON.stringify(value));
const wrappers = [Number, String, Boolean, BigInt].map((type) => [type.prototype.valueOf, type]);
export const jsonValue = (key, value) =>
  attempt(() => {
    if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
      const toJSON = value.toJSON;
      if (typeof toJSON === "function") value = toJSON.call(value, key);
    }
    if (typeof value !== "object" || value === null) return value;
    for (const [valueOf, type] of wrappers) {
      try {
        valueOf.call(value);
      } catch {
        continue;
      }
      return type === Number || type === String ? type(value) : valueOf.call(value);
    }
    return value;
  });
export const regExp = (pattern, flags) => attempt(() => new RegExp(pattern, flags));
export const failed = () => failure !== null;
export const takeFailure = () => {
  const error = failure?.error;
  failure = null;
  return error;
};

// convert.rs: a Uint8Array of any realm, by its internal slot.
const typedArray = Object.getPrototypeOf(Uint8Array.prototype);
const intrinsic = (name) => Object.getOwnPropertyDescriptor(typedArray, name).get;
const [typedArrayName, bufferOf, offsetOf, lengthOf] = [Symbol.toStringTag, "buffer", "byteOffset", "byteLength"].map(intrinsic);
export function byteView(value) {
  if (typedArrayName.call(value) !== "Uint8Array") return undefined;
  const length = lengthOf.call(value); // 0 for a detached buffer, which no view can be made of
  return length === 0 ? new Uint8Array(0) : new Uint8Array(bufferOf.call(value), offsetOf.call(value), length);
}

// options.rs: an options object read in one crossing.
const SAME = 1 << 30;
let kept = null;
let latest = null;
let spare = [];
let unknownKey = "";
export function readOptions(options, names, wanted) {
  try {
    for (const key of Object.keys(options)) {
      if (!names.includes(key)) {
        unknownKey = key;
        return -1;
      }
    }
    const values = spare ?? new Array(names.length);
    spare = null;
    let given = 0;
    let primitive = true;
    for (let i = 0; i < names.length; i++) {
      const value = (wanted & (1 << i)) === 0 ? undefined : options[names[i]];
      if (value !== undefined && value !== null) {
        given |= 1 << i;
        if (typeof value === "object" || typeof value === "function") primitive = false;
      }
      values[i] = value;
    }
    let same = primitive && kept !== null && kept.primitive && kept.names === names && kept.wanted === wanted;
    for (let i = 0; same && i < names.length; i++) same = values[i] === kept.values[i];
    if (same) {
      spare = values;
      latest = kept;
      return given | SAME;
    }
    latest = { names, wanted, values, primitive };
    return given;
  } catch (error) {
    failure = { error };
    return -2;
  }
}
export const unknownOption = () => unknownKey;
export const optionValue = (index) => latest.values[index];
export const latestRead = () => latest;
export const settle = (read) => {
  kept = read;
};

// text.rs: a string's UTF-8, written into the module's memory.
const encoder = new TextEncoder();
const loneSurrogate = /[\ud800-\udfff]/u;
const hasWellFormed = typeof String.prototype.isWellFormed === "function";
export const loneSurrogateAt = (text) => loneSurrogate.exec(text)?.index ?? -1;
// The view the encoder last wrote through: the module writes into the same buffer call after
// call, so it is made again only when the buffer moved or the memory grew (detaching it).
let target = { memory: null, at: 0, capacity: 0, view: null };
function viewAt(memory, at, capacity) {
  if (target.memory !== memory || target.at !== at || target.capacity !== capacity || target.view.length === 0) {
    target = { memory, at, capacity, view: new Uint8Array(memory.buffer, at, capacity) };
  }
  return target.view;
}
export function encodeInto(text, memory, at, capacity) {
  if (typeof text !== "string") return -1;
  if (hasWellFormed ? !text.isWellFormed() : loneSurrogate.test(text)) return NaN;
  const { read, written } = encoder.encodeInto(text, viewAt(memory, at, capacity));
  return read === text.length ? written : -2 - text.length;
}

// packed.rs: diagnostics from one payload in the module's memory.
const decoder = new TextDecoder();
const inNode = typeof process === "object" && typeof process.versions?.node === "string" && typeof Buffer === "function";
const views = new WeakMap();
function viewsOf(memory) {
  let seen = views.get(memory);
  if (seen === undefined || seen.words.length === 0) {
    const buffer = memory.buffer;
    seen = { bytes: inNode ? Buffer.from(buffer) : new Uint8Array(buffer), words: new Uint32Array(buffer) };
    views.set(memory, seen);
  }
  return seen;
}
export function unpack(memory, textAt, textLength, numbersAt, count, omitted) {
  if (count === 0 && !(omitted > 0)) return [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const views = viewsOf(memory);
    const diagnostics = read(views, textAt, textLength, numbersAt, count);
    if (views.words.length > 0) {
      if (omitted > 0) diagnostics.omitted = omitted;
      return diagnostics;
    }
  }
  throw new Error("cloudaudit-lint: the module's memory grew while its diagnostics were read");
}
function read({ bytes, words: numbers }, textAt, textLength, numbersAt, count) {
  const end = textAt + textLength;
  const text = inNode ? bytes.toString("utf8", textAt, end) : decoder.decode(bytes.subarray(textAt, end));
  const diagnostics = [];
  let at = 0;
  let n = numbersAt >>> 2;
  const last = n + count;
  const cut = () => text.slice(at, (at += numbers[n++]));
  while (n < last) {
    const flags = numbers[n++];
    const d = { rule: cut(), severity: cut(), path: cut(), message: cut(), apiErrorCode: flags & 8 ? cut() : null };
    if (flags & 1) {
      d.line = numbers[n++];
      d.column = numbers[n++];
      d.endLine = numbers[n++];
      d.endColumn = numbers[n++];
    }
    if (flags & 2) d.help = cut();
    d.fixable = (flags & 4) !== 0;
    if (flags & 16) d.resource = { address: cut(), attribute: cut() };
    if (flags & 32) d.suppressed = cut();
    diagnostics.push(d);
  }
  return diagnostics;
}
