import Crypto
import Foundation
import TrustLensCore
import TrustLensImport
import TrustLensExport

/// Stable pseudonyms for subject ids: `S-` and the first 12 hex digits of
/// HMAC-SHA256(key, id). Never a plain hash: without the key a code cannot be linked to a name.
struct Pseudonyms {
  private let key: SymmetricKey
  private(set) var map: [String: String] = [:]

  /// The key from `keyFile`, else from `TRUSTLENS_PSEUDONYM_KEY`.
  /// - Throws: ``PipelineError`` when neither gives a key: a missing key is an error, never
  ///   a fallback to plain names.
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

  /// The code of a subject id (remembered for the private map).
  mutating func code(for subject: String) -> String {
    if let code = map[subject] { return code }
    let mac = HMAC<SHA256>.authenticationCode(for: Data(subject.utf8), using: key)
    let code = "S-" + mac.prefix(6).map { String(format: "%02x", $0) }.joined()
    map[subject] = code
    return code
  }

  /// A record id under pseudonyms: ids often carry the client's name (`alice-2026-03-01`),
  /// so they become the subject's code and a keyed digest of the original id.
  mutating func recordID(_ id: String, subject: String) -> String {
    let mac = HMAC<SHA256>.authenticationCode(for: Data(("id\u{0}" + id).utf8), using: key)
    return code(for: subject) + "-" + mac.prefix(5).map { String(format: "%02x", $0) }.joined()
  }

  /// A source path with every path component equal to a known subject id replaced by its
  /// code (client folders are often named after the client).
  func pseudonymize(path: String) -> String {
    guard !map.isEmpty else { return path }
    return path.split(separator: "/", omittingEmptySubsequences: false).map { map[String($0)] ?? String($0) }
      .joined(separator: "/")
  }

  /// Learns, before reading, the subjects whose ids also appear in paths: client folders
  /// (`subject: folder`) and fixed ids, so no reject or notice can name them.
  mutating func register(_ inputs: [PipelineFile.Input]) {
    for input in inputs {
      switch input.subject {
      case .fixed(let id): _ = code(for: id)
      case .folder:
        var skipped: [String] = []
        for file in (try? InputFiles.expand(input.path, followLinks: input.followLinks, skipped: &skipped)) ?? [] {
          if let folder = file.folderSubject { _ = code(for: folder) }
        }
      case .field: break
      }
    }
  }

  func hide(_ source: SourceLocation) -> SourceLocation {
    SourceLocation(file: pseudonymize(path: source.file), line: source.line)
  }

  /// A record (analysed text or check-in) with its id, subject and source under pseudonyms.
  mutating func hide<Record: SubjectRecord>(_ record: Record) -> Record {
    var hidden = record
    hidden.id = recordID(record.id, subject: record.subject)
    hidden.subject = code(for: record.subject)
    hidden.source = hide(record.source)
    return hidden
  }

  /// The code-to-name map as CSV, for the private file.
  var csv: String {
    // Plain RFC 4180 quoting: the private map is not for spreadsheets.
    "code,subject\r\n" + map.sorted { $0.value < $1.value }.map { "\($0.value),\(CSVCell.quote($0.key))\r\n" }.joined()
  }
}
