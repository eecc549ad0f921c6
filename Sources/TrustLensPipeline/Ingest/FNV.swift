import TrustLensCore

/// A stable 64-bit hash (Swift's `Hasher` is seeded per process) over parts each ended by a
/// separator byte (0xff, which UTF-8 never contains): FNV-1a, except that a string's bytes
/// are taken eight at a time, each word multiplied in and folded, because whole journal
/// texts go through it (a byte at a time cost half a second of the reading thread per
/// million entries).
struct FNV {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func mix(_ part: String) {
    var part = part
    value = part.withUTF8 { bytes in
      var value = self.value
      var offset = 0
      if let base = bytes.baseAddress {
        while offset + 8 <= bytes.count {
          let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
          value = (value ^ word) &* 0x9e37_79b9_7f4a_7c15
          value ^= value >> 32
          offset += 8
        }
      }
      while offset < bytes.count {
        value = (value ^ UInt64(bytes[offset])) &* 0x100_0000_01b3
        offset += 1
      }
      return (value ^ 0xff) &* 0x100_0000_01b3
    }
  }

  /// A date by its fields, without formatting it: equal exactly when the dates print the
  /// same (a time without an offset counts as UTC, a day alone has no offset).
  mutating func mix(_ date: RecordDate) {
    let time = date.secondsOfDay ?? -1, offset = date.secondsOfDay == nil ? 0 : date.utcOffsetSeconds ?? 0
    for field in [date.day.year, date.day.month, date.day.day, time, offset] {
      var word = UInt64(bitPattern: Int64(field))
      for _ in 0..<8 {
        value = (value ^ (word & 0xff)) &* 0x100_0000_01b3
        word >>= 8
      }
    }
    value = (value ^ 0xff) &* 0x100_0000_01b3
  }

  static func hash(_ parts: [String]) -> UInt64 {
    var hash = FNV()
    for part in parts { hash.mix(part) }
    return hash.value
  }
}
