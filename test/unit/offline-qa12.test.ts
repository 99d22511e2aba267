// A twelfth QA pass, on JNLI's plainly wrong "supported" verdicts: a Japanese word of any kind in another's place (雪 for
// 雨, 泳いで for 立って), one thing against many (一台/数台, 1羽/群れ), "nothing there" (何もない) against a sentence that
// names something there, and "only X" (Xだけ, Xのみ) against a sentence that lists X with another.
import { test } from 'node:test';
import { notSupported, supported } from './offline-verdicts';

test('a Japanese word in another\'s place, the other content words the same, is not supported', async () => {
  await notSupported('オレンジ色の消火栓が雪の中に立っています。', 'オレンジ色の消火栓が雨の中に立っています。', "reference says '雨' where the claim says '雪'", 'unsupported');
  await notSupported('木の上にスノーボードを持った男性が泳いでいます。', '木の上にスノーボードを持った男性が立っています。', "reference says '立って' where the claim says '泳いで'");
  await notSupported('皿の上にサンドウィッチが乗っています。', '皿の上におにぎりが乗っています。', "reference says 'おにぎり' where the claim says 'サンドウィッチ'");
  await notSupported('キッチンの流し台に黒い猫が飛んでいます。', 'キッチンの流し台に黒い猫が横たわっています。', "reference says '横たわって' where the claim says '飛んで'");
  // Still caught as before: a name in another's place.
  await notSupported('このバイクはホンダ製です。', 'このバイクはトヨタ製です。');
  // Controls: the general word for the specific one; the same verb in another form; the same words with other particles.
  await supported('海でサーフィンをしている人がいます。', '海でサーフィンをしている男性がいます。');
  await supported('急流のそばで、サーフボードを持つ人がいます。', '急流のそばで、サーフボードを持っている人がいます。');
  await supported('皿の上にサンドウィッチが乗っています。', '皿の上にはサンドウィッチが乗っています。');
  await supported('オレンジ色の消火栓が雨の中に立っています。', 'オレンジ色の消火栓が雨の中に立っています。');
});

test('one thing against many, whatever the counter, is contradicted', async () => {
  await notSupported('踏み切りの周辺に車が数台あります。', '踏切の周辺には車が一台あります。', "reference says '一台', claim says '数台'", 'contradicted');
  await notSupported('背の高い木々の周りを鳥の群れが飛んでいます。', '背の高い木々の周りを1羽の鳥が飛んでいます。', "reference says '1羽', claim says '群れ'");
  await notSupported('海の上に船が一艘浮かんでいる。', '海の上にたくさんの船が浮かんでいるところです。', "reference says 'たくさん', claim says '一艘'");
  await notSupported('一種類の料理が盛られた皿があります。', '色んな種類の料理が皿に盛られています。', "reference says '色んな', claim says '一種類'");
  // Controls: one said both ways (１頭 = 一頭), many said both ways, "one of", "another", "alone".
  await supported('草むらに１頭のゾウが佇んでいます。', '草むらに一頭のゾウが佇んでいます。');
  await supported('海の上に複数の船が浮かんでいます。', '海の上に複数の船が浮かんでいるところです。');
  await supported('富士山は日本の多くの山の一つです。', '富士山は日本の多くの山の一つです。');
  await supported('男性が、もう一人の男性に何か話しかけています。', 'たくさんの人の前で男性が、もう一人の男性に何か話しかけています。');
});

test('"nothing there" (何もない, 何もありません) against a sentence that names something there is contradicted', async () => {
  await notSupported('お肉の塊の横にはなにもない。', 'お肉の塊の横にいろいろな野菜が添えられています。', "claim says 'ない', the reference does not negate this", 'contradicted');
  await notSupported('パソコンの前にはなにもありません。', 'パソコンの前にタイマーがついた電子機器が置いてあります。', "claim says 'ありません', the reference does not negate this");
  // Controls: nothing there, said both sides in two ways.
  await supported('テーブルの上には何もありません。', 'テーブルの上には何もない。');
  await supported('パソコンの前にはなにもありません。', 'パソコンの前にはなにもありません。');
});

test('"only X" (Xだけ, Xのみ) against a sentence that lists X with another is contradicted', async () => {
  await notSupported('リビングにリュックだけある。', 'リビングに、2つのリュックと３つの鞄が置いてあります。', "reference says 'リュックと３つの鞄', claim says 'リュックだけ'", 'contradicted');
  await notSupported('まち針のみです。', 'まち針とピンクッションとハサミです。', "reference says 'まち針とピンクッションとハサミ', claim says 'まち針のみ'");
  await notSupported('リモコンを持った大人だけが片手を突き出しています。', 'リモコンを持った大人と子供が片手を突き出しています。', "reference says '大人と子供', claim says '大人だけ'");
  // Controls: the sentence says "only" too; X alone in the sentence; のみ inside a word (水のみ場).
  await supported('リビングにリュックだけある。', 'リビングにはリュックだけが置いてあります。');
  await supported('スケートボードの上に、片足だけ載せています。', 'スケートボードの上に、片足だけ載せています。');
  await supported('象が水のみ場と岩の近くで立っています。', '象が水のみ場と岩の近くで立っています。');
});
