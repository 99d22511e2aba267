// Findings per document: published as diagnostics, moved with edits, and guarded so a late result never wins.
import * as vscode from 'vscode';
import { openDocument } from './documents';
import { claimHash } from '../core/check';
import { claimInSelection } from '../core/claims';
import type { Finding, GraderInfo } from '../core/types';
import { LineMap } from '../core/positions';
import { lineShift, moveAnchors, shiftSpans, type Anchor, type LineChange, type OffsetChange, type Span } from './offsets';
import type { ProjectConfig } from '../core/config';
import { moveChangesReferences } from './moves';
import { baseFor, evidenceUri, patternFinds, relativeTo, type ReferenceChange } from './references';
import type { Stale, UncheckedStatus } from './statusView';

export interface StoredFinding {
  /** `start`/`end` are kept current with the document's edits. */
  finding: Finding;
  range: vscode.Range;
  hash: string;
  /** The claim's text in the document when it was judged. */
  source: string;
}

/** A finding whose text an edit changed: hidden, and shown again if an undo (or retyping) restores that text. */
export interface SetAside extends Anchor {
  stored: StoredFinding;
}

/** Findings set aside per document are capped (older ones go first): enough to undo the deletion of a long document. */
const MAX_SET_ASIDE = 100_000;
/** While typing, diagnostics are published again only after this pause (the editor moves the squiggles meanwhile). */
const RENDER_DELAY_MS = 200;
/** How long after a delete a rename of the same file may still bring its results back (both come of one move). */
const RENAME_GRACE_MS = 10_000;

export interface DocResult {
  uri: vscode.Uri;
  /** Evidence sources resolve against this folder: the one the check read its references from (also after a move). */
  base: vscode.Uri;
  grader: GraderInfo;
  /**
   * Every judged claim, supported ones too (the Claims view lists them, the status item counts them); only the
   * others become diagnostics. A claim edited since (set aside) or accepted is not among them.
   */
  findings: StoredFinding[];
  setAside?: readonly SetAside[];
  /** Reference files the check used (relative to `base`, or absolute). */
  references: readonly string[];
  /**
   * The reference patterns it read (files, folders, globs; relative to `base`, or absolute): a file created where
   * one of them finds it would have been read, so the result is out of date.
   */
  patterns?: readonly string[];
  /** The references `base`'s `.claimcheck.json` gave when the check read it: per path, a rename may change them. */
  projectReferences?: ProjectConfig['references'];
  /** Changes whenever the claims listed change (a check, an accepted claim, an edit to a claim's own text), not when they only move. */
  rows: number;
  /**
   * Why the result may be out of date: the text was edited, one of its references changed, or the file was moved
   * (its next check reads the references of its new place), after the check.
   */
  stale?: Stale;
  /** Only selections of the document have been checked so far. */
  partial?: boolean;
}

/** A check in flight: its generation, and the edits made since it read the text (one list per change event). */
export interface PendingCheck {
  readonly uri: vscode.Uri;
  readonly generation: number;
  readonly edits: OffsetChange[][];
  /** References changed since it read them (a file, a folder's .claimcheck.json; undefined: any may have). */
  readonly referencesChanged: (ReferenceChange | undefined)[];
}

export interface CheckUpdate {
  base: vscode.Uri;
  grader: GraderInfo;
  findings: readonly Finding[];
  references: readonly string[];
  patterns: readonly string[];
  projectReferences: ProjectConfig['references'];
  /** The checked parts of the text (the selections); undefined = the whole document. */
  spans?: readonly Span[];
  /** The text that was checked (the whole document, also for a selection). */
  text: string;
}

/** Moves spans through a sequence of change events, each relative to the text the one before it left. */
function shiftThrough<T extends Span>(spans: readonly T[], edits: readonly OffsetChange[][]): { kept: T[]; touched: (T & Anchor)[] } {
  return edits.reduce<{ kept: T[]; touched: (T & Anchor)[] }>(
    (acc, changes) => {
      const next = shiftSpans(acc.kept, changes);
      return { kept: next.kept, touched: [...moveAnchors(acc.touched, changes), ...next.touched] };
    },
    { kept: [...spans], touched: [] },
  );
}

