import Foundation
import TrustLensCore

/// Small integer ids for tag names, shared by every timeline in the process, so day buckets
/// count tags in a short array instead of a string-keyed dictionary.
///
/// Ids are internal: they depend on the order tags were first seen and never reach an
/// output (renderers see names).
public final class TagRegistry: @unchecked Sendable {
  public static let shared = TagRegistry()

  private let lock = NSLock()
  private var ids: [String: UInt32] = [:]
  private var names: [String] = []
  /// By id: the tag's index in `Taxonomy.negativeEmotions`, or -1.
  private var negativeRanks: [Int] = []

  /// The id of `name`, assigning the next one on first sight.
  public func id(_ name: String) -> UInt32 { idAndNegativeRank(name).id }

  /// The id of `name` (assigned on first sight) and its index in `Taxonomy.negativeEmotions`
  /// (-1 when it is not one), with one lookup.
  public func idAndNegativeRank(_ name: String) -> (id: UInt32, negativeRank: Int) {
    lock.lock()
    defer { lock.unlock() }
    if let id = ids[name] { return (id, negativeRanks[Int(id)]) }
    let id = UInt32(names.count)
    let rank = Taxonomy.negativeEmotions.firstIndex(of: name) ?? -1
    ids[name] = id
    names.append(name)
    negativeRanks.append(rank)
    return (id, rank)
  }

  /// The id of `name` if it was ever seen.
  public func existingID(_ name: String) -> UInt32? {
    lock.lock()
    defer { lock.unlock() }
    return ids[name]
  }

  public func name(_ id: UInt32) -> String {
    lock.lock()
    defer { lock.unlock() }
    return names[Int(id)]
  }
}

/// How many texts of a period carried one tag, and their summed intensity.
public struct TagTally: Sendable, Equatable {
  public var id: UInt32
  public var count: Int32
  public var intensity: Double
}
