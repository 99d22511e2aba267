import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimHash } from '../../src/core/check';
import { excerpt, hasFailures, summarize } from '../../src/core/report';
import { toJsonReport } from '../../src/core/report/json';
import { toSarif } from '../../src/core/report/sarif';
import { formatText } from '../../src/core/report/text';
import { finding, reportOf, sarifValidator } from '../cli/helpers';

const TEXT = '# Acme\r\n\r\n🎉 The factory employs 9,000 people. It opened in 1987.\r\nWidgets ship to 12 countries.\r\n';
const report = reportOf([
  {
    path: 'docs/answer.md',
    text: TEXT,
    findings: [
      finding(TEXT, 'The factory employs 9,000 people.', 'contradicted'),
      finding(TEXT, 'It opened in 1987.', 'supported'),
      finding(TEXT, 'Widgets ship to 12 countries.', 'unsupported', { evidence: [], reason: 'no reference passage mentions this' }),
    ],
  },
]);

describe('text report', () => {
  const lines = formatText(report).trimEnd().split('\n');

  it('writes one compiler-style line per finding, 1-based, with UTF-16 columns after the emoji', () => {
    assert.equal(lines[0], 'docs/answer.md:3:4: error: contradicted: The factory employs 9,000 people. [evidence: refs/facts.md:3]');
    assert.equal(lines[1], '    reference says 450, claim says 9,000');
    assert.equal(lines[2], 'docs/answer.md:4:1: warning: unsupported: Widgets ship to 12 countries.');
    assert.equal(lines[3], '    no reference passage mentions this');
  });

  it('leaves supported claims out and ends with a summary', () => {
    assert.ok(!lines.some((l) => l.includes('It opened')));
    assert.equal(lines.at(-1), '1 file, 3 claims: 1 supported, 1 contradicted, 1 unsupported (grader: offline)');
  });

  it('names the model and the cost when a model graded', () => {
    const paid = reportOf(report.files, { grader: { id: 'openai', model: 'gpt-x' }, usage: { requests: 2, promptTokens: 300, completionTokens: 40 } });
    assert.match(formatText(paid), /\(grader: openai, gpt-x; 2 requests, 300 prompt \+ 40 completion tokens\)\n$/);
  });

  it('cuts long claims to 80 characters without splitting an emoji', () => {
    const long = `${'x'.repeat(78)}😀 and more`;
    const cut = excerpt(long);
    assert.ok(cut.length <= 80);
    assert.ok(cut.endsWith('…'));
    assert.doesNotMatch(cut, /[\uD800-\uDBFF]…$/);
    assert.equal(excerpt('a\n  b'), 'a b');
  });
});

  // A document is untrusted text (a model's answer, a cloned repository's file), and so are file names: a terminal
  // must not run their escape sequences, nor a CI log read a new line (a `::` workflow command, a forged finding).
  it('prints no control or bidi characters from documents, reasons or file names, and one line per field (security QA)', () => {
    const esc = '\x1b]0;owned\x07\x1b[2J';
    const text = `The tower is ${esc}500\u202e metres tall.\n`;
    const claim = text.trimEnd();
    const hostile = reportOf([
      {
        path: `docs/a${esc}\n::error::forged.md`,
        text,
        findings: [finding(text, claim, 'contradicted', { evidence: [{ source: `refs/b\r\n::add-mask::x${esc}.md`, line: 1, quote: 'q' }], reason: `reference says 330${esc}\u2066, claim says 500` })],
        coverage: { statements: 1, covered: 0, percent: 0, skipped: 0, leftOut: [{ source: `refs/${esc}c.md`, line: 2, text: `Left ${esc}out\u2067.`, partly: false }] },
      },
    ]);
    const out = formatText(hostile);
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 5, out);
    assert.ok(lines.every((l) => !l.startsWith('::')), out);
    assert.equal(lines[0], 'docs/a]0;owned[2J ::error::forged.md:1:1: error: contradicted: The tower is ]0;owned[2J500 metres tall. [evidence: refs/b ::add-mask::x]0;owned[2J.md:1]');
    assert.equal(lines[1], '    reference says 330]0;owned[2J, claim says 500');
  });

