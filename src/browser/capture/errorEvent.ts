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
 * Primitives: `typeof` and their text. An `Event` of any realm (a script's or image's `error`
 * event, an XHR's `ProgressEvent`, also from a same-origin iframe), known by its `composedPath`:
 * its constructor, `"<type> event on <target>"` with the element's selector (or the target's
 * constructor, `XMLHttpRequest`), and the URL the element loads, which goes to the event's
 * `resource` to be scrubbed like any URL. A DOM node (by its `nodeType`): its constructor and
 * selector. Any other object: its constructor and its JSON (own enumerable keys), the class name
 * first unless it is a plain `Object` (a class whose state is private or behind getters gives
 * `Name {}`), cut short (20 items an array, 200 values in all) so that a page rejecting a large
 * state object does not pay a long task for it. An object JSON gives nothing of (a fetch
 * `Response`, whose state is in getters of its prototype) or cannot write (circular, a getter
 * that throws) is written with the numbers, strings and booleans `for…in` finds, its `url` (or an
 * XHR's `responseURL`) as the URL. Never throws: what neither can write (a BigInt inside, a
 * function whose `toString` throws) is `[object Name]` (`[object function]`).
 */
export function describe(value: unknown): string {
  return what(value)[1]
}

const what = (value: unknown): [string, string, (string | null)?] => {
  let type = 'Object'
  // A proxy or a getter of the page's may throw anywhere here, a function's own toString too.
  try {
    if (!value || typeof value !== 'object') return [(type = typeof value), String(value)]
    const object = value as Partial<Event> & Node & Loaded
    type = kind(object)
    if (object.nodeType) return [type, selectorOf(object) || object.nodeName]
    // Not `instanceof Event`: an Event of another realm (a same-origin iframe's) is no instance.
    if (object.composedPath) {
      const target = object.target as Loaded | null
      // selectorOf is empty for a target that is no element (a window, an XMLHttpRequest).
      return [type, object.type + ' event' + (target ? ' on ' + (selectorOf(target as Node) || kind(target)) : ''), target && urlOf(target)]
    }
    // JSON of a 300,000-row array took 55 ms in Chromium (a long task) at every rejection; cut
    // short it takes 0.1 ms, and the message keeps 1 KB of it anyway.
    let budget = 200
    let json: string | undefined
    try {
      json = JSON.stringify(value, (_, field) => (budget-- < 0 ? undefined : Array.isArray(field) ? field.slice(0, 20) : field))
    } catch {}
    let url
    if (!json || json === '{}') {
      const fields: Record<string, unknown> = {}
      for (const key in value as object) {
        const field = get(value as object, key)
        // Not what a page added to Object.prototype: every object would have it.
        if (!(key in Object.prototype) && Object(field) !== field) /url$/i.test(key) ? (url = field as string) : (fields[key] = field)
      }
      json = JSON.stringify(fields)
    }
    return [type, (type === 'Object' ? '' : type + ' ') + json, url]
  } catch {
    // A proxy that throws, a BigInt, a function whose toString throws…
    return [type, `[object ${type}]`]
  }
}

// What `value[key]` is; undefined where a getter or a proxy of the page's throws.
const get = (value: object, key: string): unknown => {
  try {
    return (value as Record<string, unknown>)[key]
  } catch {}
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
  // Read once each, and never trusted: a proxy or a getter of the page's may throw (and reading
  // null's does: undefined then, as for any other value without a string `message`).
  const text = get(value as object, 'message')
  const isError = typeof text === 'string'
  const name = isError && get(value as object, 'name')
  const [errorType, described, resource] = isError ? [(typeof name === 'string' && name ? name : 'Error').slice(0, 256), text] : what(value)
  const message = described.slice(0, MAX_MESSAGE)
  const raw = isError && get(value as object, 'stack')
  const stack = typeof raw === 'string' ? raw.slice(0, MAX_STACK) : undefined
  // V8 starts a stack with the name and message, which may hold a URL with a port: the first
  // frame is the first line after them with a line number.
  const at = stack ? stack.indexOf(text as string) : -1
  const frame = stack ? stack.slice(at < 0 ? 0 : at + (text as string).length).split('\n').find((line) => /:\d+/.test(line)) || '' : ''
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
