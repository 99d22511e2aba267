// Which sentences assert something worth checking. Questions, pleasantries, list introductions, URLs
// and fragments are dropped: a grader could only ever call them "unsupported".
import { isCjk } from './chars';
import { detectLanguage } from './language';

const MIN_EN_WORDS = 3;
const MIN_JA_CHARS = 5;

/** Whole sentences that are pure pleasantries ("Sure!", "Great question."). */
const FILLER_WHOLE =
  /^(?:sure|certainly|of course|absolutely|okay|ok|yes|no|hello|hi|hey|greetings|thanks|thank you(?: (?:so|very) much)?(?: for (?:asking|your question))?|you'?re welcome|no problem|great question|good question|excellent question|i see|got it|understood|happy to help|glad to help|hope (?:this|that|it) helps|good luck|cheers|in summary|in short|to summarize|to sum up)$/;

/** Sentence openings that introduce, hedge or sign off rather than state a fact. */
const FILLER_START = [
  /^(?:here(?: is|'s| are)|below (?:is|are)|the following (?:is|are)) (?:a |an |the |some |my )?(?:summary|overview|list|breakdown|answer|explanation|few|key|quick|brief|what)/,
  /^here(?:'s| is) what i found/,
  /^i hope (?:this|that|it|the above)/,
  /^hope (?:this|that|it) helps/,
  /^let me (?:know|explain|break|summari[sz]e|walk|help|check|clarify)/,
  /^(?:please )?(?:feel free|don'?t hesitate)/,
  /^if you (?:have|need|want|'d like|would like) (?:any )?(?:more |other |further |additional )?(?:questions|help|assistance|anything|clarification|information|details)/,
  /^(?:great|good|excellent|interesting) question/,
  /^(?:i'?m|i am|i'?d be|i would be) (?:happy|glad) to/,
  /^thanks? (?:you )?for (?:asking|your question|reaching out)/,
  /^as an ai/,
  /^(?:sure|certainly|of course|absolutely)[,!.] (?:here|let me|i can|i'?ll)/,
];

const FILLER_JA = [
  /^(?:はい|いいえ|もちろん|承知|かしこまりました|了解|こんにちは|こんばんは|おはよう|どういたしまして|なるほど)/,
  /ご質問(?:を|、)?(?:いただき)?ありがとう/,
  /^(?:以下|次|下記)(?:に|の|で|は).{0,20}(?:まとめ|説明|紹介|示し|挙げ|とおり|通り)/,
  /(?:お役に立て|参考にな)(?:れば|たら|ると)/,
  /(?:お気軽に|ご不明な点|何かあれば|他に(?:も)?ご質問)/,
  /^(?:まとめると|要約すると|結論から言うと)[、。：:]?$/,
];

/** Japanese question endings: polite or plain forms followed by か (not 静か, 確か, わずか). */
const JA_QUESTION = /(?:[すたうのいな]か|だろうか|でしょうか)[。．！]?$/;

const EDGE_MARKUP = /^[\s*_~`"'“”‘’「」『』()（）[\]]+|[\s*_~`"'“”‘’「」『』()（）[\]]+$/g;
const URL_ANYWHERE = /(?:https?:\/\/|www\.)\S+/gi;
const URL_ONLY = /^<?(?:https?:\/\/|www\.)\S+?>?[.,;]?$/i;

export type ClaimKind = 'prose' | 'row';

/** Whether a sentence (or a table row, which only needs some content) states something checkable. */
export function isCheckable(text: string, kind: ClaimKind = 'prose'): boolean {
  const core = text.replace(EDGE_MARKUP, '');
  if (core.length === 0 || URL_ONLY.test(core)) return false;
  if (kind === 'row') return /[\p{L}\p{N}]/u.test(core);
  const last = core.charCodeAt(core.length - 1);
  if (last === 0x3f || last === 0xff1f || last === 0x3a || last === 0xff1a) return false; // ? ？ : ：
  const ja = detectLanguage(core) === 'ja';
  if (ja) {
    if (JA_QUESTION.test(core)) return false;
    if (FILLER_JA.some((re) => re.test(core))) return false;
    return countJaChars(core) >= MIN_JA_CHARS;
  }
  const lower = core.toLowerCase().replace(/[’]/g, "'");
  if (FILLER_WHOLE.test(lower.replace(/[\s!.,。！]+$/, ''))) return false;
  if (FILLER_START.some((re) => re.test(lower))) return false;
  return countWords(core) >= MIN_EN_WORDS;
}

/** Words outside URLs: "Source: https://example.com/a" is one word, not five. */
function countWords(s: string): number {
  return s.replace(URL_ANYWHERE, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function countJaChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isCjk(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) n++;
  }
  return n;
}
