import Foundation
import TrustLensCore

/// Expands an input path (a file, a folder or a glob, or `-` for standard input) into files.
///
/// **The client folder of a file** (`subject: folder`) is the first folder below the input's
/// root on the way to the file; a file lying directly in the root belongs to the root folder
/// itself. The root of a folder input is that folder; of a glob, the folder its pattern
/// starts in (the part before the first component with `*`, `?` or `[`); of a file named
/// directly, the folder holding it. So `clients/alice`, `clients/*/journal.jsonl` and
/// `clients/alice/journal.jsonl` all give `alice`, and `clients` gives `alice` for
/// `clients/alice/2026/journal.jsonl`. Standard input has no folder.
///
/// Files met are read or listed as skipped: hidden files and folders, symbolic links (unless
/// followed), TrustLens output folders, FIFOs, devices and sockets (never opened), empty
/// files and types TrustLens does not read (`.docx`, `.pdf`, images, …). A file or folder
/// named directly is followed when it is a link.
package enum InputFiles {
  /// The name of the marker file TrustLens leaves in every output folder; folders holding it
  /// are skipped when reading inputs, so a run never reads its own outputs.
  package static let outputMarker = ".trustlens-output"

  /// How deep a folder walk goes.
  static let maximumDepth = 64

  /// The files of `path` in a stable order (folders in byte order of names), and the files
  /// skipped with their reasons.
  /// - Throws: ``ImportError/notFound(path:)`` when nothing exists at `path` (or a glob
  ///   matches nothing); ``ImportError/cannotOpen(path:reason:)`` for an unreadable folder.
  package static func expand(_ path: String, links: LinkPolicy = .skip) throws(ImportError) -> InputExpansion {
    var expansion = InputExpansion()
    if path == "-" {
      expansion.files = [.standardInput]
      return expansion
    }
    if path.contains(where: { "*?[".contains($0) }) {
      let matches = glob(path)
      if matches.isEmpty { throw .notFound(path: path) }
      let root = globRoot(path)
      var walker = Walker(links: links, rootName: folderName(root), rootReal: realPath(root))
      for match in matches {
        let below = components(of: match, below: root)
        try walker.visit(match, name: fileName(of: match), below: Array(below.dropLast()), into: &expansion)
      }
      return expansion
    }
    var status = stat()
    guard stat(path, &status) == 0 else { throw .notFound(path: path) }
    if status.st_mode & S_IFMT == S_IFDIR {
      var walker = Walker(links: links, rootName: folderName(path), rootReal: realPath(path))
      try walker.walk(path, below: [], into: &expansion)
    } else {
      let holder = (path as NSString).deletingLastPathComponent
      var walker = Walker(links: .followAnywhere, rootName: folderName(holder.isEmpty ? "." : holder), rootReal: nil)
      try walker.visit(path, name: fileName(of: path), below: [], into: &expansion, named: true)
    }
    return expansion
  }

  /// The earlier form: skipped files as notice lines, links followed inside the input.
  package static func expand(
    _ path: String, followLinks: Bool = false, skipped: inout [String]
  ) throws(ImportError) -> [InputFile] {
    let expansion = try expand(path, links: followLinks ? .followInside : .skip)
    skipped += expansion.skipped.map(\.description)
    return expansion.files
  }

  /// Walks folders below one root, collecting files and skips.
  private struct Walker {
    let links: LinkPolicy
    /// The root folder's own name (the subject of files lying directly in it).
    let rootName: String?
    /// The root's real path, for keeping followed links inside it.
    let rootReal: String?
    var visited = Set<String>()

    mutating func walk(_ folder: String, below: [String], into expansion: inout InputExpansion) throws(ImportError) {
      // A folder reached twice (through a symbolic link loop) is read once.
      guard visited.insert(InputFiles.realPath(folder) ?? folder).inserted else {
        expansion.skipped.append(SkippedFile(path: folder, reason: .alreadyRead))
        return
      }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: folder)
      } catch {
        throw .cannotOpen(path: folder, reason: "cannot list folder (\(InputFiles.describe(error)))")
      }
      if names.contains(InputFiles.outputMarker) {
        expansion.skipped.append(SkippedFile(path: folder, reason: .outputFolder))
        return
      }
      for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
        try visit(folder == "/" ? "/" + name : folder + "/" + name, name: name, below: below, into: &expansion)
      }
    }

    /// Decides about one path met in a folder (or named directly, `named`).
    mutating func visit(
      _ path: String, name: String, below: [String], into expansion: inout InputExpansion, named: Bool = false
    ) throws(ImportError) {
      func skip(_ reason: SkipReason) { expansion.skipped.append(SkippedFile(path: path, reason: reason)) }
      if !named && name.hasPrefix(".") { return skip(.hidden) }
      var status = stat()
      guard lstat(path, &status) == 0 else { return skip(.brokenLink) }
      if status.st_mode & S_IFMT == S_IFLNK {
        switch links {
        case .skip: return skip(.symbolicLink)
        case .followInside, .followAnywhere:
          guard stat(path, &status) == 0 else { return skip(.brokenLink) }
          if links == .followInside, let rootReal, let target = InputFiles.realPath(path),
            target != rootReal && !target.hasPrefix(rootReal == "/" ? "/" : rootReal + "/")
          {
            return skip(.linkOutsideInput)
          }
        }
      }
      switch status.st_mode & S_IFMT {
      case S_IFDIR:
        guard below.count < InputFiles.maximumDepth else { return skip(.tooDeep) }
        try walk(path, below: below + [name], into: &expansion)
      case S_IFREG:
        if status.st_size == 0 { return skip(.empty) }
        if let reason = SkipReason.unsupportedType(extension: (name as NSString).pathExtension.lowercased()) {
          return skip(reason)
        }
        expansion.files.append(InputFile(path: path, folderSubject: below.first ?? rootName))
      case S_IFIFO: skip(.notRegularFile(kind: "a FIFO"))
      case S_IFSOCK: skip(.notRegularFile(kind: "a socket"))
      case S_IFCHR, S_IFBLK: skip(.notRegularFile(kind: "a device"))
      default: skip(.notRegularFile(kind: "a special file"))
      }
    }
  }

  /// The folder a glob's pattern starts in: its components before the first with a wildcard.
  static func globRoot(_ pattern: String) -> String {
    let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
    let literal = parts.prefix { !$0.contains(where: { "*?[".contains($0) }) }
    if literal.count == parts.count { return (pattern as NSString).deletingLastPathComponent }
    let root = literal.joined(separator: "/")
    return root.isEmpty ? (pattern.hasPrefix("/") ? "/" : ".") : root
  }

  /// The components of `path` below `root` (a glob's match below the glob's root).
  static func components(of path: String, below root: String) -> [String] {
    let all = path.split(separator: "/").map(String.init)
    let rootParts = root == "." ? [] : root.split(separator: "/").map(String.init)
    guard all.starts(with: rootParts) else { return [fileName(of: path)] }
    return Array(all.dropFirst(rootParts.count))
  }

  /// The name of a folder as a subject (`.` is the current folder's name), or `nil` for `/`.
  static func folderName(_ folder: String) -> String? {
    let name = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.lastPathComponent
    return name.isEmpty || name == "/" ? nil : name
  }

  /// The canonical path (links resolved), or `nil` when it cannot be resolved.
  static func realPath(_ path: String) -> String? {
    guard let resolved = Glibc.realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
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
