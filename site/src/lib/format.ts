const dateFormat = new Intl.DateTimeFormat('en-US', {dateStyle: 'long', timeZone: 'UTC'})

/** "February 2, 2026": dates are shown in UTC so every build prints the same day. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}
