/**
 * Google's JSON error bodies (the Calendar v3 "legacy" shape: `error.errors[]` with domain and reason),
 * thrown by handlers as values the server turns into responses.
 */
export interface GoogleErrorItem {
  domain: string;
  reason: string;
  message: string;
  location?: string;
  locationType?: string;
}

export interface GoogleErrorBody {
  error: { errors: GoogleErrorItem[]; code: number; message: string; status?: string };
}

export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: GoogleErrorBody,
  ) {
    super(`${status} ${body.error.message}`);
    this.name = 'GoogleApiError';
  }
}

function googleError(status: number, item: GoogleErrorItem, extra: { status?: string } = {}): GoogleApiError {
  return new GoogleApiError(status, {
    error: { errors: [item], code: status, message: item.message, ...extra },
  });
}

export const notFound = (): GoogleApiError =>
  googleError(404, { domain: 'global', reason: 'notFound', message: 'Not Found' });

/** A bad query parameter, named the way Google names it (`location` + `locationType: 'parameter'`). */
export const invalidParameter = (parameter: string, message: string): GoogleApiError =>
  googleError(400, {
    domain: 'global',
    reason: 'invalid',
    message,
    location: parameter,
    locationType: 'parameter',
  });

export const badRequest = (message: string, reason = 'badRequest'): GoogleApiError =>
  googleError(400, { domain: 'global', reason, message });

export const parseError = (): GoogleApiError =>
  googleError(400, { domain: 'global', reason: 'parseError', message: 'Parse Error' });

export const fullSyncRequired = (): GoogleApiError =>
  googleError(410, {
    domain: 'calendar',
    reason: 'fullSyncRequired',
    message: 'Sync token is no longer valid, a full sync is required.',
  });

export const loginRequired = (): GoogleApiError =>
  new GoogleApiError(401, {
    error: {
      code: 401,
      message:
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie ' +
        'or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      errors: [
        {
          message: 'Login Required.',
          domain: 'global',
          reason: 'required',
          location: 'Authorization',
          locationType: 'header',
        },
      ],
      status: 'UNAUTHENTICATED',
    },
  });

export type FaultStatus = 403 | 404 | 429 | 500 | 503;

/** The bodies of the faults `failNext` injects: quota for 403/429, a calendar gone (or shared no more) for 404, a backend failure for 5xx. */
export function faultError(status: FaultStatus): GoogleApiError {
  switch (status) {
    case 403:
    case 429:
      return googleError(status, {
        domain: 'usageLimits',
        reason: 'rateLimitExceeded',
        message: 'Rate Limit Exceeded',
      });
    case 404:
      return notFound();
    case 500:
    case 503:
      return googleError(status, { domain: 'global', reason: 'backendError', message: 'Backend Error' });
  }
}

/** `users.get` for an address the directory does not hold. */
export const userNotFound = (): GoogleApiError =>
  googleError(404, { domain: 'global', reason: 'notFound', message: 'Resource Not Found: userKey' });

/** A token without the scope the call needs: Google's answer when the delegation lacks it. */
export const insufficientScopes = (): GoogleApiError =>
  googleError(
    403,
    {
      domain: 'global',
      reason: 'insufficientPermissions',
      message: 'Request had insufficient authentication scopes.',
    },
    { status: 'PERMISSION_DENIED' },
  );

/** `admin_view` asked by a user who is not a Workspace admin. */
export const notAuthorized = (): GoogleApiError =>
  googleError(403, {
    domain: 'global',
    reason: 'forbidden',
    message: 'Not Authorized to access this resource/api',
  });
