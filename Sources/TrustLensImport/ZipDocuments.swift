import Foundation
import ZIPFoundation

/// The JSON documents inside a zip archive (a Day One export), in archive order.
enum ZipDocuments {
  static func jsonDocuments(in path: String, limit: Int) throws -> [(name: String, bytes: [UInt8])] {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    var documents: [(String, [UInt8])] = []
    for entry in archive where entry.type == .file && entry.path.lowercased().hasSuffix(".json") {
      let name = (entry.path as NSString).lastPathComponent
      guard !name.hasPrefix("."), !entry.path.hasPrefix("__MACOSX") else { continue }
      var bytes: [UInt8] = []
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        if bytes.count <= limit { bytes.append(contentsOf: chunk) }
      }
      documents.append((entry.path, bytes))
    }
    return documents
  }
}
