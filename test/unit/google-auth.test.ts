import { describe, expect, it } from 'vitest';
import { CALENDAR_SCOPE, DIRECTORY_SCOPE, delegatedAuth } from '../../shared/adapters/google/google-auth.js';

describe('domain-wide delegation', () => {
  const authFor = delegatedAuth({ clientEmail: 'steady@project.iam.gserviceaccount.com', privateKey: 'pem' });

  it('acts as the calendar owner with the read-only events scope only', () => {
    const client = authFor('maria@contoso.com');
    expect(client).toMatchObject({
      email: 'steady@project.iam.gserviceaccount.com',
      subject: 'maria@contoso.com',
      scopes: ['https://www.googleapis.com/auth/calendar.events.readonly'],
    });
    expect(CALENDAR_SCOPE).toBe('https://www.googleapis.com/auth/calendar.events.readonly');
  });

  it('keeps one client (and its token) per user', () => {
    expect(authFor('maria@contoso.com')).toBe(authFor('maria@contoso.com'));
    expect(authFor('dev@contoso.com')).not.toBe(authFor('maria@contoso.com'));
  });
});

describe('domain-wide delegation for the directory', () => {
  it('asks for the read-only directory scope only, as the subject it is given', () => {
    const authFor = delegatedAuth(
      { clientEmail: 'steady@project.iam.gserviceaccount.com', privateKey: 'pem' },
      DIRECTORY_SCOPE,
    );
    expect(authFor('admin@contoso.com')).toMatchObject({
      subject: 'admin@contoso.com',
      scopes: ['https://www.googleapis.com/auth/admin.directory.user.readonly'],
    });
  });
});
