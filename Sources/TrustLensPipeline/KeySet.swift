/// A set of 64-bit keys (the hashes duplicate detection remembers), smaller than
/// `Set<UInt64>`: open addressing filled to 85% and grown by half, where `Set` keeps a power
/// of two at most 75% full and doubles. With two keys per record this is most of what a
/// run's memory grows by with the number of records (1M records: ~20 MB instead of ~32 MB,
/// and ~33 MB instead of ~48 MB while growing).
struct KeySet {
  /// Slots; 0 marks an empty one (the key 0 itself is kept in `hasZero`).
  private var slots: [UInt64]
  private var hasZero = false
  private(set) var count = 0

  init(capacity: Int = 1024) {
    slots = [UInt64](repeating: 0, count: max(capacity, 16))
  }

  func contains(_ key: UInt64) -> Bool {
    if key == 0 { return hasZero }
    var slot = KeySet.home(key, slots.count)
    while true {
      let stored = slots[slot]
      if stored == key { return true }
      if stored == 0 { return false }
      slot = slot + 1 == slots.count ? 0 : slot + 1
    }
  }

  /// Adds `key`; returns false when it was there already.
  @discardableResult
  mutating func insert(_ key: UInt64) -> Bool {
    if key == 0 {
      defer { hasZero = true }
      if !hasZero { count += 1 }
      return !hasZero
    }
    if (count + 1) * 100 > slots.count * 85 { grow() }
    guard KeySet.place(key, in: &slots) else { return false }
    count += 1
    return true
  }

  private mutating func grow() {
    var larger = [UInt64](repeating: 0, count: slots.count + slots.count / 2)
    for key in slots where key != 0 { KeySet.place(key, in: &larger) }
    slots = larger
  }

  /// Puts `key` in its probe sequence; false when it is already there.
  @discardableResult
  private static func place(_ key: UInt64, in slots: inout [UInt64]) -> Bool {
    var slot = home(key, slots.count)
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

  /// The key's first slot: the key mixed (the murmur3 finaliser), then mapped onto
  /// `0..<capacity` by a multiply-high, so any capacity works.
  @inline(__always)
  private static func home(_ key: UInt64, _ capacity: Int) -> Int {
    var mixed = key
    mixed ^= mixed >> 33
    mixed &*= 0xff51_afd7_ed55_8ccd
    mixed ^= mixed >> 33
    mixed &*= 0xc4ce_b9fe_1a85_ec53
    mixed ^= mixed >> 33
    return Int(mixed.multipliedFullWidth(by: UInt64(capacity)).high)
  }
}
