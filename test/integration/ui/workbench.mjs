// Steps the UI tests share: run a command from the palette, and time a named step of a test.

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
