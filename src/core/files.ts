// One file under several names ("a/../b", a symbolic link, a hard link): documents and references are told apart by
// the file, not by the name, so that a file is read once and a report is never written over one the run reads.
import { realpath, stat } from 'node:fs/promises';

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
  return info && info.ino !== 0n ? `${info.dev}:${info.ino}` : realPath(absolute);
}
