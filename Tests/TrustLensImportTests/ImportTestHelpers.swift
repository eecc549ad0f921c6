import Foundation
import TestSupport
import TrustLensCore
import TrustLensImport

/// Reads one file with the given options and returns every record it yields.
func readAll(
  _ path: String, format: InputFormat = .auto, kind: RecordKind = .auto, subject: SubjectRule = .field,
  zone: String = "America/New_York", folderSubject: String? = nil
) throws -> [ImportedRecord] {
  let importer = Importer(
    options: ImportOptions(format: format, kind: kind, subject: subject, timeZone: TimeZone(identifier: zone)!))
  var records: [ImportedRecord] = []
  try importer.read(InputFile(path: path, folderSubject: folderSubject)) { records.append($0) }
  return records
}

extension ImportedRecord {
  var entry: Entry? { if case .entry(let e) = self { return e } else { return nil } }
  var checkIn: CheckIn? { if case .checkIn(let c) = self { return c } else { return nil } }
  var reject: Reject? { if case .reject(let r) = self { return r } else { return nil } }
}
