// Spawns the built CLI. Verdict assertions stick to what any sound grader must say: a sentence copied
// from the reference is supported; a planted wrong number, or a claim the reference never touches, is not.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { claimcheck, claimsOf, CLI, ensureBuilt, FIXTURES, sarifValidator, workspace, type JsonReportOut } from './helpers';

before(ensureBuilt);

const json = (stdout: string): JsonReportOut => JSON.parse(stdout) as JsonReportOut;

describe('claimcheck check: output formats', () => {
  it('text: a clean answer prints only the summary and exits 0', () => {
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs/acme.md'], workspace());
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, '1 file, 2 claims: 2 supported, 0 contradicted, 0 unsupported (grader: offline)\n');
    assert.equal(r.code, 0);
  });

  it('text: a finding is one compiler-style line with the reason indented below, and exit 1', () => {
    const r = claimcheck(['check', 'answers/offtopic.md', '--refs', 'refs/acme.md'], workspace());
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^answers\/offtopic\.md:1:1: warning: unsupported: Penguins drink hot coffee every morning in the Sahara desert\.( \[evidence: refs\/acme\.md:\d+\])?$/);
    assert.match(lines[1]!, /^ {4}\S/);
    assert.match(lines.at(-1)!, /^1 file, 1 claim: 0 supported, 0 contradicted, 1 unsupported \(grader: offline\)$/);
    assert.equal(r.code, 1);
  });

  it('--lang ja: the offline grader gives its reasons in Japanese; another language is a usage error', () => {
    const r = claimcheck(['check', 'answers/bad.md', '--refs', 'refs/acme.md', '--lang', 'ja'], workspace());
    assert.match(r.stdout, /\n {4}参照文書では \S+、主張では \S+\n/);
    const bad = claimcheck(['check', 'answers/bad.md', '--refs', 'refs/acme.md', '--lang', 'de'], workspace());
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--lang must be one of en, ja, not 'de'/);
  });

  it('--lang ja says input problems in Japanese too: a missing reference, a broken config', () => {
    const r = claimcheck(['check', 'answers/bad.md', '--refs', 'refs/acme.md', 'refs/missing.md', '--lang', 'ja', '--fail-on', 'none'], workspace());
    assert.match(r.stderr, /claimcheck: refs\/missing\.md: 見つかりません/);
    const broken = claimcheck(['check', 'answers/bad.md', '--lang', 'ja'], workspace({ '.claimcheck.json': '[]' }));
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^claimcheck: \.claimcheck\.json: JSON オブジェクトでなければなりません/);
  });

  it('citations: a claim is checked against the reference it cites; a wrong citation is flagged, a definition is no claim', () => {
    const dir = workspace({
      'refs/river.md': '# River\n\nThe Blue River is 120 kilometres long.\n',
      'answers/cited.md': 'Acme Widgets was founded in 1987 in Springfield [1]. The Blue River is 120 kilometres long [1].\n\n[1]: ../refs/acme.md\n',
    });
    const r = claimcheck(['check', 'answers/cited.md', '--refs', 'refs', '--format', 'json'], dir);
    const claims = claimsOf(json(r.stdout), 'answers/cited.md');
    assert.deepEqual(claims.map((c) => [c.text, c.verdict]), [
      ['Acme Widgets was founded in 1987 in Springfield [1].', 'supported'],
      ['The Blue River is 120 kilometres long [1].', 'unsupported'],
    ]);
    assert.match(claims[1]!.reason, /the cited reference \(\[1\] \.\.\/refs\/acme\.md\) does not support this, but \.\.\/refs\/river\.md does/);
    assert.equal(r.code, 1);
  });

  it('--coverage: lists the statements of the references a document leaves out, in text and JSON', () => {
    const dir = workspace();
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs/acme.md', '--coverage'], dir);
    assert.equal(r.code, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, -1), [
      'answers/good.md: coverage: states 2 of 4 statements of its references (50%)',
      'refs/acme.md:5:1: note: left out by answers/good.md: Acme sells its widgets in 12 countries.',
      'refs/acme.md:9:1: note: left out by answers/good.md: The Model T widget weighs 3 kilograms.',
    ]);
    const j = JSON.parse(claimcheck(['check', 'answers/good.md', '--refs', 'refs/acme.md', '--coverage', '--format', 'json'], dir).stdout) as JsonReportOut & { files: { coverage?: { statements: number; covered: number; leftOut: { line: number; partly: boolean }[] } }[] };
    assert.deepEqual(j.files[0]!.coverage && [j.files[0]!.coverage.statements, j.files[0]!.coverage.covered, j.files[0]!.coverage.leftOut.map((l) => [l.line, l.partly])], [4, 2, [[5, false], [9, false]]]);
    // SARIF has no place for it: said on stderr rather than silently dropped.
    for (const [lang, note] of [['en', 'claimcheck: note: --coverage has no effect with --format sarif'], ['ja', 'claimcheck: 注: --format sarif には --coverage を載せる場所がない']]) {
      const sarif = claimcheck(['check', 'answers/good.md', '--refs', 'refs/acme.md', '--coverage', '-f', 'sarif', '--lang', lang!], dir);
      assert.equal(sarif.code, 0, sarif.stderr);
      assert.ok(sarif.stderr.startsWith(note!), sarif.stderr);
      assert.equal(sarif.stderr.split('\n').length, 2, sarif.stderr);
    }
    // Without the flag, no coverage.
    assert.doesNotMatch(claimcheck(['check', 'answers/good.md', '--refs', 'refs/acme.md'], dir).stdout, /coverage/);
  });

  it('text: catches the planted wrong number and points at the reference line', () => {
    const r = claimcheck(['check', 'answers/bad.md', '--refs', 'refs'], workspace());
    assert.match(r.stdout, /^answers\/bad\.md:4:1: (error: contradicted|warning: unsupported): The Springfield factory employs 9,000 people\.( \[evidence: refs\/acme\.md:4\])?$/m);
    assert.doesNotMatch(r.stdout, /founded in 1987/);
    assert.equal(r.code, 1);
  });

  it('json: every claim, verbatim sentences supported, the wrong number not, offsets and evidence lines exact', () => {
    const dir = workspace();
    const r = claimcheck(['check', 'answers/good.md', 'answers/bad.md', '--refs', 'refs', '--format', 'json'], dir);
    const report = json(r.stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(report.grader, { id: 'offline', model: null });
    assert.deepEqual(report.files.map((f) => f.path), ['answers/good.md', 'answers/bad.md']);
    const ref = readFileSync(join(dir, 'refs/acme.md'), 'utf8').split('\n');
    for (const file of report.files) {
      const text = readFileSync(join(dir, file.path), 'utf8');
      for (const c of file.claims) {
        assert.equal(text.slice(c.start, c.end), c.text);
        assert.equal(text.split('\n')[c.range.start.line]!.slice(c.range.start.character, c.range.end.character), c.text);
        for (const e of c.evidence) assert.ok(ref[e.line - 1]!.includes(e.quote.slice(0, 20)), `evidence line ${e.line} should hold "${e.quote}"`);
      }
    }
    assert.deepEqual(claimsOf(report, 'answers/good.md').map((c) => c.verdict), ['supported', 'supported']);
    const bad = claimsOf(report, 'answers/bad.md');
    assert.equal(bad.find((c) => c.text.includes('1987'))?.verdict, 'supported');
    assert.notEqual(bad.find((c) => c.text.includes('9,000'))?.verdict, 'supported');
    assert.equal(report.summary.files, 2);
    assert.equal(report.summary.claims, 4);
    assert.equal(report.summary.supported + report.summary.contradicted + report.summary.unsupported, 4);
    assert.equal(report.summary.requests, 0);
    assert.deepEqual(report.summary.problems, []);
  });

  it('json: ranges are 0-based UTF-16 positions in CRLF files with emoji', () => {
    const answer = '# Résumé 🎉\r\n\r\n😀 Acme Widgets was founded in 1987 in Springfield.\r\nThe Springfield factory employs 450 people.\r\n';
    const r = claimcheck(['check', 'crlf.md', '--refs', 'refs', '-f', 'json'], workspace({ 'crlf.md': answer }));
    const claims = claimsOf(json(r.stdout), 'crlf.md');
    const founded = claims.find((c) => c.text.startsWith('Acme'))!;
    assert.equal(founded.start, answer.indexOf('Acme'));
    assert.deepEqual(founded.range.start, { line: 2, character: 3 });
    const employs = claims.find((c) => c.text.startsWith('The Springfield'))!;
    assert.deepEqual(employs.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 43 } });
  });

  it('sarif: valid SARIF 2.1.0 with one result per finding at the claim and the evidence as related locations', () => {
    const r = claimcheck(['check', 'answers', '--refs', 'refs', '--format', 'sarif', '--fail-on', 'none'], workspace());
    assert.equal(r.code, 0);
    const log = JSON.parse(r.stdout);
    assert.deepEqual(sarifValidator()(log), []);
    const results = log.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[];
    const offtopic = results.find((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'answers/offtopic.md');
    assert.equal(offtopic?.ruleId, 'claim.unsupported');
    assert.equal(offtopic?.level, 'warning');
    assert.deepEqual(offtopic?.locations[0]!.physicalLocation.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 62, charOffset: 0, charLength: 61 });
    assert.ok(!results.some((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'answers/good.md'), 'supported claims are not results');
  });

  it('--out writes the report to a file and nothing to stdout', () => {
    const dir = workspace();
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '-f', 'json', '--out', 'report.json'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.equal(json(readFileSync(join(dir, 'report.json'), 'utf8')).summary.claims, 2);
  });

  // The shell's file size limit makes the write fail part way (EFBIG), as a full disk or a run killed mid-write would.
  it('--out is written whole or not at all: a write that fails part way leaves the earlier report, and no temporary file', { skip: process.platform === 'win32' }, () => {
    const dir = workspace();
    const earlier = '{"earlier": "report"}\n';
    writeFileSync(join(dir, 'report.json'), earlier);
    const limited = spawnSync('sh', ['-c', `ulimit -f 2; exec "${process.execPath}" "${CLI}" check answers --refs refs -f json --fail-on none --out report.json`], { cwd: dir, encoding: 'utf8' });
    assert.equal(limited.status, 2, limited.stderr);
    assert.match(limited.stderr, /^claimcheck: cannot write report\.json \(EFBIG\)/m);
    assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), earlier);
    assert.deepEqual(readdirSync(dir).sort(), ['answers', 'refs', 'report.json']);
    // Control: without the limit the report (about 4 KB) replaces the earlier one, and nothing else is left.
    const r = claimcheck(['check', 'answers', '--refs', 'refs', '-f', 'json', '--fail-on', 'none', '--out', 'report.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(readFileSync(join(dir, 'report.json'), 'utf8').length > 2048);
    assert.equal(json(readFileSync(join(dir, 'report.json'), 'utf8')).summary.files, 3);
    assert.deepEqual(readdirSync(dir).sort(), ['answers', 'refs', 'report.json']);
  });

  it('--out - is standard output, not a file named "-"', () => {
    const dir = workspace();
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '-f', 'json', '-o', '-'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(r.stdout).summary.claims, 2);
    assert.equal(existsSync(join(dir, '-')), false);
  });

  it('--out /dev/stdout is standard output too, also where it is a pipe (it was "cannot write /dev/stdout (ENOENT)"); a read-only report is refused before the run', { skip: process.platform !== 'linux' }, () => {
    const dir = workspace();
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '-f', 'json', '--out', '/dev/stdout'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(r.stdout).summary.claims, 2);
    writeFileSync(join(dir, 'report.json'), '{}\n');
    chmodSync(join(dir, 'report.json'), 0o444);
    const ro = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '-f', 'json', '--out', 'report.json'], dir);
    assert.equal(ro.code, 2);
    assert.equal(ro.stderr, 'claimcheck: cannot write report.json: it is read-only. Make it writable, or choose another --out path\n');
    assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), '{}\n');
  });

  it('--out into a folder that does not exist yet makes it, rather than losing the run (QA)', () => {
    const dir = workspace();
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '-f', 'sarif', '--out', 'reports/ci/claims.sarif'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'reports/ci/claims.sarif'), 'utf8')).version, '2.1.0');
  });

  it('--out under a file fails before the run with exit 2, naming the file that is not a folder', () => {
    const dir = workspace();
    for (const out of ['answers/good.md/report.txt', 'answers/good.md/deeper/report.txt']) {
      const r = claimcheck(['check', 'answers/bad.md', '--refs', 'refs', '--out', out], dir, {}, '', 15_000);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, `claimcheck: cannot write ${out}: answers/good.md is a file, not a folder. Choose another --out path\n`);
    }
    const ja = claimcheck(['check', 'answers/bad.md', '--refs', 'refs', '--out', 'answers/good.md/r.txt', '--lang', 'ja'], dir);
    assert.match(ja.stderr, /^claimcheck: answers\/good\.md\/r\.txt に書き込めません: answers\/good\.md はフォルダーではなくファイルです。/);
  });

  it('--out never overwrites what the run reads: a document, a reference or the config named is refused; an earlier report found in the folder is not checked', () => {
    const dir = workspace({ '.claimcheck.json': '{"references": ["refs"]}' });
    const before = (p: string): string => readFileSync(join(dir, p), 'utf8');
    for (const [args, out] of [
      [['check', 'answers/bad.md'], 'answers/bad.md'],
      [['check', 'answers/bad.md', '--refs', 'refs'], './refs/acme.md'],
      [['check', 'answers/bad.md'], '.claimcheck.json'],
    ] as const) {
      const kept = before(out);
      const r = claimcheck([...args, '--out', out], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, `claimcheck: --out ${out} is a file this run reads, and writing there would overwrite it. Name another file for --out\n`);
      assert.equal(before(out), kept, `${out} is as it was`);
    }
    // Twice into the folder it checks: the second run does not check the first one's report as an answer.
    for (let run = 0; run < 2; run++) {
      const r = claimcheck(['check', 'answers', '-f', 'json', '--out', 'answers/report.txt'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(json(before('answers/report.txt')).files.map((f) => f.path), ['answers/bad.md', 'answers/good.md', 'answers/offtopic.md']);
    }
  });

  it('a refused --out is said alone: the config\'s warnings and notes on unused flags wait for a run that goes ahead (QA: they came first)', () => {
    const dir = workspace({ '.claimcheck.json': '{"references": ["refs"], "refrences": []}' });
    mkdirSync(join(dir, 'reports'));
    for (const out of ['answers/bad.md', 'reports']) {
      const r = claimcheck(['check', 'answers/bad.md', '--model', 'gpt-x', '--out', out], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^claimcheck: --out /);
    }
    // Control: a run that goes ahead says them.
    const ran = claimcheck(['check', 'answers/bad.md', '--model', 'gpt-x', '--out', 'report.txt'], dir);
    assert.equal(ran.code, 1, ran.stderr);
    assert.match(ran.stderr, /unknown key "refrences" is ignored/);
    assert.match(ran.stderr, /--model/);
  });

  it('--out never overwrites what the run reads under another name: a hard link or a symbolic link to a document, a reference or the config', () => {
    const dir = workspace({ '.claimcheck.json': '{"references": ["refs"]}' });
    linkSync(join(dir, 'answers/bad.md'), join(dir, 'bad-again.md'));
    linkSync(join(dir, '.claimcheck.json'), join(dir, 'config-again.json'));
    symlinkSync(join(dir, 'refs/acme.md'), join(dir, 'acme-link.md'));
    linkSync(join(dir, 'answers/good.md'), join(dir, 'found-again.md'));
    for (const [args, out, read] of [
      [['check', 'answers/bad.md'], 'bad-again.md', 'answers/bad.md'],
      [['check', 'answers/bad.md'], 'config-again.json', '.claimcheck.json'],
      [['check', 'answers/bad.md', '--refs', 'refs'], 'acme-link.md', 'refs/acme.md'],
    ] as const) {
      const kept = readFileSync(join(dir, read), 'utf8');
      const r = claimcheck([...args, '--out', out], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr, `claimcheck: --out ${out} is a file this run reads, and writing there would overwrite it. Name another file for --out\n`);
      assert.equal(readFileSync(join(dir, read), 'utf8'), kept, `${read} is as it was`);
    }
    // A document found in a folder that --out names under another name is left out, as a report there by its own name is;
    // the report replaces that name (--out is renamed into place), and the document under its own keeps its text.
    const good = readFileSync(join(dir, 'answers/good.md'), 'utf8');
    const r = claimcheck(['check', 'answers', '-f', 'json', '--out', 'found-again.md'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(json(readFileSync(join(dir, 'found-again.md'), 'utf8')).files.map((f) => f.path), ['answers/bad.md', 'answers/offtopic.md']);
    assert.equal(readFileSync(join(dir, 'answers/good.md'), 'utf8'), good);
  });

  it('--out in a folder that cannot be made (under /proc) fails at once with exit 2, rather than spinning for ever', { skip: process.platform !== 'linux' }, () => {
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '--out', '/proc/claimcheck-x/y/report.txt'], workspace(), {}, '', 15_000);
    assert.equal(r.code, 2, `killed after 15 s: ${r.stderr}`);
    assert.match(r.stderr, /^claimcheck: cannot write \/proc\/claimcheck-x\/y\/report\.txt: cannot make the folder \/proc\/claimcheck-x \(E[A-Z]+\)\. Choose an --out path in a folder you can write to\n$/);
  });
});

