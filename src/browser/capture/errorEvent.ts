import type { ErrorEvent } from '../../wire'
import { hashToUnit } from '../lib/hashToUnit'
import { selectorOf } from '../lib/selectorOf'
import type { Captured } from '../types'

/** Stacks are kept raw and cut here: frames are parsed by the collector, not in the page. */
const MAX_STACK = 4096
const MAX_MESSAGE = 1024

type Loaded = Element & { src?: string; href?: string | SVGAnimatedString; currentSrc?: string }

/** The URL an element loads (`img`, `script`, `link`, `video`…), or ''. An SVG `<image>` or `<script>` holds it in an SVGAnimatedString. */
export const urlOf = ({ currentSrc, src, href }: Loaded): string => currentSrc || src || (href && typeof href === 'object' ? href.baseVal : href) || ''

/**
 * What a value thrown or rejected is, when it is not an Error: `[type, description, url]`.
 * Primitives: `typeof` and their text. An `Event` (a script's or image's `error` event, an XHR's
 * `ProgressEvent`): its constructor, `"<type> event on <target>"` with the element's selector (or
 * the target's constructor, `XMLHttpRequest`), and the URL the element loads, which goes to the
 * event's `resource` to be scrubbed like any URL. A DOM node: its constructor and selector. Any
 * other object: its constructor and its JSON (own enumerable keys), the class name first unless
 * it is a plain `Object` (a class whose state is private or behind getters gives `Name {}`).
 * Never throws: an object JSON cannot write (circular, a BigInt inside) is `[object Name]`.
 */
export function describe(value: unknown): string {
  return what(value)[1]
}

const what = (value: unknown): [string, string, (string | null)?] => {
  if (!value || typeof value !== 'object') return [typeof value, String(value)]
  let type = 'Object'
  // A proxy or a getter of the page's may throw anywhere here (and without DOM, `Event` does).
  try {
    const object = value as Event & Node & Loaded
    type = kind(object)
    if (object.nodeType) return [type, selectorOf(object) || object.nodeName]
    if (object instanceof Event) {
      const target = object.target as Loaded | null
      // selectorOf is empty for a target that is no element (a window, an XMLHttpRequest).
      return [type, object.type + ' event' + (target ? ' on ' + (selectorOf(target as Node) || kind(target)) : ''), target && urlOf(target)]
    }
    return [type, (type === 'Object' ? '' : type + ' ') + JSON.stringify(value)]
  } catch {
    // Circular objects, BigInts…
    return [type, `[object ${type}]`]
  }
}

// The constructor's name; `Object` for an object without a prototype.
const kind = (value: object) => value.constructor?.name || 'Object'

/**
 * An `error` event for anything a page may throw or reject with. Errors (also from other
 * realms: anything with a string `message`) keep their name, message and stack; other values are
 * described by `describe`, with their constructor as `errorType`. The fingerprint (type, message,
 * first stack frame, and an Event's URL without its query) groups repeats and keeps different
 * values apart.
 */
export function errorEvent(value: unknown, source: string): Captured<ErrorEvent> {
  const error = value as Error | null
  const isError = !!error && typeof error === 'object' && typeof error.message === 'string'
  const [errorType, described, resource] = isError ? [String(error.name || 'Error').slice(0, 256), error.message] : what(value)
  const message = described.slice(0, MAX_MESSAGE)
  const stack = isError && typeof error.stack === 'string' ? error.stack.slice(0, MAX_STACK) : undefined
  // V8 starts a stack with the name and message, which may hold a URL with a port: the first
  // frame is the first line after them with a line number.
  const at = stack ? stack.indexOf(error!.message) : -1
  const frame = stack ? stack.slice(at < 0 ? 0 : at + error!.message.length).split('\n').find((line) => /:\d+/.test(line)) || '' : ''
  return {
    type: 'error',
    message,
    errorType,
    stack,
    source,
    count: 1,
    resource: resource || undefined,
    fingerprint: (hashToUnit(errorType + message + frame + (resource || '').split(/[?#]/)[0]) * 2 ** 32).toString(36),
  }
}