export type Renderer = (result: DocResult) => vscode.Diagnostic[];

/** Why a document's last check gave no result; shown by the status item until a check gives one. */
export interface Unchecked {
  status: UncheckedStatus;
  message: string;
}

export class ResultStore implements vscode.Disposable {
  private readonly results = new Map<string, DocResult>();
  private readonly notes = new Map<string, Unchecked>();
  private readonly pending = new Map<string, PendingCheck[]>();
  private readonly generations = new Map<string, number>();
  private readonly renders = new Map<string, NodeJS.Timeout>();
  /** Results of files deleted in the last seconds, kept for a rename whose event comes after the watcher's delete. */
  private readonly gone = new Map<string, { result: DocResult; at: number }>();
  private readonly collection = vscode.languages.createDiagnosticCollection('claimcheck');
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChange = this.changed.event;

  /** `files` watches the workspace (shared with the reference cache: one watcher serves both). */
  constructor(
    private readonly render: Renderer,
    files: vscode.FileSystemWatcher,
  ) {
    // Findings of a file that is gone describe nothing any more: deleted in the Explorer, or on disk by a
    // terminal, git or another program (which only a watcher sees; a move there reads as a delete). A file
    // renamed or moved in the workspace takes its findings with it.
    this.subscriptions = [
      this.collection,
      this.changed,
      files.onDidDelete((uri) => this.forget(uri)),
      files.onDidChange((uri) => void this.changedOnDisk(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((f) => this.forget(f))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => this.rename(f.oldUri, f.newUri))),
    ];
  }

  get(uri: vscode.Uri): DocResult | undefined {
    return this.results.get(uri.toString());
  }

  unchecked(uri: vscode.Uri): Unchecked | undefined {
    return this.notes.get(uri.toString());
  }

  /** Records why a check gave no result, unless a newer check of the document has begun since (its word is newer). */
  noteUnchecked(p: PendingCheck, why: Unchecked): void {
    const key = p.uri.toString();
    if (this.generations.get(key) !== p.generation) return;
    this.notes.set(key, why);
    this.changed.fire(p.uri);
  }

  all(): DocResult[] {
    return [...this.results.values()];
  }

  /** Starts a check; any check of the same document started earlier can no longer publish. */
  begin(uri: vscode.Uri): PendingCheck {
    const key = uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const p: PendingCheck = { uri, generation, edits: [], referencesChanged: [] };
    this.pending.set(key, [...(this.pending.get(key) ?? []), p]);
    this.changed.fire(uri); // the status item shows the check as busy
    return p;
  }

  /** Publishes a check's findings, moved through the edits made meanwhile. False when a newer check superseded it. */
  complete(p: PendingCheck, update: CheckUpdate): boolean {
    this.end(p);
    const key = p.uri.toString();
    if (this.generations.get(key) !== p.generation) return false;
    const pos = positioner(openDocument(p.uri), update.text);
    const stored = (f: Finding, start: number, end: number, source: string): StoredFinding => ({
      finding: { ...f, start, end },
      range: new vscode.Range(pos(start), pos(end)),
      hash: claimHash(f.text),
      source,
    });
    const moved = shiftThrough(
      update.findings.map((f) => ({ start: f.start, end: f.end, finding: f, source: update.text.slice(f.start, f.end) })),
      p.edits,
    );
    const fresh = moved.kept.map((m) => stored(m.finding, m.start, m.end, m.source));
    // Claims edited while the check ran: their findings wait for an undo, like those of claims edited later.
    const aside: SetAside[] = moved.touched.map((m) => ({ at: m.at, depth: m.depth, stored: stored(m.finding, m.start, m.end, m.source) }));
    const previous = this.results.get(key);
    this.notes.delete(key); // a check that gave a result: why an earlier one gave none no longer holds
    let findings = fresh;
    let setAside = aside;
    // Edited while it ran, or checked against references that changed meanwhile: out of date as soon as shown.
    let stale: DocResult['stale'] = p.edits.length > 0 ? 'edited' : p.referencesChanged.some((c) => readFrom(update, c)) ? 'references' : undefined;
    if (update.spans && previous) {
      // A selection check replaces only the claims it checked (moved like the findings): those the engine
      // counts as inside a selection, by the same midpoint rule. A claim a selection only grazes keeps
      // its finding.
      const spans = update.spans.map((span) => shiftThrough([span], p.edits).kept[0] ?? span);
      const checked = (claim: Span): boolean => spans.some((span) => claimInSelection(claim, span));
      const outside = previous.findings.filter((s) => !checked(s.finding));
      findings = [...outside, ...fresh].sort((a, b) => a.finding.start - b.finding.start);
      setAside = [...(previous.setAside ?? []).filter((a) => !checked({ start: a.at + a.depth, end: a.at + a.depth + a.stored.source.length })), ...aside];
      // Text outside the selection, or the references, changed since the last whole check: that still holds.
      stale ??= previous.stale;
    }
    // Only a selection was ever checked: the counts are the selection's, not the document's.
    const partial = !!update.spans && (!previous || previous.partial === true);
    const rows = (previous?.rows ?? 0) + 1;
    this.set({ uri: p.uri, base: update.base, grader: update.grader, findings, setAside, rows, references: update.references, patterns: update.patterns, projectReferences: update.projectReferences, stale, ...(partial ? { partial } : {}) });
    return true;
  }

