import { describe, expect, it } from 'vitest';
import { Email, emailAliasKey, foldAddress } from '../../shared/domain/index.js';

// Addresses are compared folded (issue 27): NFC, then each character's lower case, with no locale.

describe('foldAddress', () => {
  it('makes one address of the spellings Unicode calls the same', () => {
    expect(foldAddress('\u212Aate@Contoso.COM')).toBe('kate@contoso.com'); // Kelvin sign: K under NFC
    expect(foldAddress('Jose\u0301@contoso.com')).toBe(foldAddress('Jos\u00e9@contoso.com')); // NFD and NFC
    expect(emailAliasKey('\u212Aate@contoso.com')).toBe(emailAliasKey('KATE@contoso.com'));
  });

  it('keeps apart what only a locale or an upper-casing would merge', () => {
    expect(foldAddress('bi\u0131l@contoso.com')).not.toBe('biil@contoso.com'); // dotless ı stays ı
    expect(foldAddress('B\u0130LL@contoso.com')).not.toBe('bill@contoso.com'); // İ is i + a dot, not i
    expect(foldAddress('ΟΔΟΣ@x.gr')).toBe(foldAddress('οδοσ@x.gr')); // no final-sigma context
  });
});

describe('Email', () => {
  it('stores the folded address, and refuses one that is not ASCII once folded', () => {
    expect(Email.parse('\u212Aate@Contoso.com')).toBe('kate@contoso.com');
    expect(Email.safeParse('mar\u0131a@contoso.com').success).toBe(false);
    expect(Email.safeParse('MAR\u0130A@contoso.com').success).toBe(false);
  });
});
