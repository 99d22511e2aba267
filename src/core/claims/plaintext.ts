// Plain text → prose units: paragraphs separated by blank lines, and each list-item line (-, *, •, 1.)
// starts a unit of its own. Indented lines continue an item; "> " quote prefixes are blanked out.
import { isSpace } from './chars';
import { applyMasks, bulletLength, type Mask, type ParsedText, type Unit } from './view';

export function plaintextUnits(text: string): ParsedText {
  const units: Unit[] = [];
  const masks: Mask[] = [];
  let open: Unit | undefined;
  let openIsItem = false;
  const close = (): void => {
    if (open && open.end > open.start) units.push(open);
    open = undefined;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a && text.charCodeAt(lineEnd) !== 0x0d) lineEnd++;
    let next = lineEnd + 1;
    if (text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a) next++;

    let i = lineStart;
    while (i < lineEnd && isSpace(text.charCodeAt(i))) i++;
    const indented = i > lineStart;
    // Quote prefixes ("> ", "> > ") are markup, not words.
    let q = i;
    while (q < lineEnd && (text.charCodeAt(q) === 0x3e || text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
    if (q > i && text.charCodeAt(i) === 0x3e) {
      masks.push({ start: lineStart, end: q, ch: ' ' });
      i = q;
    }
    if (i >= lineEnd) {
      close();
    } else {
      const bullet = bulletLength(text, i, lineEnd, true);
      if (bullet > 0) {
        close();
        open = { start: i + bullet, end: lineEnd, kind: 'prose' };
        openIsItem = true;
      } else if (open && (!openIsItem || indented)) {
        open.end = lineEnd;
      } else {
        close();
        open = { start: i, end: lineEnd, kind: 'prose' };
        openIsItem = false;
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = next;
  }
  close();
  return { view: applyMasks(text, masks), units };
}
