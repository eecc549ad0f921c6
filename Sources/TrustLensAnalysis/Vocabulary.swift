#if canImport(Glibc)
import Glibc  // memcmp
#elseif canImport(Darwin)
import Darwin
#endif

/// Word ids and a trie of stems: the lexicon's words compiled for fast matching.
///
/// Every exact word of every pattern and rule gets a small integer id, so matching compares
/// integers, not strings. Stems (`betray*`) live in a byte trie over a 38-symbol alphabet
/// (a–z, 0–9, `'`, `-`); every known word's stems are also listed once, at ``seal()``.
/// - Complexity: id lookup is one hash of the token; stems of a known word are a table
///   read, of an unknown one O(token length).
struct Vocabulary: Sendable {
  private(set) var ids: [String: Int32] = [:]
  private(set) var count: Int32 = 0
  /// The same words in an open-addressing table keyed by their UTF-8 bytes (FNV-1a), for
  /// lookups without building a String; filled by ``seal()``.
  private var slots: [Slot] = []
  private var arena: [UInt8] = []

  /// One entry of the byte-keyed table: the word's id, where its bytes are in `arena`, and
  /// the high bits of its hash, compared before any byte.
  private struct Slot {
    var id: Int32 = -1
    var start: Int32 = 0
    var length: Int32 = 0
    var check: UInt32 = 0
  }
  /// Trie transitions, 38 per node; -1 where there is none. Node 0 is the root.
  private var transitions: [Int32] = [Int32](repeating: -1, count: 38)
  /// The stem id ending at each node, or -1.
  private var terminal: [Int32] = [-1]
  private(set) var stemCount: Int32 = 0
  /// Stems using characters outside the trie's alphabet, checked by string prefix.
  private var otherStems: [(String, Int32)] = []
  /// Every known word's stems, found once by ``seal()``: word `w`'s are
  /// `wordStems[wordStemStart[w]..<wordStemStart[w + 1]]`, so a known word needs no trie walk.
  private var wordStemStart: [Int32] = [0]
  private var wordStems: [Int32] = []

  mutating func intern(_ word: String) -> Int32 {
    if let id = ids[word] { return id }
    ids[word] = count
    count += 1
    return count - 1
  }

  @inline(__always)
  func id(_ word: String) -> Int32? { ids[word] }

  /// Builds the byte-keyed table; call after the last `intern`.
  mutating func seal() {
    var capacity = 16
    while capacity < Int(count) * 2 { capacity <<= 1 }
    slots = [Slot](repeating: Slot(), count: capacity)
    arena = []
    wordStemStart = [0]
    wordStems = []
    for (word, id) in ids.sorted(by: { $0.value < $1.value }) {
      let hash = Vocabulary.hash(word.utf8)
      let entry = Slot(id: id, start: Int32(arena.count), length: Int32(word.utf8.count), check: UInt32(hash >> 32))
      arena.append(contentsOf: word.utf8)
      var slot = Int(hash & UInt64(capacity - 1))
      while slots[slot].id >= 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = entry
      Array(word.utf8).withUnsafeBufferPointer { stems(of: $0, into: &wordStems) }
      wordStemStart.append(Int32(wordStems.count))
    }
  }

  /// Appends the stems of the known word `id` (see ``stems(of:into:)``).
  @inline(__always)
  func appendStems(ofWord id: Int32, to stems: inout [Int32]) {
    let start = Int(wordStemStart[Int(id)]), end = Int(wordStemStart[Int(id) + 1])
    for index in start..<end { stems.append(wordStems[index]) }
  }

  /// Appends the id of every stem that is a prefix of `word` (lower-cased UTF-8), shortest
  /// first.
  func stems(of word: UnsafeBufferPointer<UInt8>, into stems: inout [Int32]) {
    var node: Int32 = 0
    for byte in word {
      node = stemStep(from: node, byte: byte)
      guard node >= 0 else { break }
      if stem(at: node) >= 0 { stems.append(stem(at: node)) }
    }
    if hasOtherStems { otherStems(of: word, into: &stems) }
  }

  static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

  /// One FNV-1a step; a word's hash is ``finish(_:)`` of the steps over its bytes.
  @inline(__always)
  static func hashStep(_ value: UInt64, _ byte: UInt8) -> UInt64 { (value ^ UInt64(byte)) &* 0x100_0000_01b3 }

  @inline(__always)
  static func finish(_ value: UInt64) -> UInt64 { value ^ (value >> 29) }

  static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 { finish(bytes.reduce(hashSeed, hashStep)) }

  /// The id of the word spelled by `bytes`, or -1.
  func id(bytes: ArraySlice<UInt8>) -> Int32 {
    bytes.withUnsafeBufferPointer { id(hash: Vocabulary.hash($0), bytes: $0) }
  }

  /// The id of the word spelled by `bytes` whose ``hash(_:)`` is `hash`, or -1.
  @inline(__always)
  func id(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    guard !slots.isEmpty else { return -1 }
    let mask = slots.count - 1
    let check = UInt32(hash >> 32)
    var slot = Int(hash & UInt64(mask))
    while true {
      let entry = slots[slot]
      if entry.id < 0 { return -1 }
      if entry.check == check, Int(entry.length) == bytes.count {
        let same = arena.withUnsafeBufferPointer { arena in
          bytes.isEmpty || memcmp(arena.baseAddress! + Int(entry.start), bytes.baseAddress!, bytes.count) == 0
        }
        if same { return entry.id }
      }
      slot = (slot + 1) & mask
    }
  }

  static func symbol(_ byte: UInt8) -> Int {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a"))
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return 26 + Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "'"): return 36
    case UInt8(ascii: "-"): return 37
    default: return -1
    }
  }

  /// The id of a stem, adding it to the trie when new.
  mutating func internStem(_ stem: String) -> Int32 {
    let bytes = Array(stem.utf8)
    guard bytes.allSatisfy({ Vocabulary.symbol($0) >= 0 }) else {
      if let existing = otherStems.first(where: { $0.0 == stem }) { return existing.1 }
      otherStems.append((stem, stemCount))
      stemCount += 1
      return stemCount - 1
    }
    var node = 0
    for byte in bytes {
      let slot = node * 38 + Vocabulary.symbol(byte)
      if transitions[slot] < 0 {
        transitions[slot] = Int32(terminal.count)
        terminal.append(-1)
        transitions.append(contentsOf: repeatElement(-1, count: 38))
      }
      node = Int(transitions[slot])
    }
    if terminal[node] < 0 {
      terminal[node] = stemCount
      stemCount += 1
    }
    return terminal[node]
  }

  /// The stem-trie node after `node` reads `byte` (node 0 is the root), or -1 when no stem
  /// continues that way.
  @inline(__always)
  func stemStep(from node: Int32, byte: UInt8) -> Int32 {
    let symbol = Vocabulary.symbol(byte)
    return symbol < 0 ? -1 : transitions[Int(node) * 38 + symbol]
  }

  /// The id of the stem ending at a trie node, or -1.
  @inline(__always)
  func stem(at node: Int32) -> Int32 { terminal[Int(node)] }

  /// Whether some stem uses characters outside the trie's alphabet.
  var hasOtherStems: Bool { !otherStems.isEmpty }

  /// Appends the id of every stem outside the trie's alphabet that is a prefix of `word`.
  func otherStems(of word: UnsafeBufferPointer<UInt8>, into stems: inout [Int32]) {
    let text = String(decoding: word, as: UTF8.self)
    for (stem, id) in otherStems where text.hasPrefix(stem) { stems.append(id) }
  }
}
