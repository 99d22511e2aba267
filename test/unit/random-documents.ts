// Deterministic pseudo-random documents for fuzz tests: `count` documents of 1 to `maxPieces` pieces each.

export function* randomDocuments(pieces: readonly string[], seed: number, count: number, maxPieces: number): Generator<string> {
  let s = seed >>> 0;
  const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let n = 0; n < count; n++) {
    let doc = '';
    const len = 1 + Math.floor(rand() * maxPieces);
    for (let k = 0; k < len; k++) doc += pieces[Math.floor(rand() * pieces.length)];
    yield doc;
  }
}
