// Whether a document's move may change the references its next check reads (then its findings are out of date).
import * as path from 'node:path';
import { referencesFor, renamedReferences, type ProjectConfig } from '../core/config';

/**
 * A move within the folder whose `.claimcheck.json` its check read (`from` and `to` relative to it, with forward
 * slashes; `references` as that file gave them). The folder's own list (or the setting) serves every document
 * alike, and the directive's paths are relative to the document's own folder: only leaving that folder, or
 * `.claimcheck.json` entries keyed by a glob that matches one path and not the other, can change them. An entry
 * that names the document follows it (`renamedReferences`: the rename rewrites the file so).
 */
export function moveChangesReferences(from: string, to: string, references: ProjectConfig['references']): boolean {
  if (path.posix.dirname(from) !== path.posix.dirname(to)) return true;
  if (!references || Array.isArray(references)) return false;
  const before = referencesFor({ references }, from);
  const after = referencesFor({ references: renamedReferences(references, from, to) }, to);
  return before.length !== after.length || before.some((p, i) => p !== after[i]);
}
