import TrustLensCore
import TrustLensExport

/// Every reject of a run: all of them in `rejects.csv` (`file,line,reason`), the first
/// ``kept`` of them for the workbook, and — with pseudonyms — all of them again with their
/// real paths in the private `rejects.private.csv`, so the files to fix can be found.
final class RejectsSink: RecordSink {
  /// At most this many rejects are kept for the workbook; all go to the files.
  static let keptLimit = 10_000

  let path: String?
  private let stream: FileSink?
  let privatePath: String?
  private let privateStream: FileSink?
  private let pseudonyms: Pseudonyms?
  private(set) var kept: [Reject] = []

  /// - Parameters:
  ///   - path: `rejects.csv`, or `nil` when the format is not asked for.
  ///   - privatePath: `rejects.private.csv`, written only with pseudonyms.
  init(path: String?, privatePath: String?, pseudonyms: Pseudonyms?) throws {
    self.path = path
    self.pseudonyms = pseudonyms
    self.privatePath = pseudonyms == nil ? nil : privatePath
    stream = try path.map { try FileSink(path: AtomicFile.temporaryPath(for: $0)) }
    privateStream = try self.privatePath.map { try FileSink(path: AtomicFile.temporaryPath(for: $0)) }
    for sink in [stream, privateStream] { try sink?.write(CSVCell.line(["file", "line", "reason"])) }
  }

  func rejected(_ reject: Reject) throws {
    if kept.count < RejectsSink.keptLimit { kept.append(reject) }
    try stream?.write(CSVCell.line([reject.source.file, String(reject.source.line), reject.reason]))
    if let privateStream, let pseudonyms {
      let file = pseudonyms.path(ofFile: reject.source.file) ?? reject.source.file
      try privateStream.write(CSVCell.line([file, String(reject.source.line), reject.reason]))
    }
  }

  /// Renames the finished files into place.
  func commit() throws {
    if let stream, let path { try AtomicFile.commit(stream, to: path) }
    if let privateStream, let privatePath { try AtomicFile.commit(privateStream, to: privatePath) }
  }
}
