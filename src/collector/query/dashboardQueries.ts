// What the dashboard shows (/api/summary): the p75 of each vital overall and by page, the error
// groups and the latest sessions, over the common filter.
import { ERROR_GROUPS } from './errorQueries'
import { SESSIONS } from './sessionQueries'
import { vitalsSql } from './vitalQueries'

export const SUMMARY = {
  vitals: vitalsSql(),
  byPage: vitalsSql('page'),
  errors: ERROR_GROUPS,
  sessions: SESSIONS,
}
