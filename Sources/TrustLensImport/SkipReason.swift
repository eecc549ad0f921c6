/// Why a file (or folder) met while reading inputs gives no records: every file met is
/// either read or listed as a ``TrustLensCore/SkippedFile`` with one of these reasons.
package enum SkipReason: Sendable, Hashable {
  /// Its name starts with `.`.
  case hidden
  /// A symbolic link met inside a folder, not followed (`follow_links` is off).
  case symbolicLink
  /// A symbolic link whose target does not exist.
  case brokenLink
  /// A followed link whose target lies outside the input folder.
  case linkOutsideInput
  /// A folder reached a second time through a symbolic link (read once).
  case alreadyRead
  /// A folder holding TrustLens's output marker: a run never reads its own outputs.
  case outputFolder
  /// A FIFO, device or socket (`kind` names which): never opened, so it cannot hang a run.
  case notRegularFile(kind: String)
  /// No bytes at all.
  case empty
  /// A type TrustLens does not read, by its extension (`description` names it and the fix).
  case unsupportedType(String)
  /// Content that is not text (NUL bytes, not UTF-16).
  case binary
  /// Text that matches none of the formats TrustLens reads.
  case unrecognizedText
  /// Folders nested deeper than the walk goes.
  case tooDeep
  /// A zip archive on standard input (its directory is at its end: give the file instead).
  case archiveOnStandardInput
  /// A daily note that holds nothing but front matter and white space.
  case emptyDailyNote

  /// The reason in words, with the fix where there is one.
  package var explanation: String {
    switch self {
    case .hidden: "hidden (its name starts with a dot)"
    case .symbolicLink: "a symbolic link (set follow_links: true to read it)"
    case .brokenLink: "a broken symbolic link"
    case .linkOutsideInput: "a symbolic link to outside the input folder (set follow_links: anywhere to read it)"
    case .alreadyRead: "already read (a symbolic link loop)"
    case .outputFolder: "a TrustLens output folder"
    case .notRegularFile(let kind): "\(kind), not a regular file (pipe it to standard input with - to read it)"
    case .empty: "empty"
    case .unsupportedType(let what): what
    case .binary: "binary content, not text"
    case .unrecognizedText: "text in none of the formats TrustLens reads (name one with format:)"
    case .tooDeep: "folders nested deeper than 64 levels"
    case .archiveOnStandardInput: "a zip archive on standard input (give the file's path instead)"
    case .emptyDailyNote: "a daily note without text"
    }
  }

  /// The reason as a skipped file's `reason`: the explanation, then `, skipped`.
  package var text: String { explanation + ", skipped" }

  /// The reason for a file type TrustLens does not read, by extension (lower case, no dot),
  /// or `nil` for a type it reads or may recognise from the content.
  static func unsupportedType(extension ext: String) -> SkipReason? {
    let fix: String
    switch ext {
    case "docx", "doc", "odt", "rtf", "pages":
      fix = "a word-processor document (.\(ext)): export it as plain text or Markdown"
    case "xlsx", "xls", "xlsm", "ods", "numbers":
      fix = "a spreadsheet (.\(ext)): save it as CSV"
    case "pdf": fix = "a PDF (.pdf): export the text as plain text or Markdown"
    case "png", "jpg", "jpeg", "gif", "heic", "heif", "webp", "tif", "tiff", "bmp", "svg", "raw":
      fix = "an image (.\(ext))"
    case "mp3", "m4a", "wav", "aac", "flac", "ogg", "mp4", "mov", "m4v", "avi", "mkv", "webm":
      fix = "audio or video (.\(ext))"
    case "gz", "tgz", "tar", "bz2", "xz", "7z", "rar", "zst":
      fix = "an archive (.\(ext)): unpack it first (a Day One export .zip is read as it is)"
    case "exe", "dll", "so", "dylib", "o", "a", "bin", "class", "jar", "pyc", "wasm":
      fix = "a program or library (.\(ext))"
    case "sqlite", "sqlite3", "db": fix = "a database (.\(ext)): export its entries as CSV or JSON"
    case "html", "htm", "xml", "epub", "ppt", "pptx", "key", "odp":
      fix = "a .\(ext) file: not a format TrustLens reads (export the entries as text, CSV or JSON)"
    default: return nil
    }
    return .unsupportedType("unsupported type: " + fix)
  }
}