  /** Forgets a check that ended without a result (cancelled or failed). */
  end(p: PendingCheck): void {
    const key = p.uri.toString();
    const rest = (this.pending.get(key) ?? []).filter((x) => x !== p);
    if (rest.length) this.pending.set(key, rest);
    else this.pending.delete(key);
    this.changed.fire(p.uri);
  }

  /** Whether a check of this document is in flight. */
  isChecking(uri: vscode.Uri): boolean {
    return this.pending.has(uri.toString());
  }

  /** Whether any check is in flight. */
  busy(): boolean {
    return this.pending.size > 0;
  }

  /** Drops every finding whose claim has this hash (an accepted claim) in every document of the folder. */
  removeHash(base: vscode.Uri, hash: string): void {
    for (const r of this.all()) {
      // The folder whose .claimcheck.json the document's checks read now: a moved document's is no longer `r.base`.
      if ((baseFor(r.uri) ?? r.base).toString() !== base.toString()) continue;
      const setAside = r.setAside?.filter((a) => a.stored.hash !== hash);
      if (r.findings.some((f) => f.hash === hash) || setAside?.length !== r.setAside?.length) this.set({ ...r, findings: r.findings.filter((f) => f.hash !== hash), setAside, rows: r.rows + 1 });
    }
  }

  clear(uri?: vscode.Uri): void {
    if (uri) {
      this.cancelRender(uri.toString());
      this.results.delete(uri.toString());
      this.notes.delete(uri.toString());
      this.collection.delete(uri);
      this.generations.set(uri.toString(), (this.generations.get(uri.toString()) ?? 0) + 1);
    } else {
      for (const key of [...this.renders.keys()]) this.cancelRender(key);
      this.results.clear();
      this.gone.clear();
      this.notes.clear();
      this.collection.clear();
      for (const [k, g] of this.generations) this.generations.set(k, g + 1);
    }
    this.changed.fire(uri);
  }

  private forget(uri: vscode.Uri): void {
    const now = Date.now();
    for (const [key, g] of this.gone) if (now - g.at > RENAME_GRACE_MS) this.gone.delete(key);
    for (const r of this.all()) {
      if (!relocate(r.uri, uri, uri)) continue;
      this.gone.set(r.uri.toString(), { result: r, at: now });
      this.clear(r.uri);
    }
    for (const key of [...this.notes.keys()]) if (relocate(vscode.Uri.parse(key), uri, uri)) this.notes.delete(key);
  }

