import Crypto
import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensExport

/// Pseudonyms for everything in a run that could name a person: applied to every record as it
/// leaves its importer (a ``RecordTransform``), so no output, message or reject of the run
/// carries a subject id, an author, a file or folder name or a zip entry name from the input.
///
/// - Subject ids become `S-` and 12 hex digits of HMAC-SHA256(key, id); record ids the
///   subject's code and a keyed digest of the id (ids often carry a name); authors `A-…`.
/// - Every source file (the whole path, a zip entry's name included) becomes `F-` and 10 hex
///   digits of HMAC-SHA256(key, path): a source reads `F-3fa9c1d2e0:12`. Codes depend only on
///   the key and the name, never on the order records arrive in.
/// - Notices, which name files in their text, have every known path replaced by its code.
/// Without the key a code cannot be linked to a name; the links are only in the private files
/// (``subjectsCSV``, ``filesCSV``), written outside the output folder.
final class Pseudonyms: RecordTransform {
  private let key: SymmetricKey
  /// Subject id → code, for the private map.
  private(set) var subjects: [String: String] = [:]
  /// Source path → code, for the private map and `rejects.private.csv`.
  private(set) var files: [String: String] = [:]
  /// Code → source path.
  private var filesByCode: [String: String] = [:]

  /// The key from `keyFile`, else from `TRUSTLENS_PSEUDONYM_KEY`.
  /// - Throws: ``PipelineError`` when neither gives a key of at least 16 characters: a
  ///   missing key is an error, never a fallback to plain names.
  init(keyFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PipelineError) {
    var secret: [UInt8]?
    if let keyFile {
      guard let bytes = FileBytes.read(keyFile) else {
        throw PipelineError(file: keyFile, line: nil, "cannot read the pseudonym key file")
      }
      secret = Array(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).utf8)
    } else if let value = environment["TRUSTLENS_PSEUDONYM_KEY"] {
      secret = Array(value.utf8)
    }
    guard let secret, secret.count >= 16 else {
      throw PipelineError(
        "pseudonymize needs a key of at least 16 characters: set pseudonym_key_file: or TRUSTLENS_PSEUDONYM_KEY")
    }
    key = SymmetricKey(data: secret)
  }

  private func digest(_ text: String, bytes: Int) -> String {
    HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key).prefix(bytes).map { String(format: "%02x", $0) }.joined()
  }

  /// The code of a subject id (remembered for the private map).
  func code(for subject: String) -> String {
    if let code = subjects[subject] { return code }
    let code = "S-" + digest(subject, bytes: 6)
    subjects[subject] = code
    return code
  }

  /// The code of a source file (remembered for the private map).
  func code(forFile path: String) -> String {
    if let code = files[path] { return code }
    let code = "F-" + digest("file\u{0}" + path, bytes: 5)
    files[path] = code
    filesByCode[code] = path
    return code
  }

  /// The real path of a file code, for the private rejects file.
  func path(ofFile code: String) -> String? { filesByCode[code] }

  /// A record id under pseudonyms: the subject's code and a keyed digest of the original id.
  func recordID(_ id: String, subject: String) -> String {
    code(for: subject) + "-" + digest("id\u{0}" + id, bytes: 5)
  }

  func hide(_ source: SourceLocation) -> SourceLocation {
    SourceLocation(file: code(forFile: source.file), line: source.line)
  }

  /// A record (analysed text or check-in) with its id, subject and source under pseudonyms.
  func hide<Record: SubjectRecord>(_ record: Record) -> Record {
    var hidden = record
    hidden.id = recordID(record.id, subject: record.subject)
    hidden.subject = code(for: record.subject)
    hidden.source = hide(record.source)
    return hidden
  }

  func hide(_ reject: Reject) -> Reject {
    Reject(source: hide(reject.source), reason: reject.reason, subject: reject.subject.map(code(for:)))
  }

  func hide(author: String?) -> String? { author.map { "A-" + digest("author\u{0}" + $0, bytes: 5) } }

  // MARK: RecordTransform

  func willRead(_ file: InputFile) { _ = code(forFile: file.path) }

  func transform(_ record: ImportedRecord, from file: InputFile) -> ImportedRecord {
    switch record {
    case .entry(let entry):
      var hidden = entry
      hidden.id = recordID(entry.id, subject: entry.subject)
      hidden.subject = code(for: entry.subject)
      hidden.source = hide(entry.source)
      hidden.author = hide(author: entry.author)
      return .entry(hidden)
    case .checkIn(let checkIn): return .checkIn(hide(checkIn))
    case .reject(let reject): return .reject(hide(reject))
    case .analyzed(let analyzed):
      var hidden = hide(analyzed)
      hidden.author = hide(author: analyzed.author)
      return .analyzed(hidden)
    }
  }

  func transform(_ skipped: SkippedFile) -> SkippedFile {
    SkippedFile(path: code(forFile: skipped.path), reason: skipped.reason)
  }

  /// A notice with every known path in it replaced by its code (longest first, so a file's
  /// path wins over its folder's).
  func transform(notice: String) -> String {
    var text = notice
    for path in files.keys.sorted(by: { $0.count > $1.count }) where text.contains(path) {
      text = text.replacingOccurrences(of: path, with: files[path]!)
    }
    return text
  }

  // MARK: The private files

  /// Subject codes and the names they stand for, as CSV (cells neutralised: the map is the
  /// file a therapist opens in a spreadsheet).
  var subjectsCSV: String {
    CSVCell.line(["code", "subject"]) + subjects.sorted { $0.value < $1.value }.map { CSVCell.line([$0.value, $0.key]) }.joined()
  }

  /// File codes and the paths they stand for, as CSV.
  var filesCSV: String {
    CSVCell.line(["code", "file"]) + files.sorted { $0.value < $1.value }.map { CSVCell.line([$0.value, $0.key]) }.joined()
  }
}