describe('JSON report', () => {
  const json = toJsonReport(report);

  it('has the public shape of architecture.md, version 1', () => {
    assert.equal(json.version, 1);
    assert.deepEqual(json.grader, { id: 'offline', model: null });
    assert.deepEqual(Object.keys(json.files[0]!), ['path', 'claims']);
    assert.deepEqual(Object.keys(json.files[0]!.claims[0]!), ['text', 'start', 'end', 'range', 'verdict', 'confidence', 'evidence', 'reason']);
    assert.deepEqual(Object.keys(json.summary), ['files', 'claims', 'supported', 'contradicted', 'unsupported', 'notJudged', 'requests', 'promptTokens', 'completionTokens', 'problems']);
  });

  it('lists every claim, supported ones too, with offsets that slice the text and 0-based ranges', () => {
    const claims = json.files[0]!.claims;
    assert.equal(claims.length, 3);
    for (const c of claims) assert.equal(TEXT.slice(c.start, c.end), c.text);
    assert.deepEqual(claims[0]!.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 36 } });
    assert.deepEqual(claims[2]!.range.start, { line: 3, character: 0 });
    assert.deepEqual(claims[0]!.evidence, [{ source: 'refs/facts.md', line: 3, quote: 'The factory employs 450 people.' }]);
  });

  it('adds a fix in file offsets where the reference gives another value, and marks claims not judged', () => {
    const claim = 'The factory employs 9,000 people.';
    const at = 'The factory employs '.length;
    const withFix = reportOf([
      {
        path: 'docs/answer.md',
        text: TEXT,
        findings: [
          finding(TEXT, claim, 'contradicted', { fix: { start: at, end: at + '9,000'.length, text: '450' } }),
          finding(TEXT, 'It opened in 1987.', 'unsupported', { failed: true, reason: 'the grader timed out' }),
        ],
      },
    ]);
    const [fixed, failed] = toJsonReport(withFix).files[0]!.claims;
    assert.deepEqual(fixed!.fix, { start: TEXT.indexOf('9,000'), end: TEXT.indexOf('9,000') + 5, text: '450' });
    assert.equal(TEXT.slice(fixed!.fix!.start, fixed!.fix!.end), '9,000');
    assert.equal(fixed!.failed, undefined);
    assert.equal(failed!.failed, true);
    assert.equal(failed!.fix, undefined);
  });

  it('summarises counts and problems', () => {
    const s = summarize(reportOf(report.files, { problems: ['a.md: not found. Check the path'] }));
    assert.deepEqual(s, { files: 1, claims: 3, supported: 1, contradicted: 1, unsupported: 1, notJudged: 0, requests: 0, promptTokens: 0, completionTokens: 0, problems: ['a.md: not found. Check the path'] });
  });
});

