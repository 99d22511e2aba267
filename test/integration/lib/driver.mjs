// The browser side: Debian's Chromium driven by playwright-core opens the code-server workbench with
// the extension under development (and, for a suite, extensionTestsPath), and waits for the suite's
// exit code through the smoke-test driver hooks (codeAutomationExit / codeAutomationLog).
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const TAG = '[claimcheck-test]';
/** How long the exit hook may lag behind the suite's results file before the file decides. */
const RESULTS_GRACE_MS = 10_000;

export async function launchBrowser(executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    // The launcher handles the signals itself (it must stop the servers too, and write the counts).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The workbench URL that opens `folder` with the extension at `extensionPath` (and a suite). */
export function workbenchUrl(base, { folder, extensionPath, testsPath, env }) {
  const payload = [['extensionDevelopmentPath', `vscode-remote://remote${extensionPath}`]];
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://remote${testsPath}`]);
  // Variables for this window's extension host only (on top of the server's environment).
  if (env && Object.keys(env).length) payload.push(['extensionEnvironment', JSON.stringify(env)]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function screenshot(page, path) {
  try {
    mkdirSync(dirname(path), { recursive: true });
    await page.screenshot({ path });
    return path;
  } catch {
    return undefined;
  }
}

function text(args) {
  return (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

/** One browser context for the whole run: pages share its HTTP cache (the workbench loads faster). */
export function newContext(browser) {
  return browser.newContext({ viewport: { width: 1400, height: 900 } });
}

/**
 * Runs one suite entry in a new page of `context`. Resolves
 * { code, timedOut, lines (the suite's tagged lines), tail (the rest of the workbench log, last lines),
 * firstLineMs (from opening the page to the suite's first line: the window's start-up), shot }.
 */
export async function runSuite(context, { url, timeoutMs, shotPath, onLine, resultsFile }) {
  const page = await context.newPage();
  const lines = [];
  const tail = [];
  const t0 = Date.now();
  let firstLineMs;
  let settle;
  const done = new Promise((r) => (settle = r));
  try {
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const t = text(args);
      if (t.includes(TAG)) {
        // console.log of the extension host arrives wrapped; keep from the tag on.
        const line = t.slice(t.indexOf(TAG) + TAG.length).replace(/^\s+/, '');
        firstLineMs ??= Date.now() - t0;
        lines.push(line);
        onLine?.(line);
      } else {
        tail.push(`${type}: ${t}`);
        if (tail.length > 80) tail.shift();
      }
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('pageerror', (e) => tail.push(`pageerror: ${e.message}`));
    await page.goto(url);
    // The workbench sometimes drops the exit hook (seen in Restricted Mode after the suite finished):
    // once the suite's results file exists, give the hook a grace period, then settle from the file.
    let sawResultsAt;
    const poll = resultsFile
      ? setInterval(() => {
          if (!existsSync(resultsFile)) return;
          sawResultsAt ??= Date.now();
          if (Date.now() - sawResultsAt < RESULTS_GRACE_MS) return;
          const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
          settle({ code: r.failed > 0 ? 1 : 0, fromResults: true });
        }, 500)
      : undefined;
    let timer;
    const res = await Promise.race([done, new Promise((r) => (timer = setTimeout(() => r({ timedOut: true }), timeoutMs)))]);
    clearTimeout(timer);
    clearInterval(poll);
    if (res.timedOut) return { code: 2, timedOut: true, lines, tail, firstLineMs, shot: await screenshot(page, shotPath) };
    return { code: res.code, timedOut: false, lines, tail, firstLineMs };
  } finally {
    await page.close().catch(() => {});
  }
}

/** A workbench page for a user-level test: the extension loaded, no suite. */
export async function openWorkbench(context, { url }) {
  const page = await context.newPage();
  const tail = [];
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    tail.push(`${type}: ${text(args)}`);
    if (tail.length > 80) tail.shift();
  });
  await page.exposeFunction('codeAutomationExit', () => {});
  page.on('pageerror', (e) => tail.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { page, tail };
}
