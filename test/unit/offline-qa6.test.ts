// A sixth QA pass: faithful rewordings that were flagged (a head count said two ways, an ISO date in the reference,
// 禁止 for できません, "no less than" for "at least"), planted errors passed as supported (a possibility told as a
// certainty, an added cause, opposites of kinds no earlier pass covered), each beside a faithful control.
import { test } from 'node:test';
import { flagged, notSupported, supported } from './offline-verdicts';

test('one head count, two wordings: "employs 500 workers" = "500 people work at"', async () => {
  await supported('The factory employs 500 workers.', '500 people work at the factory.');
  await supported('500 people work at the factory.', 'The factory employs 500 workers.');
  await supported('The firm has 1,200 employees.', 'About 1,200 people work for the firm.');
  // Another count of people is still another number, in the same slot.
  await notSupported('The factory employs 600 workers.', '500 people work at the factory.', 'reference says 500, claim says 600', 'contradicted');
  await flagged('The factory employs robots.', '500 people work at the factory.');
});

test('an ISO date in the reference gives the claim\'s date written out, and no other', async () => {
  await supported('The bridge opened on 5 October 2021.', 'The bridge opened 2021-10-05.');
  await supported('The bridge opened on October 5, 2021.', 'The bridge opened on 2021-10-05.');
  await supported('The bridge opened in October 2021.', 'The bridge opened on 2021-10-05.');
  await flagged('The bridge opened on 6 October 2021.', 'The bridge opened 2021-10-05.');
  await flagged('The bridge opened on 5 November 2021.', 'The bridge opened 2021-10-05.');
  await flagged('The bridge opened in November 2021.', 'The bridge opened 2021-10-05.');
});

test('a prohibition said two ways in Japanese: 禁止です = できません', async () => {
  await supported('館内での撮影は禁止です。', '館内では撮影できません。');
  await supported('館内では撮影できません。', '館内での撮影は禁止です。');
  await flagged('館内での撮影は禁止です。', '館内で撮影できます。');
  await flagged('館内での飲食は禁止です。', '館内での撮影は禁止です。');
});

test('a possibility told as a certainty, or a permission as an obligation, is not supported', async () => {
  await notSupported('The drug will cure the disease.', 'The drug may cure the disease.', "reference says 'may cure' where the claim says 'will cure'");
  await notSupported('The drug does cure the disease.', 'The drug could cure the disease.');
  await notSupported('The drug will definitely cure the disease.', 'The drug might eventually cure the disease.');
  await notSupported('Visitors must register online.', 'Visitors may register online.');
  await notSupported('この薬は必ず病気を治します。', 'この薬は病気を治す可能性がある。');
  await notSupported('この薬は病気を治します。', 'この薬は病気を治す可能性がある。', "reference says '治す可能性がある' where the claim says '治します'");
  await notSupported('明日は雨が降ります。', '明日は雨が降るかもしれません。');
  // Controls: the same modality, a softer one, or a certainty the sentence states.
  await supported('The drug may cure the disease.', 'The drug may cure the disease.');
  await supported('The drug might cure the disease.', 'The drug may cure the disease.');
  await supported('Visitors can register online.', 'Visitors may register online.');
  await supported('The drug will reduce pain.', 'The drug may cure the disease, and it will reduce pain.');
  await supported('この薬は病気を治す可能性がある。', 'この薬は病気を治す可能性がある。');
  await supported('この薬は病気を治します。', 'この薬は病気を治す。副作用が出る可能性がある。');
});

test('a cause the references never mention is not supported; one they give is', async () => {
  await notSupported('The bridge closed in 2019 because of the flood.', 'The bridge closed in 2019.', "reference gives no cause: it never mentions 'because of the flood'");
  await notSupported('The bridge closed in 2019 due to the flood.', 'The bridge closed in 2019 for repairs.');
  await notSupported('橋は洪水のため2019年に閉鎖された。', '橋は2019年に閉鎖された。');
  await supported('The bridge closed in 2019 because of the flood.', 'Because of the flood, the bridge closed in 2019.');
  await supported('The bridge closed in 2019.', 'The bridge closed in 2019 because of the flood.');
  await supported('橋は洪水のため2019年に閉鎖された。', '2019年の洪水で、橋は閉鎖された。');
});

