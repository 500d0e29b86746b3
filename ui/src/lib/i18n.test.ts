import { afterEach, describe, expect, it } from 'vitest';
import ja from '../messages/ja.json';
import en from '../messages/en.json';
import { currentLang, format, setCurrentLang, t } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message files', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('have no empty values', () => {
    for (const [lang, messages] of Object.entries({ ja, en })) {
      for (const [key, value] of Object.entries(messages)) {
        expect(typeof value, `${lang}:${key}`).toBe('string');
        expect((value as string).trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
    }
  });
});

describe('t', () => {
  afterEach(() => setCurrentLang('ja'));

  it('is Japanese by default and follows the current language', () => {
    expect(currentLang()).toBe('ja');
    expect(t('flow.next')).toBe('次へ');
    setCurrentLang('en');
    expect(t('flow.next')).toBe('Next');
    expect(document.documentElement.lang).toBe('en');
  });

  it('fills placeholders', () => {
    expect(t('handover.countdown', { n: 60 })).toBe('60秒後にクリップボードから消去します');
    expect(t('error.unexpected', { code: 'ipc' })).toContain('ipc');
  });

  it('leaves unknown placeholders visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(format('no params')).toBe('no params');
  });
});
