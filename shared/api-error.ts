// An HTTP API error as both sides see it: status, a stable code and a readable message (SPEC 8.1).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
