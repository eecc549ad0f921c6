import Foundation
import TrustLensCore
import TrustLensImport

/// The rules for `--out FILE` of the commands: a command never writes to one of its inputs,
/// nor into an input folder (the file would be read as input next time), and never replaces a
/// file it did not make unless `--force` is given. A file "TrustLens made" is recognised by
/// its first bytes: an empty file, analysed lines, the `analyze --format csv|table` header or
/// a `trends` JSON array or table.
package enum OutputTarget {
  /// Checks that `path` may be written by a command reading `inputs`.
  /// - Throws: ``PipelineError`` naming the path and the input it would overwrite, or the
  ///   foreign file it would replace.
  package static func check(_ path: String, inputs: [String], force: Bool) throws(PipelineError) {
    let target = OutputFolder.canonical(path)
    for input in inputs where input != "-" {
      var skipped: [String] = []
      let root = OutputFolder.canonical(input)
      if target == root {
        throw PipelineError("--out \(path) is the input \(input): a command never writes over its input")
      }
      if target.hasPrefix(root + "/") {
        throw PipelineError("--out \(path) lies inside the input folder \(input): it would be read as input next time; write it elsewhere")
      }
      // Globs: the files they name now.
      for file in (try? InputFiles.expand(input, skipped: &skipped)) ?? [] where OutputFolder.canonical(file.path) == target {
        throw PipelineError("--out \(path) is the input \(file.path): a command never writes over its input")
      }
    }
    // A new file, or not a regular file: links, devices and pipes are FileSink.replacing's to
    // judge (a link is refused, /dev/stdout and pipes are written as given).
    var status = stat()
    guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return }
    if !force && !looksMadeByTrustLens(path) {
      throw PipelineError("--out \(path) exists and was not written by TrustLens: pass --force to replace it")
    }
  }

  /// The starts of the files the commands write.
  static let knownStarts = ["{\"id\":", "id,subject,date,kind,words,valence", "date                      subject", "[{\"subject\":", "[]", "subject       status"]

  static func looksMadeByTrustLens(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = String(decoding: (try? handle.read(upToCount: 64)) ?? Data(), as: UTF8.self)
    return head.isEmpty || knownStarts.contains { head.hasPrefix($0) }
  }
}
