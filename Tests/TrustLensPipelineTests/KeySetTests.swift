import Testing
@testable import TrustLensPipeline

/// `KeySet` against `Set<UInt64>` on the same keys: through several growths of every shard,
/// with the key 0 and with repeats.
struct KeySetTests {
  @Test func agreesWithSetThroughGrowth() throws {
    let keys = KeySet(capacity: 16)
    var reference = Set<UInt64>()
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for index in 0..<200_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      // Every fifth key repeats an earlier one; a few are 0 and small numbers.
      let key = index % 5 == 4 ? reference.first! : (index % 997 == 0 ? UInt64(index % 3) : state)
      let inserted = try keys.insert(key), expected = reference.insert(key).inserted
      #expect(inserted == expected)
    }
    #expect(keys.count == reference.count)
    for key in reference { #expect(keys.contains(key)) }
    for probe in 1...1000 as ClosedRange<UInt64> where !reference.contains(probe &* 0xDEAD_BEEF) {
      #expect(!keys.contains(probe &* 0xDEAD_BEEF))
    }
  }

  @Test func zeroIsAKeyLikeAnyOther() throws {
    let keys = KeySet()
    #expect(!keys.contains(0))
    #expect(!keys.contains(42), "a shard with no table yet holds nothing")
    let first = try keys.insert(0), second = try keys.insert(0)
    #expect(first)
    #expect(!second)
    #expect(keys.contains(0))
    #expect(keys.count == 1)
  }
}

/// A table the system gives no memory for is an error, not a crash (the review's one
/// `fatalError`).
struct KeySetMemoryTests {
  @Test func aTableTooLargeToMapThrows() {
    for capacity in [1 << 50, Int.max] {
      let keys = KeySet(capacity: capacity)
      #expect(throws: KeySet.OutOfMemory.self) { try keys.insert(7) }
      #expect(keys.count == 0 && !keys.contains(7), "a failed insert leaves the set as it was")
    }
  }
}
