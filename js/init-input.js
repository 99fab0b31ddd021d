// Normalises what init()/initSync() accept: both `init(url)` and `init({ module_or_path: url })`
// (the wasm-bindgen glue wants the object form and warns about the bare one).

/**
 * @param {unknown} input what the caller passed
 * @param {'module_or_path' | 'module'} key the glue's property name
 */
export function asInitObject(input, key) {
  if (input === undefined || (input !== null && Object.getPrototypeOf(input) === Object.prototype)) return input;
  return { [key]: input };
}
