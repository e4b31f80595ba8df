import type { ApiErrorCode } from '../../shared/api/contract';

/** An error the UI (or the CLI) shows as it is (Chinese), with a code for the transport. */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
