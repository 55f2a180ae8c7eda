import {describe} from './wording.ts'

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/

/** A calendar date and time in ISO 8601 with a zone, as Sanity's datetime fields store it. */
export function isValidDatetime(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = DATETIME.exec(value)
  if (!match) return false
  const [year, month, day, hour, minute, second = 0, zoneHour = 0, zoneMinute = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[]
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate()
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour! <= 23 &&
    minute! <= 59 &&
    second <= 59 &&
    zoneHour <= 23 &&
    zoneMinute <= 59 &&
    Number.isFinite(Date.parse(value))
  )
}

/** Why a value is not a date, and what one looks like. */
export const badDate = (value: unknown) =>
  `${typeof value === 'string' ? `"${value.slice(0, 40)}"` : describe(value)} is not a date and time ` +
  '(expected ISO 8601 with a time zone, for example "2026-02-01T09:00:00Z")'