test('bounds: "no more than" = "at most", "no less than" = "at least", and the two clash', async () => {
  await supported('The ride takes no less than 20 minutes.', 'The ride takes at least 20 minutes.');
  await supported('The ride takes no more than 20 minutes.', 'The ride takes at most 20 minutes.');
  await notSupported('The ride takes no more than 20 minutes.', 'The ride takes at least 20 minutes.', undefined, 'contradicted');
  await notSupported('The ride takes at most 20 minutes.', 'The ride takes at least 20 minutes.', undefined, 'contradicted');
  await notSupported('The ride takes not more than 20 minutes.', 'The ride takes more than 20 minutes.', undefined, 'contradicted');
});

test('a change by an amount is not a change to it; a tournament stage is not another', async () => {
  await notSupported('Unemployment rose by 5 percent.', 'Unemployment rose to 5 percent.', undefined, 'contradicted');
  await supported('Unemployment rose to 5 percent.', 'Unemployment rose to 5 percent in May.');
  await supported('Prices fell to 3 dollars.', 'Prices fell by 2 dollars to 3 dollars.');
  await flagged('The team won the final.', 'The team won the semi-final.');
  await supported('The team won the semi-final.', 'The team won the semi-final.');
  await supported('He scored in the final minute.', 'He scored in the final minute of the semi-final.');
});

test('planted opposites: time of day, obligation, careers, places, status, with/without', async () => {
  await flagged('The market opens in the evening.', 'The market opens in the morning.');
  await flagged('The owls hunt in the morning.', 'The owls hunt at night.');
  await flagged('Helmets are required on the trail.', 'Helmets are optional on the trail.');
  await flagged('The company hired the manager in 2019.', 'The company fired the manager in 2019.');
  await flagged('She was promoted in 2015.', 'She was demoted in 2015.');
  await flagged('The minister resigned in 2012.', 'The minister was fired in 2012.');
  await flagged('The dish is served with rice.', 'The dish is served without rice.');
  await flagged('Most residents live in rural areas.', 'Most residents live in urban areas.');
  await flagged('The closure is permanent.', 'The closure is temporary.');
  await flagged('He works full-time at the library.', 'He works part-time at the library.');
  await flagged('The jury convicted the driver.', 'The jury acquitted the driver.');
  await flagged('She accepted the offer in May.', 'She declined the offer in May.');
  await flagged('The region has wet summers.', 'The region has dry summers.');
  await flagged('The town lies in northern Italy.', 'The town lies in southern Italy.');
  await flagged('The festival will return next year.', 'The festival returned last year.');
});

test('controls: the same facts reworded stay supported', async () => {
  await supported('The market opens every morning.', 'The market opens in the morning.');
  await supported('The manager was dismissed in 2019.', 'The manager was fired in 2019.');
  await supported('The restaurant hired a new chef in 2019.', 'The restaurant, rebuilt after a fire in 2019, has a new chef.');
  await supported('The dish comes with rice.', 'The dish is served with rice.');
  await supported('The closure is only temporary.', 'The closure is temporary.');
  await supported('The driver was convicted by the jury.', 'The jury convicted the driver.');
  await supported('Summers in the region are dry.', 'The region has dry summers.');
  await supported('The town is in southern Italy.', 'The town lies in southern Italy.');
});

test('Japanese planted opposites and durations, beside controls', async () => {
  await flagged('入場は無料です。', '入場は有料です。');
  await flagged('登録は必須です。', '登録は任意です。');
  await flagged('雑誌は毎週発行されます。', '雑誌は毎月発行されます。');
  await flagged('日本は米を輸出しています。', '日本は米を輸入しています。');
  await flagged('法案は可決された。', '法案は否決された。');
  await flagged('彼女は昇進した。', '彼女は降格した。');
  await flagged('閉鎖は恒久的です。', '閉鎖は一時的です。');
  await flagged('祭りは来年再開される。', '祭りは昨年再開された。');
  await flagged('講座は3週間かかります。', '講座は3か月かかります。');
  await flagged('被告は有罪となった。', '被告は無罪となった。');
  await flagged('会社は黒字だった。', '会社は赤字だった。');
  await supported('入場は無料です。', '入場料は無料です。');
  await supported('雑誌は毎月発行されます。', '雑誌は月に一度、毎月発行されます。');
  await supported('閉鎖は一時的なものです。', '閉鎖は一時的です。');
  await supported('講座は3か月かかります。', '講座の期間は3か月です。');
  await supported('講座は3週間かかります。', '講座は21日間かかります。');
  await supported('被告は無罪になった。', '被告は無罪となった。');
});
