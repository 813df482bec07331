/** Whether `url` reads as a URL, relative ones against the page's address. */
export function isUrl(url: string): boolean {
  try {
    return !!new URL(url, location.href)
  } catch {
    return false
  }
}
