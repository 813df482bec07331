import errorStackParser from 'error-stack-parser'

// error-stack-parser 3 is CommonJS that sets `module.exports.default`: imported from an ES module
// in Node, the parser is one `default` further down than its types say.
const ErrorStackParser = (errorStackParser as unknown as { default?: typeof errorStackParser }).default ?? errorStackParser

/** One frame of a stack trace; line and column are 1-based, as browsers print them. */
export interface Frame {
  function?: string
  file?: string
  line?: number
  column?: number
  /** Set when a source map resolved this frame: the minified position it came from. */
  minified?: { file?: string; line?: number; column?: number }
}

/** Frames kept per stack: the snippet's stacks are at most 4 KB, about 40 frames. */
const MAX_FRAMES = 50

/**
 * Parses a stack trace in Chrome's (V8: `    at fn (url:1:2)`), Firefox's or Safari's
 * (`fn@url:1:2`) format with error-stack-parser. A stack it cannot read gives no frames.
 */
export function parseStack(stack: string | undefined, message = ''): Frame[] {
  if (!stack) return []
  try {
    return ErrorStackParser.parse({ name: 'Error', message, stack } as Error)
      // A line of the message, read as a frame, has no position.
      .filter((frame) => frame.lineNumber !== undefined)
      .slice(0, MAX_FRAMES)
      .map((frame) => ({ function: frame.functionName || undefined, file: frame.fileName || undefined, line: frame.lineNumber, column: frame.columnNumber }))
  } catch {
    return []
  }
}
