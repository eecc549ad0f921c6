#if canImport(Glibc)
  import Glibc
#endif
import Foundation

/// Finds a module's bundled resource folder at run time without `Bundle.module` (which
/// aborts the process when the bundle is missing).
///
/// Looks in the folder named by an environment variable when it is set (and only there);
/// else in the SwiftPM resource bundle beside the real executable (`/proc/self/exe`, links
/// resolved: never the current folder or `argv[0]`, so a `TrustLens_*.resources` folder
/// planted where the binary is run is never used), then in the source tree the module was
/// built from. A folder counts when it holds `marker` and is trusted: it, the bundle folder
/// above it and every file directly in it are owned by this user or root and not writable
/// by group or others. A folder left out is listed in `searched` with the reason.
package enum ResourceLocator {
  package static func folder(
    environment variable: String, bundle: String, subfolder: String, sourceFolder: String, marker: String
  ) -> (found: String?, searched: [String]) {
    if let override = ProcessInfo.processInfo.environment[variable] {
      return firstTrusted([override], marker: marker)
    }
    var candidates: [String] = []
    if let executable = executableFolder() {
      candidates.append(executable + "/" + bundle + "/" + subfolder)
    }
    candidates.append(sourceFolder)
    return firstTrusted(candidates, marker: marker)
  }

  /// The first of `candidates` that holds `marker` and is trusted (see the type), with every
  /// candidate looked at; a candidate that is there but not trusted says why.
  package static func firstTrusted(_ candidates: [String], marker: String) -> (found: String?, searched: [String]) {
    var searched: [String] = []
    for candidate in candidates {
      guard FileManager.default.fileExists(atPath: candidate + "/" + marker) else {
        searched.append(candidate)
        continue
      }
      let files = ((try? FileManager.default.contentsOfDirectory(atPath: candidate)) ?? [marker]).sorted()
      let parts = [URL(fileURLWithPath: candidate).deletingLastPathComponent().path, candidate] + files.map { candidate + "/" + $0 }
      if let problem = parts.lazy.compactMap(untrusted).first {
        searched.append("\(candidate) (ignored: \(problem))")
        continue
      }
      return (candidate, searched + [candidate])
    }
    return (nil, searched)
  }

  /// Why `path` is not trusted, or `nil`: owned by another user than this one or root, or
  /// writable by group or others (links followed: what counts is what is read).
  static func untrusted(_ path: String) -> String? {
    var status = stat()
    guard stat(path, &status) == 0 else { return "cannot read \(path)" }
    if status.st_uid != geteuid() && status.st_uid != 0 { return "\(path) belongs to another user" }
    if status.st_mode & 0o022 != 0 { return "group or others can write \(path)" }
    return nil
  }

  /// The folder of the running executable, from `/proc/self/exe` (Linux), else Foundation's
  /// idea of it (`Bundle.main`, which does not use the current folder either).
  static func executableFolder() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if count > 0 {
      let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      return URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
    return Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
  }
}
