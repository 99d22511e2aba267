// A user-level test through the rendered workbench (code-server in Debian's Chromium, driven by
// playwright-core): open the answer from the Explorer, run "ClaimCheck: Check Claims" from the
// command palette, then see a squiggle, a row in the Problems panel, the claims in the Claims view, a
// hover that quotes the evidence from the reference, and the view's Open Evidence opening the reference. Run by test/integration/launch.mjs; it counts as one test.
//
// Screenshots go to out/integration-artifacts/; with CLAIMCHECK_UPDATE_SCREENSHOTS=1 (or
// `launch.mjs --update-screenshots`) also to media/screenshot-hover.png, media/screenshot-problems.png and
// media/screenshot-claims.png.
import { hoverWorstSquiggle, openFromExplorer, openProblems, palette, quotesReference, screenshots, SQUIGGLE, step } from './workbench.mjs';

export const name = 'Check Claims from the command palette: squiggle, Problems row, hover with the evidence';
export const workspace = 'basic';

const ANSWER = 'answer.md';
const COMMAND = 'ClaimCheck: Check Claims';

export async function run(page, { folder, media, artifacts, log, updateScreenshots }) {
  const { shoot, save } = screenshots(page, { media, artifacts, log, updateScreenshots });

  await openFromExplorer(page, log, ANSWER);

  await step(log, `F1 → "${COMMAND}" → Enter`, () => palette(page, COMMAND));

  await step(log, 'a squiggle appears under a flagged claim', async () => {
    await page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 60000 });
  });

  await step(log, 'the Problems panel lists a ClaimCheck problem', async () => {
    await openProblems(page);
    await shoot('screenshot-problems.png');
  });

  await step(log, 'the Claims view lists the claims with their verdicts', async () => {
    await palette(page, 'Focus on Claims View');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Claims/i }) });
    await view.locator('.monaco-list-row', { hasText: /Contradicted \d+%/ }).first().waitFor({ timeout: 30000 });
    await view.locator('.monaco-list-row', { hasText: /Supported \d+%/ }).first().waitFor({ timeout: 30000 });
    await shoot('screenshot-claims.png');
  });

  const hoverText = await step(log, 'hovering a flagged word shows the evidence quote', () =>
    // "Judged by the ... grader" ends ClaimCheck's hover.
    hoverWorstSquiggle(page, (text) => /Judged by the \w+ grader/.test(text)),
  );
  if (!/ClaimCheck/.test(hoverText)) throw new Error(`the hover does not come from ClaimCheck:\n${hoverText.slice(0, 600)}`);
  if (!quotesReference(hoverText, folder)) {
    throw new Error(`the hover does not quote the reference:\n${hoverText.slice(0, 600)}`);
  }
  await shoot('screenshot-hover.png');
  log(`hover text: ${hoverText.replace(/\s+/g, ' ').slice(0, 200)}`);

  await step(log, "the Claims view's inline Open Evidence opens the reference", async () => {
    await palette(page, 'Focus on Claims View');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Claims/i }) });
    const row = view.locator('.monaco-list-row', { hasText: /Contradicted \d+%/ }).first();
    await row.hover();
    await row.locator('.action-label[aria-label*="Open Evidence"]').click({ timeout: 20000 });
    await page.locator('.editor-group-container .tab', { hasText: 'eiffel.md' }).first().waitFor({ timeout: 30000 });
  });

  save();
}
