#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive lock (`flock`) on a lock file, held while the value lives; released when it
/// goes or the process ends, however it ends.
///
/// The file is opened or created (mode 0600) without following a link, and must be a
/// regular file with one name: a planted link or hard link is refused, never opened or
/// changed.
package final class LockFile {
  package let path: String
  private let descriptor: Int32

  /// Takes the lock, or throws at once when another process (or another lock in this one)
  /// holds it.
  /// - Parameters:
  ///   - busy: what the error names when the lock is held (the folder or file it guards).
  ///   - reason: what the error says then.
  package init(_ path: String, busy: String, reason: String) throws(AtomicFile.WriteError) {
    self.path = path
    let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      let reason = errno == ELOOP ? "the lock file is a symbolic link; refusing to open it" : String(cString: strerror(errno))
      throw AtomicFile.WriteError(path: path, reason: reason)
    }
    var status = stat()
    guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_nlink == 1, status.st_uid == geteuid(),
      fchmod(fd, 0o600) == 0
    else {
      close(fd)
      throw AtomicFile.WriteError(path: path, reason: "the lock file is not a regular file of this user with one name; refusing it")
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      close(fd)
      throw AtomicFile.WriteError(path: busy, reason: reason)
    }
    descriptor = fd
  }

  deinit { close(descriptor) }  // closing the only descriptor releases the lock
}
