// Steps the UI tests share: run a command from the palette, time a named step of a test, open a file from
// the Explorer, open the Problems panel, hover the most severe squiggle, check that a hover quotes a
// reference, and take the screenshots that `--update-screenshots` also saves into media/.
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** ClaimCheck's squiggles, of any severity. */
export const SQUIGGLE = ['error', 'warning', 'info'].map((s) => `.monaco-editor .squiggly-${s}`).join(', ');

/** F1, type the command's title, run it (Enter on the first row when it is the one, else a click on it). */
export async function palette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 20000 });
  await input.pressSequentially(title, { delay: 10 });
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 20000 });
  const first = page.locator('.quick-input-list .monaco-list-row').first();
  if (((await first.textContent()) ?? '').includes(title)) await page.keyboard.press('Enter');
  else await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 20000 });
}

export async function step(log, what, fn) {
  const t0 = Date.now();
  try {
    const out = await fn();
    log(`ok   ${what} (${Date.now() - t0} ms)`);
    return out;
  } catch (e) {
    throw new Error(`${what}: ${e?.message?.split('\n')[0] ?? e}`);
  }
}

/** Opens `file` from the Explorer and gives its editor the focus, so commands act on it. */
export async function openFromExplorer(page, log, file) {
  await step(log, `the workbench shows the Explorer with ${file}`, async () => {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    const item = page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first();
    if (!(await item.isVisible())) {
      await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
      await page.keyboard.press('Control+Shift+E');
    }
    await item.waitFor({ timeout: 60000 });
    await item.click();
  });

  await step(log, `${file} opens in an editor`, async () => {
    await page.locator('.editor-group-container .tab', { hasText: file }).first().waitFor({ timeout: 30000 });
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await lines.waitFor({ timeout: 30000 });
    await page.waitForFunction(() => (document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent ?? '').length > 20, null, { timeout: 30000 });
    await lines.click(); // the editor has focus, so the command checks this document
  });
}

/** Opens the Problems panel and waits for a ClaimCheck row in it. */
export async function openProblems(page) {
  // Ctrl+Shift+M (View: Problems); the command palette if the keybinding does not open it.
  await page.keyboard.press('Control+Shift+M');
  try {
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 5000 });
  } catch {
    await palette(page, 'Focus on Problems View');
  }
  await page.locator('.markers-panel .monaco-list-row', { hasText: /ClaimCheck/i }).first().waitFor({ timeout: 30000 });
}

/**
 * Moves the mouse over the most severe squiggle of the editor (a contradicted claim, when there is one) and
 * returns the text of the hover once `complete(text)` holds (its parts arrive one by one: the diagnostic's
 * first, then the hover providers'); the hover stays open for a screenshot.
 */
export async function hoverWorstSquiggle(page, complete) {
  // Back to the editor, then move the mouse over the middle of the squiggle.
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
  await page.locator(SQUIGGLE).first().waitFor({ state: 'attached', timeout: 30000 });
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
  for (const t0 = Date.now(); ; ) {
    // Text a hover provider appends keeps its spaces as no-break spaces.
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ').trim();
    if (complete(text)) return text;
    if (Date.now() - t0 > 20000) return text; // the caller's checks say what is missing
    await page.waitForTimeout(200);
  }
}

/** Letters and digits only, lower case: text compared across the hover's wrapping and punctuation. */
const letters = (s) => (s.toLowerCase().match(/[\p{L}\p{N}]/gu) ?? []).join('');

/**
 * True when `text` quotes a reference file of the workspace: 16 consecutive letters and digits of one of its
 * lines (four or five English words, or a Japanese clause: Japanese has no spaces between words).
 */
export function quotesReference(text, folder) {
  const hay = letters(text);
  const dir = join(folder, 'references');
  for (const f of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const l = [...letters(line)];
      for (let i = 0; i + 16 <= l.length; i++) if (hay.includes(l.slice(i, i + 16).join(''))) return true;
    }
  }
  return false;
}

/**
 * `shoot(file)` saves a screenshot into the artifacts folder; `save()` copies those taken into media/ when the
 * screenshots are being updated (CLAIMCHECK_UPDATE_SCREENSHOTS=1 or `launch.mjs --update-screenshots`).
 */
export function screenshots(page, { media, artifacts, log, updateScreenshots }) {
  const shots = [];
  return {
    async shoot(file) {
      const path = join(artifacts, file);
      await page.screenshot({ path });
      shots.push([path, join(media, file)]);
    },
    save() {
      if (!updateScreenshots) return;
      for (const [from, to] of shots) copyFileSync(from, to);
      log(`screenshots copied to ${shots.map(([, to]) => to).join(', ')}`);
    },
  };
}
