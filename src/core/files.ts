// One file under several names ("a/../b", a symbolic link, a hard link): documents and references are told apart by
// the file, not by the name, so that a file is read once and a report is never written over one the run reads.
// And a file written whole or not at all (`replaceFile`).
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, fstatSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** What a path names once symbolic links are followed; the path itself where it cannot be resolved (not there yet). */
export function realPath(absolute: string): Promise<string> {
  return realpath(absolute).catch(() => absolute);
}

/**
 * The file `absolute` names, the same under every name it has: its device and inode (a hard link is one more name for
 * the file), or its real path where the file is not there or the system gives it no inode.
 */
export async function fileIdentity(absolute: string): Promise<string> {
  // bigint: inodes (Windows file indexes, ZFS) can pass 2^53.
  const info = await stat(absolute, { bigint: true }).catch(() => undefined);
  return (info && identityOf(info)) ?? realPath(absolute);
}

/** `fileIdentity` of what an open file descriptor writes to (standard output: a file, a pipe, a terminal); undefined where there is none to tell. */
export function descriptorIdentity(fd: number): string | undefined {
  try {
    return identityOf(fstatSync(fd, { bigint: true }));
  } catch {
    return undefined;
  }
}

function identityOf(info: BigIntStats): string | undefined {
  return info.ino !== 0n ? `${info.dev}:${info.ino}` : undefined;
}

/**
 * Whether `absolute` is a file that must not be written: one this process may not write, or one with no write
 * permission at all (made read-only on purpose: root may write it, but the user who made it so expects it kept).
 */
export function isReadOnly(absolute: string): boolean {
  try {
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (!info?.isFile()) return false;
    if ((info.mode & 0o222) === 0) return true;
  } catch {
    return false; // not there (under a file, say): the write says why
  }
  try {
    accessSync(absolute, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** Why a temporary file could not be made beside a file, or renamed over it, where the file itself can be written. */
const IN_PLACE = new Set(['EACCES', 'EPERM', 'EBUSY', 'EXDEV']);

/**
 * Writes `text` to `absolute` whole or not at all: into a hidden temporary file beside it, renamed over it once
 * written, so a run stopped or failing mid-write never leaves a truncated report or cache (the temporary file is
 * removed on failure). A symbolic link is followed (the file it names is replaced, or made, never the link) and a
 * file's mode kept; what is no regular file (/dev/null, a pipe, /dev/stderr), or a file that can be written but not
 * replaced (`IN_PLACE`), is written as it is. A read-only file (`isReadOnly`) is refused (EACCES), not replaced.
 * Synchronous: two writes of one file in a process never interleave.
 */
export function replaceFile(absolute: string, text: string): void {
  // Through the name given: a link to a pipe (/dev/stderr, /dev/fd/3) leads to no path a temporary file could sit beside.
  const info = statSync(absolute, { throwIfNoEntry: false });
  if (info && !info.isFile()) return writeFileSync(absolute, text);
  if (info && isReadOnly(absolute)) throw Object.assign(new Error(`${absolute} is read-only`), { code: 'EACCES' });
  const target = writtenFile(absolute);
  // Not named after the target: a name as long as the file system allows would leave no room for a suffix.
  const tmp = join(dirname(target), `.claimcheck-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    // Set after: a mode given when the file is made loses what the umask takes (0o664 would become 0o644).
    if (info) chmodSync(tmp, info.mode & 0o7777);
    renameSync(tmp, target);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The write's error is the one to tell, not the clean-up's.
    }
    // A report that can be written but not replaced, in place as before rather than not at all: in a folder that
    // lets no file be made (read-only, the report writable), or mounted on its own (a file bind-mounted into a
    // container cannot be renamed over: EBUSY, EXDEV).
    if (info && IN_PLACE.has((err as NodeJS.ErrnoException).code ?? '')) return writeFileSync(target, text);
    throw err;
  }
}

/**
 * The file a write to `absolute` lands in, symbolic links followed: to a file not there yet too (made where the link
 * points, as writing through it does, the link kept); else the name given (not there yet, or a pipe with no path).
 */
function writtenFile(absolute: string): string {
  let path = absolute;
  // A bound, as the system has, for a loop of links (whose write then fails with ELOOP).
  for (let hops = 0; hops < 40; hops++) {
    try {
      return realpathSync(path);
    } catch {
      // Not there, or a link to what is not there: follow it one step.
    }
    try {
      path = resolve(dirname(path), readlinkSync(path));
    } catch {
      return path;
    }
  }
  return path;
}
