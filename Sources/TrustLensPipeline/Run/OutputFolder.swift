import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensExport

/// The folder a run writes into: checked against the inputs, made private, cleared of what a
/// killed run left behind, marked as an output folder (inputs never read it), and tidied when
/// the run fails.
struct OutputFolder {
  let path: String

  /// Prepares `path` for a run reading `inputs`.
  /// - Throws: ``PipelineError`` when the folder is one of the inputs or holds one (the run
  ///   would skip or overwrite its own input), or when it is a folder TrustLens did not make
  ///   and holds files (other than hidden ones and the run's own `state` database with its
  ///   `-wal`, `-shm` and `.lock` companions), unless `force`; ``AtomicFile/WriteError`` when it
  ///   cannot be made or written.
  static func prepare(_ path: String, inputs: [String], state: String? = nil, force: Bool) throws -> OutputFolder {
    let folder = canonical(path)
    for input in inputs where input != "-" && !input.contains(where: { "*?[".contains($0) }) {
      let root = canonical(input)
      if root == folder {
        throw PipelineError("the output folder \(path) is also the input \(input): choose another outputs.dir")
      }
      if root.hasPrefix(folder + "/") {
        throw PipelineError("the output folder \(path) holds the input \(input): choose an outputs.dir outside the inputs")
      }
    }
    let marker = path + "/" + InputFiles.outputMarker
    let own = ownNames(state: state, in: folder)
    if !force, !FileManager.default.fileExists(atPath: marker),
      let names = try? FileManager.default.contentsOfDirectory(atPath: path),
      names.contains(where: { !$0.hasPrefix(".") && !own.contains($0) })
    {
      throw PipelineError(
        "the output folder \(path) holds files TrustLens did not write: choose an empty or new folder, or pass --force")
    }
    try AtomicFile.makeFolder(path)
    guard access(path, W_OK) == 0 else {
      throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
    }
    let output = OutputFolder(path: path)
    output.removeStaleTemporaries()
    try AtomicFile.write("TrustLens output folder: inputs here are skipped.\n", to: marker)
    return output
  }

  /// The names in `folder` that belong to the run's own state database, when it lives there.
  private static func ownNames(state: String?, in folder: String) -> Set<String> {
    guard let state else { return [] }
    let database = canonical(state)
    guard (database as NSString).deletingLastPathComponent == folder else { return [] }
    let name = (database as NSString).lastPathComponent
    return [name, name + "-wal", name + "-shm", name + "-journal", name + ".lock"]
  }

  /// The path of a file in the folder.
  func file(_ name: String) -> String { path + "/" + name }

  /// Runs `body`; if it throws, removes every temporary file it left, so a failed run leaves
  /// the previous outputs as they were.
  func whileWriting<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch {
      removeStaleTemporaries()
      throw error
    }
  }

  /// Removes temporary files a killed run left behind (`.NAME.tmp-PID`), in the output
  /// folder and its subject folders. Finished outputs are never touched.
  func removeStaleTemporaries() {
    guard let names = try? FileManager.default.subpathsOfDirectory(atPath: path) else { return }
    for name in names {
      let last = (name as NSString).lastPathComponent
      if last.hasPrefix(".") && name.contains(".tmp-") {
        unlink(path + "/" + name)
      } else if last == WorkbookRenderer.scratchFolder {
        try? FileManager.default.removeItem(atPath: path + "/" + name)
      }
    }
  }

  /// An absolute path with links resolved as far as the path exists (a folder not made yet
  /// is resolved through its nearest existing parent).
  static func canonical(_ path: String) -> String {
    var absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var missing: [String] = []
    while !FileManager.default.fileExists(atPath: absolute), absolute != "/" {
      missing.insert((absolute as NSString).lastPathComponent, at: 0)
      absolute = (absolute as NSString).deletingLastPathComponent
    }
    let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
    return ([resolved == "/" ? "" : resolved] + missing).joined(separator: "/")
  }
}
