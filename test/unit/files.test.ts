// replaceFile: the one way a report, the predictions or the cache is written (whole or not at all; the CLI's --out
// test makes a write fail part way).
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isReadOnly, replaceFile } from '../../src/core/files';

const folder = (): string => mkdtempSync(join(tmpdir(), 'claimcheck-files-'));

describe('replaceFile', () => {
  it('writes a new file, and replaces an old one, leaving no temporary file beside it', () => {
    const dir = folder();
    replaceFile(join(dir, 'report.txt'), 'first\n');
    assert.equal(readFileSync(join(dir, 'report.txt'), 'utf8'), 'first\n');
    replaceFile(join(dir, 'report.txt'), 'second\n');
    assert.equal(readFileSync(join(dir, 'report.txt'), 'utf8'), 'second\n');
    assert.deepEqual(readdirSync(dir), ['report.txt']);
  });

  it('replaces the file a symbolic link names, not the link, and keeps the file mode', { skip: process.platform === 'win32' }, () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.txt'), 'old\n');
    chmodSync(join(dir, 'real.txt'), 0o600);
    symlinkSync('real.txt', join(dir, 'link.txt'));
    replaceFile(join(dir, 'link.txt'), 'new\n');
    assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink());
    assert.deepEqual(readdirSync(dir).sort(), ['link.txt', 'real.txt']);
    assert.equal(readFileSync(join(dir, 'real.txt'), 'utf8'), 'new\n');
    assert.equal(statSync(join(dir, 'real.txt')).mode & 0o777, 0o600);
  });

  it('writes a file whose name is as long as the file system allows (the temporary name is no longer)', () => {
    const dir = folder();
    const name = `${'r'.repeat(250)}.txt`;
    writeFileSync(join(dir, name), 'old\n');
    replaceFile(join(dir, name), 'new\n');
    assert.equal(readFileSync(join(dir, name), 'utf8'), 'new\n');
    assert.deepEqual(readdirSync(dir), [name]);
    // Control: a new file under such a name is written too.
    replaceFile(join(dir, `${'s'.repeat(250)}.txt`), 'x\n');
    assert.equal(readdirSync(dir).length, 2);
  });

  it('keeps a mode the umask would take away (a report the group may write stays so)', { skip: process.platform === 'win32' }, () => {
    const dir = folder();
    writeFileSync(join(dir, 'shared.txt'), 'old\n');
    chmodSync(join(dir, 'shared.txt'), 0o666);
    replaceFile(join(dir, 'shared.txt'), 'new\n');
    assert.equal(statSync(join(dir, 'shared.txt')).mode & 0o777, 0o666);
    // Control: a new file gets the umask's mode, as any written file does.
    const umask = process.umask();
    replaceFile(join(dir, 'new.txt'), 'x\n');
    assert.equal(statSync(join(dir, 'new.txt')).mode & 0o777, 0o666 & ~umask);
  });

  it('a symbolic link to a file not there yet makes that file, as writing through the link does, and stays a link', { skip: process.platform === 'win32' }, () => {
    const dir = folder();
    mkdirSync(join(dir, 'out'));
    symlinkSync(join('out', 'report.txt'), join(dir, 'report.txt'));
    replaceFile(join(dir, 'report.txt'), 'new\n');
    assert.ok(lstatSync(join(dir, 'report.txt')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'out', 'report.txt'), 'utf8'), 'new\n');
    assert.deepEqual(readdirSync(join(dir, 'out')), ['report.txt']);
  });

  it('refuses a read-only file (EACCES), even to root, and leaves it as it was; a writable one is replaced', { skip: process.platform === 'win32' }, () => {
    const dir = folder();
    writeFileSync(join(dir, 'kept.txt'), 'old\n');
    chmodSync(join(dir, 'kept.txt'), 0o444);
    assert.equal(isReadOnly(join(dir, 'kept.txt')), true);
    assert.throws(() => replaceFile(join(dir, 'kept.txt'), 'new\n'), { code: 'EACCES' });
    assert.equal(readFileSync(join(dir, 'kept.txt'), 'utf8'), 'old\n');
    assert.deepEqual(readdirSync(dir), ['kept.txt']);
    // Controls: writable by its owner only, or not there yet, or under a file: not read-only.
    chmodSync(join(dir, 'kept.txt'), 0o644);
    assert.equal(isReadOnly(join(dir, 'kept.txt')), false);
    assert.equal(isReadOnly(join(dir, 'new.txt')), false);
    assert.equal(isReadOnly(join(dir, 'kept.txt', 'under.txt')), false);
    replaceFile(join(dir, 'kept.txt'), 'new\n');
    assert.equal(readFileSync(join(dir, 'kept.txt'), 'utf8'), 'new\n');
  });

  it('a report in a folder that lets no file be made is written in place, as before; a new file there is still refused', { skip: process.platform === 'win32' }, () => {
    const dir = folder();
    writeFileSync(join(dir, 'report.txt'), 'old\n');
    chmodSync(join(dir, 'report.txt'), 0o666);
    chmodSync(dir, 0o555);
    asAnotherUser(() => replaceFile(join(dir, 'report.txt'), 'new\n'));
    assert.equal(readFileSync(join(dir, 'report.txt'), 'utf8'), 'new\n');
    assert.deepEqual(readdirSync(dir), ['report.txt']);
    assert.throws(() => asAnotherUser(() => replaceFile(join(dir, 'other.txt'), 'x\n')), { code: 'EACCES' });
  });
});

/** Runs `fn` as a user the folder's permissions apply to: root passes them all, so it runs as nobody for the while. */
function asAnotherUser(fn: () => void): void {
  if (process.getuid?.() !== 0) return fn();
  process.seteuid!(65534);
  try {
    fn();
  } finally {
    process.seteuid!(0);
  }
}