describe('SARIF report', () => {
  const log = toSarif(report, { toolVersion: '1.2.3' });
  const run = log.runs[0]!;

  it('validates against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(sarifValidator()(log), []);
    assert.deepEqual(sarifValidator()(toSarif(reportOf([]), { toolVersion: '0.0.0' })), []);
  });

  it('declares the two rules with help links and levels', () => {
    assert.equal(run.tool.driver.name, 'ClaimCheck');
    assert.equal(run.tool.driver.version, '1.2.3');
    assert.deepEqual(run.tool.driver.rules?.map((r) => [r.id, r.defaultConfiguration?.level]), [['claim.contradicted', 'error'], ['claim.unsupported', 'warning']]);
    for (const r of run.tool.driver.rules ?? []) assert.match(r.helpUri ?? '', /^https:\/\/.+#claim(contradicted|unsupported)$/);
  });

  it('reports only findings, at the claim, with evidence as related locations', () => {
    assert.equal(run.results?.length, 2);
    const [contradicted, unsupported] = run.results!;
    assert.equal(contradicted!.ruleId, 'claim.contradicted');
    assert.equal(contradicted!.level, 'error');
    assert.equal(run.tool.driver.rules?.[contradicted!.ruleIndex!]?.id, 'claim.contradicted');
    assert.match(contradicted!.message.text ?? '', /The factory employs 9,000 people\. — reference says 450/);
    const loc = contradicted!.locations![0]!.physicalLocation!;
    assert.equal(loc.artifactLocation!.uri, 'docs/answer.md');
    const start = TEXT.indexOf('The factory');
    assert.deepEqual(loc.region, { startLine: 3, startColumn: 4, endLine: 3, endColumn: 37, charOffset: start, charLength: 33 });
    assert.deepEqual(contradicted!.relatedLocations, [
      { id: 1, physicalLocation: { artifactLocation: { uri: 'refs/facts.md' }, region: { startLine: 3 } }, message: { text: 'The factory employs 450 people.' } },
    ]);
    assert.equal(contradicted!.partialFingerprints?.['claimHash/v1'], claimHash('The factory employs 9,000 people.'));
    assert.equal(unsupported!.level, 'warning');
    assert.deepEqual(unsupported!.relatedLocations, []);
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('carries input problems as tool notifications', () => {
    const withProblem = toSarif(reportOf(report.files, { problems: ['a.md: not found. Check the path'] }), { toolVersion: '1' });
    assert.deepEqual(sarifValidator()(withProblem), []);
    assert.deepEqual(withProblem.runs[0]!.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'error', message: { text: 'a.md: not found. Check the path' } }] }]);
    assert.equal(toSarif(reportOf([], { problems: ['x'] }), { toolVersion: '1' }).runs[0]!.invocations![0]!.executionSuccessful, false);
  });

  it('an outage is no finding: claims not judged open no result, and the run says it did not succeed', () => {
    const down = reportOf([
      {
        path: 'docs/answer.md',
        text: TEXT,
        findings: [finding(TEXT, 'The factory employs 9,000 people.', 'contradicted'), finding(TEXT, 'It opened in 1987.', 'unsupported', { failed: true, reason: 'cannot reach the grader endpoint' })],
      },
    ]);
    const sarif = toSarif(down, { toolVersion: '1' });
    assert.deepEqual(sarifValidator()(sarif), []);
    assert.deepEqual(sarif.runs[0]!.results!.map((r) => r.ruleId), ['claim.contradicted']);
    assert.deepEqual(sarif.runs[0]!.invocations, [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: '1 of 2 claims not judged by the grader: cannot reach the grader endpoint' } }] }]);
    assert.equal(summarize(down).notJudged, 1);
    // A path that named nothing fails the run (exit 2) though the rest was checked: not a successful execution either.
    assert.equal(toSarif(reportOf(report.files, { incomplete: true }), { toolVersion: '1' }).runs[0]!.invocations![0]!.executionSuccessful, false);
  });

  it('percent-encodes paths with spaces', () => {
    const spaced = toSarif(reportOf([{ ...report.files[0]!, path: 'my docs/a#1.md' }]), { toolVersion: '1' });
    assert.equal(spaced.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'my%20docs/a%231.md');
  });
});

describe('--fail-on', () => {
  it('ranks contradicted above unsupported', () => {
    const onlyUnsupported = reportOf([{ ...report.files[0]!, findings: report.files[0]!.findings.filter((f) => f.verdict !== 'contradicted') }]);
    assert.equal(hasFailures(report, 'contradicted'), true);
    assert.equal(hasFailures(onlyUnsupported, 'contradicted'), false);
    assert.equal(hasFailures(onlyUnsupported, 'unsupported'), true);
    assert.equal(hasFailures(report, 'none'), false);
  });
});
