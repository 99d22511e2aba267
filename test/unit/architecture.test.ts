// The engine and the CLI run outside VS Code: neither may import it (architecture.md, "Folders").
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(e.name) ? [path] : [];
  });
}

const IMPORTS_VSCODE = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]vscode['"]/;

describe('architecture', () => {
  for (const folder of ['src/core', 'src/cli']) {
    it(`nothing under ${folder} imports vscode`, () => {
      const files = sources(join(root, folder));
      assert.ok(files.length > 0, `${folder} holds no source`);
      const offenders = files.filter((f) => IMPORTS_VSCODE.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
      assert.deepEqual(offenders, []);
    });
  }

  it('the pattern catches the usual ways of importing vscode', () => {
    for (const line of ["import * as vscode from 'vscode';", 'import type { Uri } from "vscode";', "const v = require('vscode');", "await import('vscode')", "import 'vscode';"]) {
      assert.match(line, IMPORTS_VSCODE, line);
    }
    assert.doesNotMatch("import { x } from './vscode-like';", IMPORTS_VSCODE);
  });
});
