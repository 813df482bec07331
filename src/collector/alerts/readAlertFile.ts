import { readFileSync } from 'node:fs'
import { BadAlertFile, parseAlertRules } from './parseAlertRules'

/** Reads and parses `--alerts FILE`; a file that cannot be read is a BadAlertFile too (exit code 2). */
export function readAlertFile(path: string): ReturnType<typeof parseAlertRules> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new BadAlertFile(`--alerts ${path} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  return parseAlertRules(text, path)
}
