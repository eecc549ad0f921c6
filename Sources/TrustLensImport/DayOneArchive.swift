import Foundation
import TrustLensCore
import ZIPFoundation

/// Reads every `.json` document inside a Day One export `.zip` (sources read
/// `export.zip:Journal.json:LINE`), one at a time, each inflated as it streams into the Day
/// One reader: nothing is held but the entry being read.
///
/// Inflation stops, and the document is rejected, once it passes 512 MiB, grows past 100
/// times its compressed size (beyond its first 16 MiB), or the archive's documents together
/// pass 2 GiB (``Limits``): a zip bomb costs at most that much
/// reading, never memory.
struct DayOneArchive {
  /// Where inflation stops.
  struct Limits {
    var maxDocumentSize: Int64 = 512 << 20
    var maxArchiveSize: Int64 = 2 << 30
    var maxRatio: Int64 = 100
    var ratioFloor: Int64 = 16 << 20
  }

  let context: ReadContext
  let folderSubject: String?
  var limits = Limits()

  /// Inflation stopped at a cap.
  private struct Cap: Error {
    let reason: String
  }

  /// An error of the record handlers, carried through the archive's reading unchanged.
  private struct Passed: Error {
    let error: any Error
  }

  func read(path: String) throws {
    context.report.format = .dayone
    context.report.formatOrigin = .file
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      return try context.reject(line: 1, "not a readable zip archive")
    }
    var documents = 0
    var inflatedTotal: Int64 = 0
    for entry in archive where entry.type == .file && entry.path.lowercased().hasSuffix(".json") {
      let name = (entry.path as NSString).lastPathComponent
      guard !name.hasPrefix("."), !entry.path.hasPrefix("__MACOSX") else { continue }
      documents += 1
      let document = context.document(named: "\(path):\(entry.path)")
      let reader = DayOneReader(builder: RecordBuilder(context: document, subjectFromPath: folderSubject))
      var stream = DayOneStream(maxElement: DayOneReader.maxEntrySize)
      var inflated: Int64 = 0
      let compressed = Int64(entry.compressedSize)
      var complete = false
      do {
        _ = try archive.extract(entry, skipCRC32: false) { chunk in
          inflated += Int64(chunk.count)
          inflatedTotal += Int64(chunk.count)
          if inflated > limits.maxDocumentSize {
            throw Cap(reason: "document inflates past 512 MiB; not read further")
          }
          if inflated > limits.ratioFloor && inflated > limits.maxRatio * max(compressed, 1) {
            throw Cap(reason: "document inflates past \(limits.maxRatio) times its compressed size (a zip bomb?); not read further")
          }
          if inflatedTotal > limits.maxArchiveSize {
            throw Cap(reason: "the archive inflates past 2 GiB; not read further")
          }
          do {
            try chunk.withUnsafeBytes { raw in try stream.feed(raw.bindMemory(to: UInt8.self), reader.handle) }
          } catch {
            throw Passed(error: error)
          }
        }
        complete = true
      } catch let passed as Passed {
        throw passed.error
      } catch let cap as Cap {
        try document.reject(line: stream.line, cap.reason)
      } catch {
        try document.reject(line: stream.line, "cannot inflate the document (a damaged archive)")
      }
      if complete { try stream.finish(reader.handle) }
      context.absorb(document)
      if inflatedTotal > limits.maxArchiveSize { break }
    }
    if documents == 0 { try context.reject(line: 1, "no Day One JSON document in the archive") }
  }
}
