import Foundation

/// One file to import, with the subject its location implies under `subject: folder`.
public struct InputFile: Sendable, Equatable {
  /// The path as the user would recognise it (the input path joined with the relative path).
  public let path: String
  /// The first folder below the input path on the way to the file, if any.
  public let folderSubject: String?

  public init(path: String, folderSubject: String?) {
    self.path = path
    self.folderSubject = folderSubject
  }
}

/// Expands an input path (a file, a folder or a glob, or `-` for standard input) into files.
public enum InputFiles {
  /// The name of the marker file TrustLens leaves in every output folder; folders holding it
  /// are skipped when reading inputs, so a run never reads its own outputs.
  public static let outputMarker = ".trustlens-output"

  /// The files of `path` in a stable order.
  ///
  /// A folder is walked recursively in byte order of names; hidden files and folders and
  /// TrustLens output folders are skipped; symbolic links are followed only when
  /// `followLinks` (otherwise they are listed in `skipped` with a reason).
  /// - Throws: ``ImportError/notFound(path:)`` when nothing exists at `path` (or a glob
  ///   matches nothing); ``ImportError/cannotOpen(path:reason:)`` for an unreadable folder.
  public static func expand(
    _ path: String, followLinks: Bool = false, skipped: inout [String]
  ) throws(ImportError) -> [InputFile] {
    if path == "-" { return [InputFile(path: "-", folderSubject: nil)] }
    if path.contains(where: { "*?[".contains($0) }) {
      let matches = glob(path)
      if matches.isEmpty { throw .notFound(path: path) }
      var files: [InputFile] = []
      for match in matches { files += try expand(match, followLinks: followLinks, skipped: &skipped) }
      return files
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .notFound(path: path)
    }
    guard isDirectory.boolValue else { return [InputFile(path: path, folderSubject: nil)] }
    var files: [InputFile] = []
    var visited = Set<String>()
    try walk(root: path, relative: [], followLinks: followLinks, visited: &visited, into: &files, skipped: &skipped)
    return files
  }

  private static func walk(
    root: String, relative: [String], followLinks: Bool, visited: inout Set<String>, into files: inout [InputFile],
    skipped: inout [String]
  ) throws(ImportError) {
    let folder = ([root] + relative).joined(separator: "/")
    // A folder reached twice (through a symbolic link loop) is read once.
    let canonical = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    guard visited.insert(canonical).inserted else {
      skipped.append("\(folder): already read (a symbolic link loop), skipped")
      return
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw .cannotOpen(path: folder, reason: "cannot list folder (\(describe(error)))")
    }
    if names.contains(outputMarker) {
      skipped.append("\(folder): a TrustLens output folder, skipped")
      return
    }
    for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    where !name.hasPrefix(".") {
      let path = folder + "/" + name
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      let type = attributes?[.type] as? FileAttributeType
      var isDirectory = type == .typeDirectory
      if type == .typeSymbolicLink {
        guard followLinks else {
          skipped.append("\(path): a symbolic link, skipped (set follow_links to read it)")
          continue
        }
        var target: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &target) else {
          skipped.append("\(path): a broken symbolic link, skipped")
          continue
        }
        isDirectory = target.boolValue
      }
      if isDirectory {
        guard relative.count < 64 else {
          skipped.append("\(path): folders nested deeper than 64 levels, skipped")
          continue
        }
        try walk(
          root: root, relative: relative + [name], followLinks: followLinks, visited: &visited, into: &files,
          skipped: &skipped)
      } else {
        files.append(InputFile(path: path, folderSubject: relative.first))
      }
    }
  }

  private static func glob(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0..<Int(result.gl_pathc)).compactMap { index in
      result.gl_pathv[index].map { String(cString: $0) }
    }.sorted()
  }

  private static func describe(_ error: any Error) -> String {
    ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription
      ?? "permission denied or not a folder"
  }
}
