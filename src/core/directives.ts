// The files a document's `claimcheck: references=` directive names are references, not documents: one rule for the
// CLI's `check` and the editor's Check Workspace, each host giving how it reads a document and finds files.
import { parseDirectives } from './config';

export interface DirectiveScan<D> {
  /**
   * The text the check will read of a document, or undefined where it will skip the document (too large, binary,
   * badly encoded, unreadable): such a document names nothing.
   */
  read: (doc: D) => Promise<string | undefined>;
  /** One of `doc`'s directive paths (relative to its folder, or absolute) as a pattern `expand` takes. */
  resolve: (doc: D, ref: string) => string;
  /**
   * The files the patterns name (files, folders, globs), keyed as `key` keys a document. A pattern that names
   * nothing adds none: the check of the document that holds it says so.
   */
  expand: (patterns: string[]) => Promise<Iterable<string>>;
  key: (doc: D) => string;
  /** A document the user named on its own (the CLI's file on the command line): checked whatever a directive says. */
  named?: (doc: D) => boolean;
  /** Stops reading (a cancelled scan): what is returned is then partial, for the caller to drop. */
  stop?: () => boolean;
}

export interface DirectiveSplit<D> {
  /** The candidates to check as documents, in their order. */
  documents: D[];
  /** The candidates some candidate's directive names: read as its references only. */
  references: D[];
  /**
   * The keys of all the files the candidates' directives name, candidates or not: the CLI's `--out` must not
   * replace one.
   */
  named: ReadonlySet<string>;
}

/**
 * Splits the candidate documents of a run into those to check and those a candidate's directive names as a
 * reference (a file, or one in a folder or glob it names), which are references only, also where they hold claims
 * and directives of their own: a folder of answers and their sources reads as the author laid it out.
 */
export async function splitDirectiveReferences<D>(candidates: readonly D[], scan: DirectiveScan<D>): Promise<DirectiveSplit<D>> {
  const patterns = new Set<string>();
  for (const doc of candidates) {
    if (scan.stop?.()) break;
    const text = await scan.read(doc);
    if (!text?.includes('claimcheck:')) continue;
    for (const ref of parseDirectives(text).references) patterns.add(scan.resolve(doc, ref));
  }
  const named = new Set(patterns.size && !scan.stop?.() ? await scan.expand([...patterns]) : []);
  const split: DirectiveSplit<D> = { documents: [], references: [], named };
  for (const doc of candidates) {
    if (named.has(scan.key(doc)) && !scan.named?.(doc)) split.references.push(doc);
    else split.documents.push(doc);
  }
  return split;
}
