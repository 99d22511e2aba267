// How a file is named in reports, evidence and messages: one rule for documents and references.
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Relative to the working folder, with forward slashes, when the file is inside it (stable across machines,
 * what SARIF viewers and CI annotations resolve); the absolute path when it is outside ("../../x" says less).
 */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  if (!rel || leadsOut(rel)) return file;
  return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
}

/** Whether `path` (absolute, or relative to `folder`) lies outside `folder`, by its text alone (links not followed). */
export function liesOutside(folder: string, path: string): boolean {
  return leadsOut(relative(folder, resolve(folder, path)));
}

/**
 * Whether a path or glob the user wrote may lead out of `folder` by its text: it lies outside, or has a `..` anywhere
 * (`a/../b`, `{x,..}/**`), whatever that resolves to.
 */
export function mayLeadOut(folder: string, path: string): boolean {
  return /(?:^|[\\/{,])\.\.(?:[\\/},]|$)/.test(path) || liesOutside(folder, path);
}

/** Whether a path relative to a folder (`path.relative`'s answer) leads out of it. */
function leadsOut(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
