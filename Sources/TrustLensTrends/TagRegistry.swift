import Synchronization
import TrustLensCore

/// Small integer ids for tag names, shared by every timeline in the process, so day buckets
/// count tags in a short array instead of a string-keyed dictionary.
///
/// Ids are internal: they depend on the order tags were first seen and never reach an
/// output (renderers see names). Safe from any thread: the table sits behind a mutex.
package final class TagRegistry: Sendable {
  package static let shared = TagRegistry()

  private struct Table {
    var ids: [String: UInt32] = [:]
    var names: [String] = []
    /// By id: the tag's index in `Taxonomy.negativeEmotions`, or -1.
    var negativeRanks: [Int] = []
  }

  private let table = Mutex(Table())

  /// The id of `name`, assigning the next one on first sight.
  package func id(_ name: String) -> UInt32 { idAndNegativeRank(name).id }

  /// The id of `name` (assigned on first sight) and its index in `Taxonomy.negativeEmotions`
  /// (-1 when it is not one), with one lookup.
  package func idAndNegativeRank(_ name: String) -> (id: UInt32, negativeRank: Int) {
    table.withLock { table in
      if let id = table.ids[name] { return (id, table.negativeRanks[Int(id)]) }
      let id = UInt32(table.names.count)
      let rank = Taxonomy.negativeEmotions.firstIndex(of: name) ?? -1
      table.ids[name] = id
      table.names.append(name)
      table.negativeRanks.append(rank)
      return (id, rank)
    }
  }

  /// The id of `name` if it was ever seen.
  package func existingID(_ name: String) -> UInt32? {
    table.withLock { $0.ids[name] }
  }

  package func name(_ id: UInt32) -> String {
    table.withLock { $0.names[Int(id)] }
  }
}