  /**
   * A file (or folder) renamed or moved in the workspace: its documents' findings, and why a check gave none,
   * follow it (the text is the same). A check of it still in flight cannot publish under the old name. Moved to
   * another folder, its findings are out of date: they were judged against the references of the old place,
   * and the next check reads those of the new one (its folder's, those `.claimcheck.json` gives its new path,
   * its directives' paths from its new folder). Renamed where it is, it reads the same ones, unless
   * `.claimcheck.json` gives its new name others.
   */
  private rename(from: vscode.Uri, to: vscode.Uri): void {
    for (const [key, note] of [...this.notes]) {
      const uri = relocate(vscode.Uri.parse(key), from, to);
      if (!uri) continue;
      this.notes.delete(key);
      this.notes.set(uri.toString(), note);
    }
    // The watcher may have reported the old name deleted first: a result it forgot just now moves too.
    const now = Date.now();
    const recent = [...this.gone.values()].filter((g) => now - g.at <= RENAME_GRACE_MS && !this.results.has(g.result.uri.toString()));
    for (const r of [...this.all(), ...recent.map((g) => g.result)]) {
      const uri = relocate(r.uri, from, to);
      if (!uri) continue;
      this.gone.delete(r.uri.toString());
      this.clear(r.uri);
      const moved = baseFor(uri)?.toString() !== r.base.toString() || moveChangesReferences(relativeTo(r.base, r.uri), relativeTo(r.base, uri), r.projectReferences);
      this.set({ ...r, uri, rows: r.rows + 1, stale: r.stale ?? (moved ? 'moved' : undefined) });
    }
  }

  /**
   * A checked file that another program changed (git, a script) while no editor had it loaded: no edit events
   * moved its findings, so only those whose claim still stands where it stood are kept, and the result is out of
   * date. (A loaded document reports the change as edits.)
   */
  private async changedOnDisk(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const r = this.results.get(key);
    if (!r || openDocument(uri)) return;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return; // gone: the delete event forgets it
    }
    if (this.results.get(key) !== r || openDocument(uri)) return; // a check or an editor came first
    const pos = positioner(undefined, text);
    const findings = r.findings
      .filter((s) => text.slice(s.finding.start, s.finding.end) === s.source)
      .map((s) => ({ ...s, range: new vscode.Range(pos(s.finding.start), pos(s.finding.end)) }));
    this.set({ ...r, findings, setAside: [], rows: r.rows + 1, stale: 'edited' });
  }

  /**
   * Marks as out of date the results checked against this reference file (edited, deleted, or created where their
   * patterns would find it) or a folder of them, or those of this folder (its .claimcheck.json changed); every
   * result, without one.
   */
  referencesChanged(changed?: ReferenceChange): void {
    // A check in flight may have read them already: it finds out when it completes.
    for (const list of this.pending.values()) for (const p of list) p.referencesChanged.push(changed);
    let marked = false;
    for (const r of this.results.values()) {
      if (r.stale || !readFrom(r, changed)) continue;
      this.results.set(r.uri.toString(), { ...r, stale: 'references', rows: r.rows + 1 });
      marked = true;
    }
    // Every save of a Markdown file comes here: the views are redrawn only where a result changed.
    if (marked) this.changed.fire(undefined);
  }

  /** Re-renders every result (after a severity setting changed). */
  refresh(): void {
    for (const r of this.results.values()) this.collection.set(r.uri, this.render(r));
    this.changed.fire(undefined);
  }

  /** Stores a result; its diagnostics now, or (`defer`, while typing) once typing pauses. */
  private set(r: DocResult, defer = false): void {
    const key = r.uri.toString();
    this.results.set(key, r);
    this.cancelRender(key);
    if (!defer) this.collection.set(r.uri, this.render(r));
    else {
      this.renders.set(
        key,
        setTimeout(() => {
          this.renders.delete(key);
          const now = this.results.get(key);
          if (now) this.collection.set(now.uri, this.render(now));
        }, RENDER_DELAY_MS),
      );
    }
    this.changed.fire(r.uri);
  }

  private cancelRender(key: string): void {
    clearTimeout(this.renders.get(key));
    this.renders.delete(key);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (!e.contentChanges.length) return;
    const key = e.document.uri.toString();
    const changes: LineChange[] = e.contentChanges
      .map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text, startLine: c.range.start.line, endLine: c.range.end.line }))
      .sort((a, b) => a.offset - b.offset);
    for (const p of this.pending.get(key) ?? []) p.edits.push(changes);
    const r = this.results.get(key);
    if (!r) return;
    const doc = e.document;
    // Thousands of claims move with each keystroke in a long document: most by whole lines or not at all, so
    // their ranges are moved, not recomputed; only those on an edited line ask the document.
    const place = (s: StoredFinding, start: number, lines?: number): StoredFinding => {
      const end = start + s.source.length;
      const range =
        lines === 0 ? s.range : lines !== undefined ? new vscode.Range(s.range.start.translate(lines), s.range.end.translate(lines)) : new vscode.Range(doc.positionAt(start), doc.positionAt(end));
      return start === s.finding.start && range === s.range ? s : { ...s, finding: { ...s.finding, start, end }, range };
    };
    const moved = shiftSpans(
      r.findings.map((s) => ({ start: s.finding.start, end: s.finding.end, stored: s })),
      changes,
    );
    const kept = moved.kept.map((m) => place(m.stored, m.start, lineShift(changes, m.stored.finding.start, m.stored.range.start.line)));
    const waiting = [...moveAnchors(r.setAside ?? [], changes), ...moved.touched.map((m) => ({ at: m.at, depth: m.depth, stored: m.stored }))];
    // A finding comes back when its exact text stands again where it was (an undo), and no finding covers it.
    // Only where this edit put text can that have happened: the other waiting findings were looked at before.
    let delta = 0;
    const written = changes.map((c) => {
      const start = c.offset + delta;
      delta += c.text.length - c.length;
      return { start, end: start + c.text.length };
    });
    const back: StoredFinding[] = [];
    const covered = (start: number, end: number): boolean => overlaps(kept, start, end) || back.some((s) => s.finding.start < end && start < s.finding.end);
    const setAside = waiting.filter((a) => {
      const start = a.at + a.depth;
      const end = start + a.stored.source.length;
      if (start < 0 || !written.some((w) => w.start < end && start <= w.end) || covered(start, end)) return true;
      if (doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(end))) !== a.stored.source) return true;
      back.push(place(a.stored, start));
      return false;
    });
    const findings = back.length ? [...kept, ...back].sort((a, b) => a.finding.start - b.finding.start) : kept;
    const rows = moved.touched.length || back.length || r.stale !== 'edited' ? r.rows + 1 : r.rows;
    this.set({ ...r, findings, setAside: setAside.slice(-MAX_SET_ASIDE), rows, stale: 'edited' }, true);
  }

  dispose(): void {
    for (const key of [...this.renders.keys()]) this.cancelRender(key);
    for (const d of this.subscriptions) d.dispose();
  }
}

