// A tiny element builder: every string becomes a text node, never markup.

/**
 * Creates `<tag>` with attributes and children. `attrs.class` sets the class name,
 * `attrs.dataset` the data attributes; other keys are set as attributes (skipped when
 * null, undefined or false). Children are nodes or strings (text nodes); nullish are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Formats an integer with thousands separators. */
export function formatCount(n) {
  return Number(n ?? 0).toLocaleString('en');
}

/** `n word`/`n words`. */
export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Shortens `text` to at most `max` characters (whole code points), adding an ellipsis. */
export function shorten(text, max) {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
