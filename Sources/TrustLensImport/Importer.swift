public import TrustLensCore
import Foundation

/// Reads input files of any supported format into records, one at a time.
///
/// Every record of a file ends as exactly one ``TrustLensCore/ImportedRecord``: an entry, a
/// check-in or a reject with file, line and reason. Problems with a file as a whole (cannot
/// be opened or read) are thrown.
public struct Importer: Sendable {
  public let options: ImportOptions

  public init(options: ImportOptions) {
    self.options = options
  }

  /// Reads `file`, handing each record to `emit` in file order.
  /// - Throws: ``ImportError`` for a file that cannot be opened, read, or whose format is not
  ///   supported; whatever `emit` throws.
  public func read(_ file: InputFile, emit: (ImportedRecord) throws -> Void) throws {
    let source = try ByteSource(path: file.path)
    let format = options.format == .auto ? try FormatDetector.detect(path: file.path) : options.format
    let builder = RecordBuilder(file: file.path, subjectFromPath: file.folderSubject, options: options)
    switch format {
    case .jsonl:
      try JSONLinesReader(builder: builder, kind: options.kind).read(source, emit: emit)
    case .csv:
      try DelimitedReader(builder: builder, kind: options.kind, delimiter: UInt8(ascii: ",")).read(source, emit: emit)
    case .tsv:
      try DelimitedReader(builder: builder, kind: options.kind, delimiter: UInt8(ascii: "\t")).read(source, emit: emit)
    case .auto, .jrnl, .markdown, .dayone, .daylio:
      throw ImportError.unsupportedFormat(path: file.path, format: format.rawValue)
    }
  }
}

/// Decides a file's format from its extension, then from its first bytes.
enum FormatDetector {
  static func detect(path: String) throws(ImportError) -> InputFormat {
    switch (path as NSString).pathExtension.lowercased() {
    case "jsonl", "ndjson": return .jsonl
    case "csv": return .csv
    case "tsv", "tab": return .tsv
    case "txt": return .jrnl
    case "md", "markdown": return .markdown
    case "json", "zip": return .dayone
    default: return try sniff(path: path)
    }
  }

  /// Looks at the first line: `{` means JSON Lines, a tab TSV, a comma CSV.
  private static func sniff(path: String) throws(ImportError) -> InputFormat {
    let source = try ByteSource(path: path, bufferSize: 4096)
    var lines = LineReader(source: source, maxLength: 4096)
    guard let first = try lines.next(), !first.tooLong else { return .jsonl }
    let text = String(decoding: first.bytes, as: UTF8.self)
    if text.hasPrefix("{") { return .jsonl }
    if text.hasPrefix("[") { return .jrnl }
    if text.hasPrefix("#") { return .markdown }
    if text.contains("\t") { return .tsv }
    return .csv
  }
}
