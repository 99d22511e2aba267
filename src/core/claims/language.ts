// Language detection by script: enough to pick sentence rules and length thresholds.
import * as chars from './chars';

// Bound once: see sentences.ts (imported functions cost a getter call per character under CommonJS).
const { isAsciiLower, isAsciiUpper, isCjk } = chars;

export type Language = 'en' | 'ja';

/** 'ja' when kana and kanji dominate: Japanese packs about three Latin letters' worth into each character. */
export function detectLanguage(text: string): Language {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) cjk++;
    else if (isAsciiLower(c) || isAsciiUpper(c)) latin++;
  }
  return cjk > 0 && cjk * 3 >= latin ? 'ja' : 'en';
}
