import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensExport

/// The folder a run writes into: checked against the inputs and for files TrustLens did not
/// write, then held as a ``RunFolder`` (private, locked, cleared of what a killed run left
/// behind), marked as an output folder (inputs never read it), and tidied when the run fails.
struct OutputFolder {
  let path: String
  /// The folder held for this run (its lock goes when the last copy of this value does).
  let run: RunFolder

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
    let output = OutputFolder(path: path, run: try RunFolder(path, scratch: WorkbookRenderer.scratchFolder))
    try AtomicFile.write("TrustLens output folder: inputs here are skipped.\n", to: marker)
    return output
  }

  /// The names in `folder` that belong to the run's own state database, when it lives there.
  private static func ownNames(state: String?, in folder: String) -> Set<String> {
    guard let state else { return [] }
    // The database's own name is not resolved: a link planted there is the state's to refuse.
    let name = (state as NSString).lastPathComponent
    guard canonical((state as NSString).deletingLastPathComponent) == folder else { return [] }
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
      run.removeTemporaries(includingOwn: true)
      throw error
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
