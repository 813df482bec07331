/** An HTTP error with the status and the short reason the client gets as `{"error": reason}`. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 503,
    message: string,
  ) {
    super(message)
  }
}
