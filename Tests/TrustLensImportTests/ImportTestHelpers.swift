import Foundation
import TestSupport
import TrustLensCore
@testable import TrustLensImport

/// Reads one file with the given options and returns every record it yields.
func readAll(
  _ path: String, format: InputFormat = .auto, kind: RecordKind = .auto, subject: SubjectRule = .field,
  zone: String = "America/New_York", folderSubject: String? = nil
) throws -> [ImportedRecord] {
  try readFile(path, options: options(format: format, kind: kind, subject: subject, zone: zone), folderSubject: folderSubject)
    .records
}

/// Import options for tests (zone by name).
func options(
  format: InputFormat = .auto, kind: RecordKind = .auto, subject: SubjectRule = .field, zone: String = "America/New_York"
) -> ImportOptions {
  ImportOptions(format: format, kind: kind, subject: subject, timeZone: TimeZone(identifier: zone)!)
}

/// Everything reading a file gives: records, notices and the file's report.
struct ReadResult {
  var records: [ImportedRecord] = []
  var notices: [ImportNotice] = []
  var report: FileReport

  var entries: [Entry] { records.compactMap(\.entry) }
  var checkIns: [CheckIn] { records.compactMap(\.checkIn) }
  var rejects: [Reject] { records.compactMap(\.reject) }
  var messages: [String] { notices.map(\.message) }

  /// One line per record (kind, line, date, subject, text or reasons), for comparing two
  /// ways of reading the same bytes.
  var summary: [String] {
    records.map { record in
      switch record {
      case .entry(let e): "entry \(e.source.line) \(e.date) \(e.subject) \(e.text) \(e.userTags)"
      case .checkIn(let c): "check-in \(c.source.line) \(c.date) \(c.subject) \(c.held) \(c.ratings.sorted { $0.key < $1.key }) \(c.note ?? "")"
      case .reject(let r): "reject \(r.source.line) \(r.reason)"
      case .analyzed(let a): "analysed \(a.source.line) \(a.id)"
      }
    }
  }
}

/// Reads `path` as the importer does.
func readFile(_ path: String, options: ImportOptions, folderSubject: String? = nil) throws -> ReadResult {
  var result = ReadResult(report: FileReport(path: path))
  result.report = try Importer(options: options).read(
    InputFile(path: path, folderSubject: folderSubject), notice: { result.notices.append($0) },
    emit: { result.records.append($0) })
  return result
}

/// Reads `bytes` as the importer reads standard input when a pipe delivers at most
/// `chunk` bytes per read (`name` stands in for the file's path, so detection sees no
/// extension unless given one).
func readBytes(
  _ bytes: [UInt8], name: String = "-", chunk: Int = .max, bufferSize: Int = 1 << 20, options: ImportOptions
) throws -> ReadResult {
  var fds: [Int32] = [0, 0]
  precondition(pipe(&fds) == 0)
  signal(SIGPIPE, SIG_IGN)  // a reader that stops early closes its end
  let (readEnd, writeEnd) = (fds[0], fds[1])
  let writer = Thread {
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(writeEnd, $0.baseAddress, min($0.count, 1 << 16)) }
      if n <= 0 { break }
      offset += n
    }
    close(writeEnd)
  }
  writer.start()
  var result = ReadResult(report: FileReport(path: name))
  let source = ByteSource(descriptor: readEnd, name: name, owned: true, bufferSize: bufferSize, maxRead: chunk)
  let context = ReadContext(
    file: name, options: options, report: FileReport(path: name), emit: { result.records.append($0) },
    notice: { result.notices.append($0) })
  try Importer(options: options).read(InputFile(path: name, folderSubject: nil), source: source, into: context)
  result.report = context.report
  return result
}

extension ImportedRecord {
  var entry: Entry? { if case .entry(let e) = self { return e } else { return nil } }
  var checkIn: CheckIn? { if case .checkIn(let c) = self { return c } else { return nil } }
  var reject: Reject? { if case .reject(let r) = self { return r } else { return nil } }
}
