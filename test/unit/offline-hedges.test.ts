// Hedges and modality: a possibility told as a certainty, a permission as an obligation, or a hedge dropped ("cures"
// where the reference says "might cure") is not supported; the hedge kept or added is. And which words hedge at all
// ("appears to" does, "auroras appear when" does not).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hedges } from '../../src/core/graders/offline/negation';
import { notSupported, supported } from './offline-verdicts';

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

test('a hedge dropped: "cures" where the reference says "might cure" is flagged, naming the hedge', async () => {
  await notSupported('The drug cures the disease.', 'The drug might cure the disease.', "reference says 'might cure' where the claim says 'cures'", 'unsupported');
  await notSupported('The drug cures the disease.', 'The drug may cure the disease.', "reference says 'may cure' where the claim says 'cures'");
  await notSupported('The drug cures the disease.', 'The drug could cure the disease.', "reference says 'could cure' where the claim says 'cures'");
  await notSupported('Coffee reduces the risk of diabetes.', 'Coffee may reduce the risk of diabetes.');
  await notSupported('The drug cures the disease.', 'The drug may eventually cure the disease.');
  // Controls: the hedge kept or added, and "May" the month.
  await supported('The drug may cure the disease.', 'The drug cures the disease.');
  await supported('The drug might cure the disease.', 'The drug may cure the disease.');
  await supported('The drug could possibly cure the disease.', 'The drug might cure the disease.');
  await supported('The festival opens in May.', 'The festival opens in May.');
  await supported('The trial opened in 2019.', 'The trial opened in May 2019.');
});

test('hedges: "appears to" softens, "auroras appear when" only shows', () => {
  assert.equal(hedges('The drug appears to lower blood pressure.'), 1);
  assert.equal(hedges('It appears that the bridge was never finished.'), 1);
  assert.equal(hedges('Auroras appear when charged particles strike the upper atmosphere.'), 0);
});
