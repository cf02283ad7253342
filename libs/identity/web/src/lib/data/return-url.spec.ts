import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RETURN_URL_KEY } from '../identity.config';
import { ReturnUrlStore, safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it.each([
    ['/catalog', '/catalog'],
    ['/invitations/accept?token=abc', '/invitations/accept?token=abc'],
    ['/', '/'],
  ])('keeps the console path %s', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });

  it.each([
    ['another origin', 'https://evil.example/steal'],
    ['a protocol-relative address', '//evil.example/steal'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'catalog'],
    ['the sign-in page itself', '/sign-in?returnUrl=/x'],
    ['the completion page', '/auth/complete'],
    ['nothing', undefined],
    ['an empty value', ''],
  ])('refuses %s', (_what, value) => {
    expect(safeReturnUrl(value)).toBeNull();
  });
});

describe('ReturnUrlStore', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  });

  afterEach(() => {
    localStorage.clear();
  });

  it('hands back the remembered path once', () => {
    const store = TestBed.inject(ReturnUrlStore);
    store.remember('/team');
    expect(store.take()).toBe('/team');
    expect(store.take()).toBeNull();
  });

  it('forgets an earlier path when given one it must not follow', () => {
    const store = TestBed.inject(ReturnUrlStore);
    store.remember('/team');
    store.remember('https://evil.example');
    expect(localStorage.getItem(RETURN_URL_KEY)).toBeNull();
    expect(store.take()).toBeNull();
  });

  it('does not follow a path planted in storage by someone else', () => {
    localStorage.setItem(RETURN_URL_KEY, '//evil.example');
    expect(TestBed.inject(ReturnUrlStore).take()).toBeNull();
  });
});