/**
 * Whether a result (or a check's update) read `changed`: one of its reference files or a folder of them, a file its
 * patterns find (one just created, or edited where a loaded set names it: it may have been empty), or its folder's
 * .claimcheck.json; any, without one.
 */
function readFrom(r: { base: vscode.Uri; references: readonly string[]; patterns?: readonly string[] }, changed: ReferenceChange | undefined): boolean {
  if (!changed) return true;
  const { uri } = changed;
  if (r.base.toString() === uri.toString()) return true;
  if (r.references.some((ref) => relocate(evidenceUri(r.base, ref), uri, uri))) return true;
  return !changed.onlyWhatRead && (r.patterns ?? []).some((p) => patternFinds(r.base.fsPath, p, changed));
}

/** Where `uri` is once `from` (a file, or a folder `uri` is in) is renamed `to`; undefined when it is neither. */
function relocate(uri: vscode.Uri, from: vscode.Uri, to: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme !== from.scheme || uri.authority !== from.authority) return undefined;
  if (uri.path === from.path) return to;
  const prefix = from.path.replace(/\/?$/, '/');
  return uri.path.startsWith(prefix) ? to.with({ path: `${to.path.replace(/\/?$/, '/')}${uri.path.slice(prefix.length)}` }) : undefined;
}

/** Offsets to positions: the open document's own, else those of the text's lines. */
function positioner(doc: vscode.TextDocument | undefined, text: string): (offset: number) => vscode.Position {
  if (doc) return (o) => doc.positionAt(o);
  const lines = new LineMap(text);
  return (o) => {
    const at = lines.positionAt(o);
    return new vscode.Position(at.line, at.character);
  };
}

/** Whether a finding of `sorted` (by start, not overlapping each other) overlaps `[start, end)`. */
function overlaps(sorted: readonly StoredFinding[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.finding.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.finding.start < end;
}
