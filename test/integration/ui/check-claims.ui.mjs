// A user-level test through the rendered workbench (code-server in Debian's Chromium, driven by
// playwright-core): open the answer from the Explorer, run "ClaimCheck: Check Claims" from the
// command palette, then see a squiggle, a row in the Problems panel, the claims in the Claims view, a
// hover that quotes the evidence from the reference, and the view's Open Evidence opening the reference. Run by test/integration/launch.mjs; it counts as one test.
//
// Screenshots go to out/integration-artifacts/; with CLAIMCHECK_UPDATE_SCREENSHOTS=1 (or
// `launch.mjs --update-screenshots`) also to media/screenshot-hover.png, media/screenshot-problems.png and
// media/screenshot-claims.png.
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openFromExplorer, palette, step } from './workbench.mjs';

export const name = 'Check Claims from the command palette: squiggle, Problems row, hover with the evidence';
export const workspace = 'basic';

const ANSWER = 'answer.md';
const COMMAND = 'ClaimCheck: Check Claims';
const SQUIGGLE = ['error', 'warning', 'info'].map((s) => `.monaco-editor .squiggly-${s}`).join(', ');

const words = (s) => s.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu) ?? [];

/** True when `text` quotes at least six consecutive words of some reference file of the workspace. */
function quotesReference(text, folder) {
  const hay = ` ${words(text).join(' ')} `;
  const dir = join(folder, 'references');
  for (const f of readdirSync(dir)) {
    const w = words(readFileSync(join(dir, f), 'utf8'));
    for (let i = 0; i + 6 <= w.length; i++) if (hay.includes(` ${w.slice(i, i + 6).join(' ')} `)) return true;
  }
  return false;
}

export async function run(page, { folder, media, artifacts, log, updateScreenshots }) {
  const shots = [];
  const shoot = async (file) => {
    const path = join(artifacts, file);
    await page.screenshot({ path });
    shots.push([path, join(media, file)]);
  };

  await openFromExplorer(page, log, ANSWER);

  await step(log, `F1 → "${COMMAND}" → Enter`, () => palette(page, COMMAND));

  await step(log, 'a squiggle appears under a flagged claim', async () => {
    await page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 60000 });
  });

  await step(log, 'the Problems panel lists a ClaimCheck problem', async () => {
    // Ctrl+Shift+M (View: Problems); the command palette if the keybinding does not open it.
    await page.keyboard.press('Control+Shift+M');
    try {
      await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      await palette(page, 'Focus on Problems View');
    }
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: /ClaimCheck/i }).first();
    await row.waitFor({ timeout: 30000 });
    await shoot('screenshot-problems.png');
  });

  await step(log, 'the Claims view lists the claims with their verdicts', async () => {
    await palette(page, 'Focus on Claims View');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Claims/i }) });
    await view.locator('.monaco-list-row', { hasText: /Contradicted \d+%/ }).first().waitFor({ timeout: 30000 });
    await view.locator('.monaco-list-row', { hasText: /Supported \d+%/ }).first().waitFor({ timeout: 30000 });
    await shoot('screenshot-claims.png');
  });

  const hoverText = await step(log, 'hovering a flagged word shows the evidence quote', async () => {
    // Back to the editor, then move the mouse over the middle of the first squiggle.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 30000 });
    // The most severe squiggle (a contradicted claim, when there is one) is the one to show.
    let sq = page.locator(SQUIGGLE).first();
    for (const sev of ['error', 'warning']) {
      const l = page.locator(`.monaco-editor .squiggly-${sev}`).first();
      if ((await l.count()) > 0) {
        sq = l;
        break;
      }
    }
    const box = await sq.boundingBox();
    if (!box) throw new Error('the squiggle has no box on screen');
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    // Move onto the word; if no hover shows, move off and on again (a move can land while the
    // editor is still busy), a few times.
    for (let attempt = 0; ; attempt++) {
      const at = { x: box.x + Math.min(box.width / 2, 40) + attempt * 7, y: box.y + box.height / 2 };
      await page.mouse.move(at.x - 30, at.y - 40);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      try {
        await hover.waitFor({ state: 'visible', timeout: attempt < 3 ? 8000 : 20000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
    await page.waitForFunction(
      () => (document.querySelector('.monaco-editor .monaco-hover:not(.hidden)')?.textContent ?? '').trim().length > 20,
      null,
      { timeout: 20000 },
    );
    return (await hover.innerText()).trim();
  });
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

  if (updateScreenshots) {
    for (const [from, to] of shots) copyFileSync(from, to);
    log(`screenshots copied to ${shots.map(([, to]) => to).join(', ')}`);
  }
}