describe('claimcheck check: exit codes and --fail-on', () => {
  it('exit code follows the verdicts and --fail-on (default unsupported)', () => {
    const dir = workspace();
    const report = json(claimcheck(['check', 'answers', '--refs', 'refs', '-f', 'json'], dir).stdout);
    const verdicts = report.files.flatMap((f) => f.claims.map((c) => c.verdict));
    assert.ok(verdicts.includes('unsupported'));
    const expect = { contradicted: verdicts.includes('contradicted') ? 1 : 0, unsupported: 1, none: 0 };
    for (const [level, code] of Object.entries(expect)) {
      assert.equal(claimcheck(['check', 'answers', '--refs', 'refs', '--fail-on', level], dir).code, code, `--fail-on ${level}`);
    }
    assert.equal(claimcheck(['check', 'answers', '--refs', 'refs'], dir).code, 1);
  });

  it('--fail-on contradicted lets an unsupported claim pass', () => {
    assert.equal(claimcheck(['check', 'answers/offtopic.md', '--refs', 'refs', '--fail-on', 'contradicted'], workspace()).code, 0);
  });

  it('usage errors exit 2 with one line that says what to do', () => {
    const dir = workspace();
    const cases: [string[], RegExp][] = [
      [['check', 'answers/good.md', '--refs', 'refs', '--bogus'], /unknown option '--bogus'.*claimcheck --help/],
      [['check', 'answers/good.md', '--refs', 'refs', '--format', 'xml'], /--format must be one of text, json, sarif, not 'xml'/],
      [['check', 'answers/good.md', '--refs', 'refs', '--fail-on', 'all'], /--fail-on must be one of contradicted, unsupported, none/],
      [['check', 'answers/good.md', '--refs', 'refs', '--grader', 'gpt'], /--grader must be one of offline, openai/],
      [['check', 'answers/good.md', '--refs', 'refs', '--max-requests', 'ten'], /--max-requests must be a whole number \(0 for no limit\)/],
      [['check', 'answers/good.md', '--refs', 'refs', '--max-requests', '-1'], /--max-requests must be a whole number \(0 for no limit\), not '-1'/],
      [['check', 'answers/good.md', '--refs', 'refs', '--timeout', '0'], /--timeout must be a number of seconds above 0, not '0'/],
      // Decimal only: Number() read these as 16 (hexadecimal) and 1000.
      [['check', 'answers/good.md', '--refs', 'refs', '--max-requests', '0x10'], /^claimcheck: --max-requests must be a whole number \(0 for no limit\), not '0x10'$/m],
      [['check', 'answers/good.md', '--refs', 'refs', '--max-requests', '1e3'], /--max-requests must be a whole number \(0 for no limit\), not '1e3'/],
      [['check', 'answers/good.md', '--refs', 'refs', '--timeout', '0x10'], /^claimcheck: --timeout must be a number of seconds above 0, not '0x10'$/m],
      [['check', 'answers/good.md', '--refs', 'refs', '--timeout', 'Infinity'], /--timeout must be a number of seconds above 0, not 'Infinity'/],
      [['--version', 'extra'], /^claimcheck: --version takes no arguments, not 'extra'\. See claimcheck --help$/m],
      [['help', 'lint'], /^claimcheck: there is no help on 'lint': use claimcheck --help, claimcheck --help check or claimcheck --help eval$/m],
      [['--help', '--lang', 'ja', 'extra'], /^claimcheck: 'extra' のヘルプはありません。/m],
      [['-v', '--lang', 'ja', 'check'], /^claimcheck: -v は引数を取りません。'check' は使えません \(claimcheck --help を参照\)$/m],
      // Past Node's 32-bit timers a limit would fire after 1 ms: every request "did not answer within 50000 min".
      [['check', 'answers/good.md', '--refs', 'refs', '--timeout', '3000000'], /^claimcheck: --timeout can be at most 2147483 seconds \(about 24 days\), not '3000000'$/m],
      [['check', '--refs', 'refs'], /no document to check\. Usage/],
      [['check', '--refs', 'refs', 'answers/good.md'], /no document to check \(--refs takes every argument after it: put the documents first/],
      [['check', 'answers/good.md', '--refs', 'refs', '--base-url', '--no-cache'], /option '--base-url' needs a value/],
      // At the end of the line parseArgs says it another way ("option '-o, --out <value>' argument missing"): one way here.
      [['check', 'answers/good.md', '--refs', 'refs', '-o'], /^claimcheck: option '--out' needs a value\. See claimcheck --help$/m],
      [['check', 'answers/good.md', '--refs', 'refs', '--coverage=yes'], /^claimcheck: option '--coverage' takes no value\. See claimcheck --help$/m],
      [['lint', 'a.md'], /unknown command 'lint'/],
    ];
    for (const [args, message] of cases) {
      const r = claimcheck(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  it('an empty path (a shell variable left unset) is a usage error, not the current folder, and says what to name there; so is an empty --max-requests', () => {
    const dir = workspace();
    const pathMeant = 'name the file, folder or glob you mean';
    // --out takes a file (a folder or a glob is refused), or - for standard output (QA: it asked for a folder or glob).
    const outMeant = 'name the file to write, or - for standard output';
    const cases: [string[], string, string][] = [
      // Once: every document in the folder checked; the whole folder read as references; the report on stdout.
      [['check', '', '--refs', 'refs'], 'a path on the command line is empty', pathMeant],
      [['check', 'answers/good.md', '--refs', 'refs', ''], 'the path given to --refs is empty', pathMeant],
      [['check', 'answers/good.md', '--refs', 'refs', '--out', ''], 'the path given to --out is empty', outMeant],
      [['check', 'answers/good.md', '--refs', 'refs', '--config='], 'the path given to --config is empty', 'name the config file to read'],
      [['eval', ''], 'a path on the command line is empty', pathMeant],
      [['eval', 'data.jsonl', '-o', ''], 'the path given to --out is empty', outMeant],
    ];
    for (const [args, said, meant] of cases) {
      const r = claimcheck(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, `claimcheck: ${said} (a shell variable left unset?): ${meant}\n`, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
    assert.equal(claimcheck(['check', 'answers/good.md', '--out', '', '--lang', 'ja'], dir).stderr, 'claimcheck: --out に指定したパスが空です (シェル変数が未設定?)。書き込むファイルを指定してください (標準出力なら -)\n');
    const budget = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '--max-requests', ''], dir);
    assert.equal(budget.code, 2);
    assert.equal(budget.stderr, "claimcheck: --max-requests must be a whole number (0 for no limit), not ''\n");
    assert.match(claimcheck(['eval', '', '--lang', 'ja'], dir).stderr, /^claimcheck: コマンドラインのパスの一つが空です/);
  });

  it('a reader that closes the pipe early (| head) gets no stack trace, and the exit code is still the run\'s', async () => {
    const child = spawn(process.execPath, [CLI, 'check', 'answers', '--refs', 'refs', '-f', 'json'], { cwd: workspace() });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 1);
  });

  it('--help and --version', () => {
    const dir = workspace();
    const help = claimcheck(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /claimcheck check <file\|folder\|glob\|->\.\.\. --refs <file\|folder\|glob>\.\.\./);
    assert.match(help.stdout, /Exit codes: 0 /);
    // The usage says what the README's synopsis says: every command's arguments (stdin "-", several data files too)
    // and every flag, in English and Japanese.
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const synopsis = /## Command line[\s\S]*?```\n([\s\S]*?)```/.exec(readme)![1]!;
    const args = (text: string, command: string): string => new RegExp(`claimcheck ${command} (<[^>]+>\\.*)`).exec(text)?.[1] ?? `no ${command} line`;
    const flags = (text: string): string[] => [...new Set(text.match(/--[a-z][a-z-]*/g))].sort();
    for (const lang of ['en', 'ja']) {
      const usage = claimcheck(['--help', '--lang', lang], dir).stdout;
      for (const command of ['check', 'eval']) assert.equal(args(usage, command), args(synopsis, command), `${lang}: claimcheck ${command}`);
      assert.deepEqual(flags(usage), flags(synopsis), lang);
      // `claimcheck eval` with no data file shows the same arguments as --help.
      assert.equal(args(claimcheck(['eval', '--lang', lang], dir).stderr, 'eval'), args(synopsis, 'eval'), `${lang}: eval with no data`);
      // And `claimcheck check` with no document, standard input's "-" among what it may name.
      assert.equal(args(claimcheck(['check', '--lang', lang], dir).stderr, 'check'), args(synopsis, 'check'), `${lang}: check with no document`);
    }
    assert.equal(claimcheck(['check', '--help'], dir).code, 0);
    assert.match(claimcheck(['help', 'eval', '--lang', 'ja'], dir).stdout, /claimcheck eval/);
    const expected = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
    // --lang, which every command line may carry, is no stray argument.
    for (const argv of [['--version'], ['-v', '--lang', 'ja'], ['--version', '--lang=en']]) {
      const version = claimcheck(argv, dir);
      assert.equal(version.code, 0, argv.join(' '));
      assert.equal(version.stdout.trim(), expected, argv.join(' '));
    }
  });
});

describe('claimcheck check -: standard input', () => {
  const answer = readFileSync(join(FIXTURES, 'answers', 'bad.md'), 'utf8');

  it('checks the text piped in as the document "<stdin>", in every format', () => {
    const dir = workspace();
    const text = claimcheck(['check', '-', '--refs', 'refs'], dir, {}, answer);
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^<stdin>:4:1: error: contradicted: The Springfield factory employs 9,000 people\. \[evidence: refs\/acme\.md:4\]$/m);
    assert.equal(text.stderr, '');
    const both = claimcheck(['check', 'answers/good.md', '-', '--refs', 'refs', '-f', 'json'], dir, {}, answer);
    assert.deepEqual(json(both.stdout).files.map((f) => f.path), ['answers/good.md', '<stdin>']);
    const sarif = claimcheck(['check', '-', '--refs', 'refs', '-f', 'sarif'], dir, {}, answer);
    assert.deepEqual(sarifValidator()(JSON.parse(sarif.stdout)), []);
  });

  it('its references: a comment in it names them relative to the current folder; --refs - is refused', () => {
    const dir = workspace();
    const r = claimcheck(['check', '-'], dir, {}, `<!-- claimcheck: references=refs/acme.md -->\n${answer}`);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^<stdin>:\d+:1: error: contradicted: The Springfield factory employs 9,000 people\./m);
    const refs = claimcheck(['check', 'answers/good.md', '--refs', '-'], dir, {}, answer);
    assert.equal(refs.code, 2);
    assert.equal(refs.stderr, 'claimcheck: standard input (-) can be a document to check, not a reference: save the references to files and name them in --refs\n');
  });

  it('empty or binary input is reported like such a file; /dev/stdin is standard input too', () => {
    const dir = workspace();
    for (const name of ['-', '/dev/stdin']) {
      const empty = claimcheck(['check', name, '--refs', 'refs'], dir);
      assert.equal(empty.code, 2, name);
      assert.match(empty.stderr, /^claimcheck: <stdin>: is empty\. Add text to it, or leave it out$/m, name);
      assert.match(empty.stderr, /nothing could be checked/);
    }
    // Named on the command line as a file is: the others are checked, and the run fails (exit 2).
    const withGood = claimcheck(['check', '-', 'answers/good.md', '--refs', 'refs', '-f', 'json'], dir, {}, '\u0000\u0001\u0002\u0000');
    assert.equal(withGood.code, 2, withGood.stderr);
    assert.match(withGood.stderr, /^claimcheck: <stdin>: looks like a binary file/);
    assert.deepEqual(json(withGood.stdout).files.map((f) => f.path), ['answers/good.md']);
  });

  it('standard input named twice (- -, - and /dev/stdin) is a usage error, for check and eval: it can be read once', () => {
    const dir = workspace();
    const rows = `${JSON.stringify({ reference: 'The factory employs 450 people.', response: 'The factory employs 450 people.' })}\n`;
    const cases: [string[], string][] = [
      [['check', '-', '-', '--refs', 'refs'], 'The factory employs 450 people.\n'],
      [['check', '-', 'answers/good.md', '/dev/stdin', '--refs', 'refs'], 'The factory employs 450 people.\n'],
      [['eval', '-', '-'], rows],
      [['eval', '/dev/stdin', '-', '--out', 'p.jsonl'], rows],
    ];
    for (const [args, input] of cases) {
      const r = claimcheck(args, dir, {}, input);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, 'claimcheck: standard input (- or /dev/stdin) is named more than once, and it can be read only once: name it once\n', args.join(' '));
      assert.equal(r.stdout, '');
    }
    const ja = claimcheck(['eval', '-', '-', '--lang', 'ja'], dir, {}, rows);
    assert.equal(ja.code, 2);
    assert.match(ja.stderr, /^claimcheck: 標準入力 \(- または \/dev\/stdin\) が 2 回以上指定されています/);
  });
});

describe('claimcheck check: bad input', () => {
  // A cloned repository names its files and writes its documents and config: none of it may drive the terminal
  // (escape sequences) or forge a line of a CI log (a `::` workflow command after a line break in a file name).
  it('file names, document text and config keys reach stdout and stderr without control characters or line breaks (security QA)', () => {
    const esc = '\x1b]0;owned\x07\x1b[2J';
    const name = `docs/a${esc}\n::error::forged.md`;
    const dir = workspace({
      [name]: `Penguins ${esc}drink hot coffee every morning in the Sahara desert.\n`,
      '.claimcheck.json': JSON.stringify({ [`x${esc}\n::warning::y`]: 1 }),
    });
    const r = claimcheck(['check', 'docs', '--refs', 'refs/acme.md', `refs/${esc}\n::error::missing.md`], dir);
    assert.equal(r.code, 2, r.stderr);
    for (const out of [r.stdout, r.stderr]) {
      assert.doesNotMatch(out, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
      assert.ok(out.split('\n').every((l) => !l.startsWith('::')), out);
    }
    assert.match(r.stdout, /^docs\/a\]0;owned\[2J ::error::forged\.md:1:1: warning: unsupported: Penguins \]0;owned\[2Jdrink/);
    assert.match(r.stderr, /unknown key "x\]0;owned\[2J ::warning::y" is ignored/);
    assert.match(r.stderr, /refs\/\]0;owned\[2J ::error::missing\.md/);
  });

  it("a broken config's bytes and a data file's dataset names reach the terminal without control characters (security QA)", () => {
    const esc = '\x1b]0;owned\x07\x1b[2J';
    const dir = workspace({
      'docs/a.md': 'Penguins drink hot coffee.\n',
      '.claimcheck.json': `{"references": ["refs/**"] ${esc}\n::error::forged`,
    });
    const broken = claimcheck(['check', 'docs', '--refs', 'refs/acme.md'], dir);
    assert.equal(broken.code, 2, broken.stderr);
    const data = claimcheck(['eval', 'data.jsonl'], workspace({ 'data.jsonl': `${JSON.stringify({ dataset: `d${esc}\n::error::x`, reference: 'A is B.', response: 'A is B.', label: 'supported' })}\n` }));
    for (const out of [broken.stderr, data.stdout, data.stderr]) {
      assert.doesNotMatch(out, /[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
      assert.ok(out.split('\n').every((l) => !l.startsWith('::')), out);
    }
    assert.match(data.stderr, /^d\]0;owned\[2J ::error::x: 1 row/m);
  });

  const oversized = 'The Springfield factory employs 450 people. '.repeat(130_000); // about 5.7 MB, over the 5 MB limit
  const answers: [string, string | Uint8Array, RegExp][] = [
    ['missing.md', '', /missing\.md: not found\. Check the path/],
    ['empty.md', '   \n', /empty\.md: is empty\. /],
    ['binary.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary\.md: looks like a binary file/],
    // Japanese saved as UTF-16 without a BOM: once taken for binary, as its NULs are not every other byte.
    ['utf16.md', Buffer.from('富士山は日本一高い山です。\n', 'utf16le'), /utf16\.md: looks like UTF-16 text without a byte-order mark\. Re-save it as UTF-8/],
    ['latin1.md', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e]), /latin1\.md: is not valid UTF-8 text\. Re-save it as UTF-8/],
    ['big.md', oversized, /big\.md: is [\d.]+ MB, over the 5 MB limit/],
    // Read as Markdown, its markup skipped and most of its text with it, it passed as "1 file, 0 claims" (QA).
    ['answer.html', '<p>The Springfield factory\nemploys 9,000 people.</p>\n', /^claimcheck: answer\.html: is HTML, which is read only as a reference\. Save the answer as Markdown or text to check it, or name it in --refs$/m],
  ];
  for (const [name, content, message] of answers) {
    // A path that names nothing is a mistake in the command; a file named on its own that cannot be used is one the
    // user asked to check: either fails the run (exit 2) once the other files are checked and reported.
    const unmatched = name === 'missing.md' || name === 'answer.html';
    it(`answer ${name}: one line naming the file; exit 2 alone, and exit 2 with the other files still checked`, () => {
      const dir = workspace(name === 'missing.md' ? {} : { [name]: content });
      const alone = claimcheck(['check', name, '--refs', 'refs'], dir);
      assert.equal(alone.code, 2);
      assert.match(alone.stderr, message);
      assert.match(alone.stderr, /nothing could be checked/);
      const withGood = claimcheck(['check', name, 'answers/good.md', '--refs', 'refs', '-f', 'json'], dir);
      assert.equal(withGood.code, 2, withGood.stderr);
      assert.equal(withGood.stderr.trim().split('\n').length, 2, withGood.stderr);
      assert.match(withGood.stderr, message);
      assert.match(
        withGood.stderr,
        unmatched
          ? /^claimcheck: a path of the documents or references named nothing to use \(see above\); the rest was checked$/m
          : /^claimcheck: a document named on the command line could not be checked \(see above\); the rest was checked$/m,
      );
      const report = json(withGood.stdout);
      assert.deepEqual(report.files.map((f) => f.path), ['answers/good.md']);
      assert.equal(report.summary.problems.length, 1);
    });
  }

  it('a named document that cannot be used marks the SARIF run failed and still writes the report to --out', () => {
    const dir = workspace({ 'binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]) });
    const r = claimcheck(['check', 'binary.md', 'answers/good.md', '--refs', 'refs', '-f', 'sarif', '-o', 'out/report.sarif'], dir);
    assert.equal(r.code, 2, r.stderr);
    const run = (JSON.parse(readFileSync(join(dir, 'out', 'report.sarif'), 'utf8')) as { runs: { invocations: { executionSuccessful: boolean }[] }[] }).runs[0]!;
    assert.equal(run.invocations[0]!.executionSuccessful, false);
  });

  // Control: what a folder or a glob finds is not named one by one; a file among them that cannot be used is said only.
  it('a document a folder or a glob finds that cannot be used is said, and the run exits as the others decide', () => {
    const dir = workspace({ 'answers/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), 'answers/empty.md': ' \n' });
    for (const documents of [['answers'], ['answers/*.md'], ['answers/**']]) {
      const r = claimcheck(['check', ...documents, '--refs', 'refs', '-f', 'json', '--fail-on', 'none'], dir);
      assert.equal(r.code, 0, `${documents.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /answers\/binary\.md: looks like a binary file/);
      assert.match(r.stderr, /answers\/empty\.md: is empty/);
      assert.doesNotMatch(r.stderr, /named on the command line/);
      assert.deepEqual(json(r.stdout).files.map((f) => f.path), ['answers/bad.md', 'answers/good.md', 'answers/offtopic.md']);
    }
  });

  it('a mistyped reference path fails the run (exit 2) once the rest is checked, and SARIF says so', () => {
    const dir = workspace();
    for (const refs of [['refs', 'nope-ref.md'], ['refs', 'nomatch/*.md']]) {
      const r = claimcheck(['check', 'answers/good.md', '--refs', ...refs, '--fail-on', 'none', '-f', 'sarif'], dir);
      assert.equal(r.code, 2, refs.join(' '));
      assert.match(r.stderr, /(nope-ref\.md: not found|nomatch\/\*\.md: matches no file)/);
      assert.match(r.stderr, /a path of the documents or references named nothing to use \(see above\); the rest was checked/);
      const run = (JSON.parse(r.stdout) as { runs: { invocations: { executionSuccessful: boolean }[]; results: unknown[] }[] }).runs[0]!;
      assert.equal(run.invocations[0]!.executionSuccessful, false);
    }
    // A document that cannot be read does not hide its references' problems.
    const hidden = claimcheck(['check', 'empty.md', '--refs', 'nothere.md'], workspace({ 'empty.md': '' }));
    assert.equal(hidden.code, 2);
    assert.match(hidden.stderr, /nothere\.md: not found/);
  });

  it('a bad reference is reported and skipped; the good ones still serve', () => {
    const dir = workspace({ 'refs/empty.md': '', 'refs/blob.txt': new Uint8Array([0, 1, 2, 3]) });
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs'], dir);
    assert.match(r.stderr, /refs\/empty\.md: is empty/);
    assert.match(r.stderr, /refs\/blob\.txt: looks like a binary file/);
    assert.match(r.stdout, /2 supported/);
    assert.equal(r.code, 0);
  });

  it('no usable reference: exit 2, saying how to give one', () => {
    const dir = workspace({ 'only/empty.md': '' });
    const none = claimcheck(['check', 'answers/good.md'], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /answers\/good\.md: has no references to check against\. Pass --refs/);
    const missing = claimcheck(['check', 'answers/good.md', '--refs', 'nowhere'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nowhere/);
    const empty = claimcheck(['check', 'answers/good.md', '--refs', 'only/empty.md'], dir);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /only\/empty\.md: is empty/);
    assert.match(empty.stderr, /answers\/good\.md: none of its references could be loaded/);
  });

  it('a glob that matches nothing and a folder without documents are reported', () => {
    const dir = workspace({ 'pics/a.png': 'x' });
    const r = claimcheck(['check', 'nothing/*.md', 'pics', '--refs', 'refs'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nothing\/\*\.md: matches no file/);
    assert.match(r.stderr, /pics: holds no \.md, \.markdown or \.txt file/);
  });
});

describe('claimcheck check: inputs', () => {
  it('folders expand to .md/.markdown/.txt; reference files are never checked as answers', () => {
    const dir = workspace({ 'answers/notes.txt': 'Acme sells its widgets in 12 countries.\n', 'answers/page.html': '<p>x</p>', 'answers/c.markdown': 'Acme sells its widgets in 12 countries.\n' });
    const report = json(claimcheck(['check', '.', '--refs', 'refs', '-f', 'json', '--fail-on', 'none'], dir).stdout);
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['answers/bad.md', 'answers/c.markdown', 'answers/good.md', 'answers/notes.txt', 'answers/offtopic.md']);
  });

  it('a folder or a glob skips hidden files and folders (.github, .venv), as the README says; one named is checked', () => {
    const penguins = 'Penguins drink hot coffee every morning in the Sahara desert.\n';
    const dir = workspace({ 'answers/.github/template.md': penguins, 'answers/.draft.md': penguins, 'refs/.old/acme.md': 'Acme sells its widgets in 40 countries.\n' });
    const found = json(claimcheck(['check', 'answers', 'answers/**/*.md', '--refs', 'refs', '-f', 'json', '--fail-on', 'none'], dir).stdout);
    assert.deepEqual(found.files.map((f) => f.path).sort(), ['answers/bad.md', 'answers/good.md', 'answers/offtopic.md']);
    assert.ok(found.files.every((f) => f.claims.every((c) => c.evidence.every((e) => e.source === 'refs/acme.md'))));
    const named = json(claimcheck(['check', 'answers/.github', 'answers/.draft.md', '--refs', 'refs/.old', '-f', 'json', '--fail-on', 'none'], dir).stdout);
    assert.deepEqual(named.files.map((f) => f.path).sort(), ['answers/.draft.md', 'answers/.github/template.md']);
  });

  it('a reference named as a document is skipped with a note', () => {
    const r = claimcheck(['check', 'refs/acme.md', 'answers/good.md', '--refs', 'refs'], workspace());
    assert.match(r.stderr, /refs\/acme\.md: is one of the references, so it is not checked/);
    assert.match(r.stdout, /^1 file, 2 claims/m);
  });

  it('a folder that holds only references says each one left out before "nothing could be checked"', () => {
    const r = claimcheck(['check', 'refs', '--refs', 'refs'], workspace());
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      'claimcheck: refs/acme.md: is one of the references, so it is not checked as a document',
      'claimcheck: nothing could be checked (see the messages above)',
    ]);
    // Left out silently where something else is checked.
    const mixed = claimcheck(['check', 'refs', 'answers/good.md', '--refs', 'refs'], workspace());
    assert.equal(mixed.code, 0, mixed.stderr);
    assert.equal(mixed.stderr, '');
  });

  it("a folder whose only file is the report --out replaces says it is left out before 'nothing could be checked', in English and Japanese", () => {
    const dir = workspace({ 'out/report.txt': 'An earlier run wrote this.\n' });
    const r = claimcheck(['check', 'out', '--refs', 'refs', '--out', 'out/report.txt'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      "claimcheck: out/report.txt: is the file --out writes (an earlier run's output), so it is not read",
      'claimcheck: nothing could be checked (see the messages above)',
    ]);
    const ja = claimcheck(['check', 'out', '--refs', 'refs', '--out', 'out/report.txt', '--lang', 'ja'], dir);
    assert.match(ja.stderr, /^claimcheck: out\/report\.txt: --out が書き込むファイル \(前回の実行の出力\) なので読みません$/m);
    // Control: left out silently where something else is checked.
    const mixed = claimcheck(['check', 'out', 'answers/good.md', '--refs', 'refs', '--out', 'out/report.txt'], dir);
    assert.equal(mixed.code, 0, mixed.stderr);
    assert.equal(mixed.stderr, '');
  });

  it('globs, and --refs taking several paths', () => {
    const r = claimcheck(['check', 'answers/g*.md', '--refs', 'refs/acme.md', 'refs/acme.md', '-f', 'json'], workspace());
    assert.deepEqual(json(r.stdout).files.map((f) => f.path), ['answers/good.md']);
    assert.equal(r.code, 0);
    // An HTML file a glob finds is said, as one named is, not read as a Markdown answer with no claims.
    const html = claimcheck(['check', 'answers/*', '--refs', 'refs', '-f', 'json', '--fail-on', 'none'], workspace({ 'answers/page.htm': '<p>The factory employs 9,000 people.</p>' }));
    assert.deepEqual(json(html.stdout).files.map((f) => f.path), ['answers/bad.md', 'answers/good.md', 'answers/offtopic.md']);
    assert.match(html.stderr, /^claimcheck: answers\/page\.htm: is HTML, which is read only as a reference\./m);
    assert.equal(html.code, 2);
  });

  it('a file reached twice through links (a link to a folder above, a second name) is checked once', { skip: process.platform === 'win32' }, () => {
    const dir = workspace();
    symlinkSync('..', join(dir, 'answers', 'up'));
    symlinkSync('good.md', join(dir, 'answers', 'alias.md'));
    const r = claimcheck(['check', 'answers', 'answers/alias.md', '--refs', 'refs', '-f', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    // good.md under its own name, not as alias.md; nothing under answers/up/..., refs/acme.md there included.
    assert.deepEqual(json(r.stdout).files.map((f) => f.path), ['answers/bad.md', 'answers/good.md', 'answers/offtopic.md']);
  });

  // A document (a model's answer), a cloned repository's .claimcheck.json or a link in it must not read the rest of
  // the disk into a report, or send it to the grader: only what the command line names may lie outside the folder.
  it('a directive, the config or a link that leads out of the folder reads nothing there; --refs may name such a file (security QA)', { skip: process.platform === 'win32' }, () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'claimcheck-outside-')), 'notes.md');
    writeFileSync(outside, 'The Springfield factory employs 450 people. SECRET_TOKEN=hunter2-very-secret\n');
    const secret = /hunter2|SECRET_TOKEN/;
    const dir = workspace({ 'docs/a.md': 'The Springfield factory employs 450 people.\n' });
    symlinkSync(outside, join(dir, 'docs', 'leak.md'));
    symlinkSync(outside, join(dir, 'refs', 'leak.md'));
    const answer = `<!-- claimcheck: references=${outside} -->\nThe token is set in the notes.\n`;
    const runs = [
      claimcheck(['check', '-', '--refs', 'refs/acme.md', '-f', 'json'], dir, {}, answer),
      claimcheck(['check', 'docs', '-f', 'json'], (writeFileSync(join(dir, '.claimcheck.json'), JSON.stringify({ references: [outside, '../x/**', 'refs/leak.md'] })), dir)),
      claimcheck(['check', 'docs', '--refs', 'refs', '-f', 'sarif'], dir),
    ];
    for (const r of runs) {
      assert.doesNotMatch(r.stdout, secret);
      assert.match(r.stderr, /is outside the folder claimcheck runs in; name it in --refs to read it/, r.stderr);
    }
    // Named by the user on the command line, a file outside the folder is read as before.
    const named = claimcheck(['check', 'docs/a.md', '--refs', outside, '-f', 'json'], dir);
    assert.equal(named.code, 0, named.stderr);
    assert.equal(claimsOf(json(named.stdout), 'docs/a.md')[0]!.evidence[0]!.source, outside);
  });

  it('an inline <!-- claimcheck: references=... --> comment, relative to the document, gives references', () => {
    const dir = workspace({ 'answers/own.md': '<!-- claimcheck: references=../refs/acme.md -->\n\nThe Springfield factory employs 450 people.\n' });
    const r = claimcheck(['check', 'answers/own.md', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const [claim] = claimsOf(json(r.stdout), 'answers/own.md');
    assert.equal(claim?.verdict, 'supported');
    assert.equal(claim?.evidence[0]?.source, 'refs/acme.md');
  });

  it('runs without a terminal show no progress', () => {
    const r = claimcheck(['check', 'answers', '--refs', 'refs'], workspace());
    assert.doesNotMatch(r.stderr, /\r|\[\d+\/\d+\]/);
  });
});

describe('claimcheck check: .claimcheck.json', () => {
  it('references from the config serve when --refs is absent', () => {
    const r = claimcheck(['check', 'answers/good.md'], workspace({ '.claimcheck.json': '{"references": ["refs"]}' }));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2 supported/);
  });

  it('per-document globs choose the references', () => {
    const dir = workspace({ '.claimcheck.json': JSON.stringify({ references: { 'answers/good.md': ['refs/acme.md'] } }) });
    assert.equal(claimcheck(['check', 'answers/good.md'], dir).code, 0);
    const other = claimcheck(['check', 'answers/bad.md'], dir);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /answers\/bad\.md: has no references/);
  });

  it('--config names a file elsewhere; its paths are relative to it', () => {
    const dir = workspace({ 'conf/cc.json': '{"references": ["../refs/acme.md"]}' });
    const r = claimcheck(['check', 'answers/good.md', '--config', 'conf/cc.json', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(claimsOf(json(r.stdout), 'answers/good.md')[0]?.evidence[0]?.source, 'refs/acme.md');
  });

  it('exclude globs skip documents found in folders', () => {
    const r = claimcheck(['check', 'answers', '-f', 'json', '--fail-on', 'none'], workspace({ '.claimcheck.json': '{"references": ["refs"], "exclude": ["**/off*.md"]}' }));
    assert.deepEqual(json(r.stdout).files.map((f) => f.path), ['answers/bad.md', 'answers/good.md']);
  });

  it('include globs choose the documents found in folders; a file named on the command line is checked anyway (QA)', () => {
    const dir = workspace({ '.claimcheck.json': '{"references": ["refs"], "include": ["**/good.md"]}' });
    assert.deepEqual(json(claimcheck(['check', 'answers', '-f', 'json', '--fail-on', 'none'], dir).stdout).files.map((f) => f.path), ['answers/good.md']);
    assert.deepEqual(json(claimcheck(['check', 'answers/bad.md', '-f', 'json', '--fail-on', 'none'], dir).stdout).files.map((f) => f.path), ['answers/bad.md']);
  });

  it('an accepted claim is not graded until its text changes', async () => {
    const { claimHash } = await import('../../src/core/check');
    const dir = workspace({ '.claimcheck.json': JSON.stringify({ references: ['refs'], accepted: [claimHash('Penguins drink hot coffee every morning in the Sahara desert.')] }) });
    const r = claimcheck(['check', 'answers/offtopic.md', 'answers/good.md'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /^2 files, 2 claims: 2 supported/m);
  });

  it('a broken config is an input error naming the file; unknown keys only warn', () => {
    const broken = claimcheck(['check', 'answers/good.md', '--refs', 'refs'], workspace({ '.claimcheck.json': '{"references": "refs"}' }));
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^claimcheck: \.claimcheck\.json: "references" must be a list of paths/);
    const typo = claimcheck(['check', 'answers/good.md', '--refs', 'refs'], workspace({ '.claimcheck.json': '{"refrences": []}' }));
    assert.equal(typo.code, 0);
    assert.match(typo.stderr, /unknown key "refrences" is ignored/);
    const missing = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '--config', 'nope.json'], workspace());
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: not found/);
  });
});

describe('claimcheck check: the openai grader from the CLI', () => {
  it('without a key for a remote endpoint: exit 2 and a clear message', () => {
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '--grader', 'openai'], workspace());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the openai grader needs an API key for https:\/\/api\.openai\.com\/v1: set OPENAI_API_KEY/);
    const config = claimcheck(['check', 'answers/good.md', '--refs', 'refs'], workspace({ '.claimcheck.json': '{"grader": {"kind": "openai"}}' }));
    assert.match(config.stderr, /OPENAI_API_KEY/);
  });

  it('--model, --base-url and --max-requests without --grader openai are said to have no effect', () => {
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '--model', 'gpt-4o', '--base-url', 'http://x.example/v1'], workspace());
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^claimcheck: note: --model, --base-url have no effect with the offline grader; add --grader openai to use an LLM endpoint$/m);
  });

  it('never prints the key, and --no-cache writes no cache', () => {
    const dir = workspace();
    const secret = 'sk-test-DO-NOT-PRINT-1234567890';
    // Port 9 (discard) on loopback: nothing listens, so the grader fails fast, whatever state it is in.
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '--grader', 'openai', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'm', '--no-cache', '-f', 'json'], dir, {
      OPENAI_API_KEY: secret,
    });
    assert.ok([1, 2].includes(r.code ?? -1), `exit ${r.code}: ${r.stderr}`);
    assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), 'the key leaked into the output');
    assert.equal(existsSync(join(dir, '.claimcheck')), false);
  });
});

describe('claimcheck: messages say what a CLI user can do', () => {
  it('no arguments: the usage on stderr and exit 2 (a script that calls it wrongly must not pass)', () => {
    const r = claimcheck([], workspace());
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Usage:\n {2}claimcheck check /);
  });

  it('an oversized reference: split or trim it (the CLI has no flag to raise the limit, and the editor\'s setting is no use here)', () => {
    const dir = workspace({ 'refs/big.md': 'The Springfield factory employs 450 people. '.repeat(130_000) });
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs'], dir);
    assert.match(r.stderr, /^claimcheck: refs\/big\.md: is [\d.]+ MB, over the 5 MB limit\. Split it into smaller files, or trim or convert it to the text that matters$/m);
    assert.doesNotMatch(r.stderr, /raise the size limit|maxFileSizeKB|VS Code/);
    const ja = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '--lang', 'ja'], dir);
    assert.match(ja.stderr, /^claimcheck: refs\/big\.md: サイズが [\d.]+ MB で、上限の 5 MB を超えています。小さなファイルに分けるか、必要なテキストだけに削るか変換してください$/m);
  });

  it('a broken config named by --config: the hint names that file and the README section that exists', () => {
    const r = claimcheck(['check', 'answers/good.md', '--refs', 'refs', '--config', 'cfg/bad.json'], workspace({ 'cfg/bad.json': '{ nope' }));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^claimcheck: cfg\/bad\.json: is not valid JSON \(.*\)\. Fix cfg\/bad\.json \(see the "\.claimcheck\.json" section of the README\)\n$/);
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    assert.match(readme, /^#+ `\.claimcheck\.json`$/m, 'the README section the hint points at');
  });

  it('a device or pipe named as a document or a reference is "not a regular file", not "not found"', { skip: process.platform === 'win32' }, () => {
    const r = claimcheck(['check', '/dev/null', '--refs', 'refs'], workspace());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^claimcheck: \/dev\/null: is not a regular file \(a pipe, device or socket\)\. Save the text to a file and name that file$/m);
    assert.doesNotMatch(r.stderr, /not found/);
    const ref = claimcheck(['check', 'answers/good.md', '--refs', '/dev/null'], workspace());
    assert.equal(ref.code, 2);
    assert.match(ref.stderr, /^claimcheck: \/dev\/null: is not a regular file \(a pipe, device or socket\)\. Save the reference to a file and name that file$/m);
    assert.doesNotMatch(ref.stderr, /not found/);
  });
});
