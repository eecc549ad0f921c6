import Foundation
import Glibc

/// A set of 64-bit keys (the hashes duplicate detection remembers), smaller than
/// `Set<UInt64>` and without its growth spikes.
///
/// Keys are spread over 64 shards by the top bits of their mixed value; each shard is an
/// open-addressing table filled to 85% and grown by half. `Set` keeps a power of two at most
/// 75% full and doubles, holding the old and the new table at once while it copies. With two
/// keys per record this is most of what a run's memory grows by with the number of records
/// (1M records: ~20 MB instead of ~32 MB). A shard grows alone, so a growth needs 1/64 of
/// the set extra; and shards live in their own anonymous mappings, so an outgrown table
/// goes back to the system at once instead of staying behind as free heap.
///
/// When the system gives no memory for a table (`mmap` fails: `ulimit -v`, a container's
/// limit), ``insert(_:)`` throws ``OutOfMemory``; the set is left as it was.
final class KeySet {
  /// The system refused the memory for a table.
  struct OutOfMemory: Error, LocalizedError {
    let bytes: Int
    var errorDescription: String? {
      "duplicate detection: the system gave no memory for \(bytes) bytes (a memory limit such as ulimit -v?)"
    }
  }

  /// One open-addressing table in its own mapping; 0 marks an empty slot.
  private struct Shard {
    var slots: UnsafeMutableBufferPointer<UInt64>
    var count = 0
  }

  private static let shardBits = 6
  private var shards: [Shard]
  /// The slots a shard's first table has.
  private let firstShardSlots: Int
  /// The key 0 itself, which cannot be stored in a slot.
  private var hasZero = false
  private(set) var count = 0

  /// `capacity`: keys expected, spread over the shards (at least 512 slots each: one page).
  /// Nothing is mapped yet: a shard gets its table with its first key, so a small run (one
  /// short file) maps only the shards its keys fall in.
  init(capacity: Int = 1024) {
    firstShardSlots = max(512, capacity >> KeySet.shardBits)
    shards = Array(repeating: Shard(slots: UnsafeMutableBufferPointer(start: nil, count: 0)), count: 1 << KeySet.shardBits)
  }

  deinit {
    for shard in shards where !shard.slots.isEmpty { KeySet.unmap(shard.slots) }
  }

  func contains(_ key: UInt64) -> Bool {
    if key == 0 { return hasZero }
    let mixed = KeySet.mix(key)
    let slots = shards[KeySet.shard(mixed)].slots
    if slots.isEmpty { return false }
    var slot = KeySet.home(mixed, slots.count)
    while true {
      let stored = slots[slot]
      if stored == key { return true }
      if stored == 0 { return false }
      slot = slot + 1 == slots.count ? 0 : slot + 1
    }
  }

  /// Adds `key`; returns false when it was there already.
  @discardableResult
  func insert(_ key: UInt64) throws(OutOfMemory) -> Bool {
    if key == 0 {
      defer { hasZero = true }
      if !hasZero { count += 1 }
      return !hasZero
    }
    let mixed = KeySet.mix(key)
    let shard = KeySet.shard(mixed)
    if (shards[shard].count + 1) * 100 > shards[shard].slots.count * 85 { try grow(shard) }
    guard KeySet.place(key, mixed, in: shards[shard].slots) else { return false }
    shards[shard].count += 1
    count += 1
    return true
  }

  private func grow(_ shard: Int) throws(OutOfMemory) {
    let old = shards[shard].slots
    let larger = try KeySet.map(old.isEmpty ? firstShardSlots : old.count + old.count / 2)
    for key in old where key != 0 { KeySet.place(key, KeySet.mix(key), in: larger) }
    shards[shard].slots = larger
    if !old.isEmpty { KeySet.unmap(old) }
  }

  /// Puts `key` in its probe sequence; false when it is already there.
  @discardableResult
  private static func place(_ key: UInt64, _ mixed: UInt64, in slots: UnsafeMutableBufferPointer<UInt64>) -> Bool {
    var slot = home(mixed, slots.count)
    while true {
      let stored = slots[slot]
      if stored == key { return false }
      if stored == 0 {
        slots[slot] = key
        return true
      }
      slot = slot + 1 == slots.count ? 0 : slot + 1
    }
  }

  /// Zeroed slots in a private anonymous mapping (whole pages; untouched pages cost nothing).
  private static func map(_ count: Int) throws(OutOfMemory) -> UnsafeMutableBufferPointer<UInt64> {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<UInt64>.stride)
    guard !overflow else { throw OutOfMemory(bytes: Int.max) }
    let address = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    guard let address, address != MAP_FAILED else { throw OutOfMemory(bytes: bytes) }
    return UnsafeMutableBufferPointer(start: address.bindMemory(to: UInt64.self, capacity: count), count: count)
  }

  private static func unmap(_ slots: UnsafeMutableBufferPointer<UInt64>) {
    munmap(slots.baseAddress, slots.count * MemoryLayout<UInt64>.stride)
  }

  /// The murmur3 finaliser: every bit of the key moves every bit of the result.
  @inline(__always)
  private static func mix(_ key: UInt64) -> UInt64 {
    var mixed = key
    mixed ^= mixed >> 33
    mixed &*= 0xff51_afd7_ed55_8ccd
    mixed ^= mixed >> 33
    mixed &*= 0xc4ce_b9fe_1a85_ec53
    mixed ^= mixed >> 33
    return mixed
  }

  /// The shard of a mixed key: its top bits.
  @inline(__always)
  private static func shard(_ mixed: UInt64) -> Int { Int(mixed >> UInt64(64 - shardBits)) }

  /// The key's first slot in its shard: the mixed key without the shard bits, mapped onto
  /// `0..<capacity` by a multiply-high, so any capacity works.
  @inline(__always)
  private static func home(_ mixed: UInt64, _ capacity: Int) -> Int {
    Int((mixed << UInt64(shardBits)).multipliedFullWidth(by: UInt64(capacity)).high)
  }
}
