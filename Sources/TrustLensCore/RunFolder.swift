#if canImport(Glibc)
  import Glibc
#endif
import Foundation

/// The folder a run writes its outputs into, held by that run alone while the value lives.
///
/// Opening one makes the folder (0700) if it is missing and refuses one that another user
/// could plant files or links in (``prepare(_:)``, also used for the run state's folder);
/// takes an exclusive lock on `FOLDER/.trustlens.lock` (a second run into the same folder is
/// a clear error instead of two runs deleting each other's temporary files); and removes
/// what killed runs left behind: TrustLens's own temporaries whose process has ended
/// (``AtomicFile/temporaryOwner(_:)``) and the named scratch folder, in the folder and its
/// subject folders — nothing else, and nothing deeper. Subject folders are made by
/// ``makeSubfolder(_:)``, which refuses links.
///
/// The pipeline's output-folder logic (checks against the inputs, the marker file) holds one
/// of these; this type knows nothing of pipelines.
package final class RunFolder {
  package let path: String
  private let scratch: String?
  private let lock: LockFile

  /// The lock file's name inside the folder.
  package static let lockName = ".trustlens.lock"

  /// - Parameter scratch: the name of a scratch folder runs make in the output and subject
  ///   folders (the workbook's), removed when found: only a run holding the lock makes one.
  package init(_ path: String, scratch: String? = nil) throws(AtomicFile.WriteError) {
    self.path = path
    self.scratch = scratch
    try RunFolder.prepare(path)
    lock = try LockFile(
      path + "/" + RunFolder.lockName, busy: path,
      reason: "another TrustLens run is writing into this folder; try again when it has finished")
    removeTemporaries(includingOwn: false)
  }

  /// Removes the stale temporaries and scratch folders of the output folder and of its
  /// subject folders (the real folders directly inside it; links are not followed). With
  /// `includingOwn` (a run that failed, tidying up), this process's temporaries too.
  package func removeTemporaries(includingOwn: Bool) {
    var folders = [path]
    if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
      for name in names.sorted() where !name.hasPrefix(".") {
        var status = stat()
        if lstat(path + "/" + name, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { folders.append(path + "/" + name) }
      }
    }
    for folder in folders {
      AtomicFile.removeStaleTemporaries(in: folder, includingOwn: includingOwn)
      if let scratch { RunFolder.removeScratch(folder + "/" + scratch) }
    }
  }

  /// Makes `path` (and missing parents, 0700) or checks the folder there, for a folder the
  /// user named (a run's output folder, the run state's folder; a link the user made is
  /// followed). Refused, with the reason: a folder that group or others can write — another
  /// user could plant links there that the run would write through — and one owned by
  /// another user (root excepted). An existing folder's mode is otherwise left as it is:
  /// the run's files are 0600 and its folders 0700 whatever the folder's mode.
  package static func prepare(_ path: String) throws(AtomicFile.WriteError) {
    try AtomicFile.makeFolder(path)
    var status = stat()
    guard stat(path, &status) == 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
    guard (status.st_mode & S_IFMT) == S_IFDIR else { throw AtomicFile.WriteError(path: path, reason: "it is not a folder") }
    if status.st_mode & 0o022 != 0 {
      throw AtomicFile.WriteError(
        path: path,
        reason: "group or others can write this folder, so another user could plant links in it (chmod go-w it, or choose a private folder)")
    }
    if status.st_uid != geteuid() && status.st_uid != 0 {
      throw AtomicFile.WriteError(
        path: path, reason: "the folder belongs to another user (uid \(status.st_uid)), who could plant links in it; choose a folder of your own")
    }
    guard access(path, W_OK) == 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
  }

  /// Makes the folder `path` (one level, inside a prepared folder; mode 0700) or checks the
  /// one there, for a subject's outputs. A symbolic link there is refused, never followed
  /// (a planted `out/c01 -> /elsewhere` would put a client's files elsewhere); so is a
  /// folder of another user; one of ours that group or others can read or write is made 0700.
  package static func makeSubfolder(_ path: String) throws(AtomicFile.WriteError) {
    if mkdir(path, 0o700) != 0 && errno != EEXIST {
      throw AtomicFile.WriteError(path: path, reason: "cannot create folder: \(String(cString: strerror(errno)))")
    }
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      let reason = errno == ELOOP || errno == ENOTDIR
        ? "it is a symbolic link or not a folder; refusing to write a subject's files through it"
        : String(cString: strerror(errno))
      throw AtomicFile.WriteError(path: path, reason: reason)
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
    guard status.st_uid == geteuid() else {
      throw AtomicFile.WriteError(path: path, reason: "the folder belongs to another user (uid \(status.st_uid))")
    }
    if status.st_mode & 0o077 != 0, fchmod(fd, 0o700) != 0 {
      throw AtomicFile.WriteError(path: path, reason: "cannot make the folder private: \(String(cString: strerror(errno)))")
    }
  }

  /// Removes a scratch folder and the files directly in it; a link there is only unlinked.
  private static func removeScratch(_ path: String) {
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    guard (status.st_mode & S_IFMT) == S_IFDIR else {
      unlink(path)
      return
    }
    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { unlink(path + "/" + name) }
    rmdir(path)
  }
}
