/// Word ids and a trie of stems: the lexicon's words compiled for fast matching.
///
/// Every exact word of every pattern and rule gets a small integer id, so matching compares
/// integers, not strings. Stems (`betray*`) live in a byte trie over a 38-symbol alphabet
/// (a–z, 0–9, `'`, `-`), walked once per token.
/// - Complexity: id lookup is one hash of the token; stem lookup is O(token length).
struct Vocabulary: Sendable {
  private(set) var ids: [String: Int32] = [:]
  private(set) var count: Int32 = 0
  /// Trie transitions, 38 per node; -1 where there is none. Node 0 is the root.
  private var transitions: [Int32] = [Int32](repeating: -1, count: 38)
  /// The stem id ending at each node, or -1.
  private var terminal: [Int32] = [-1]
  private(set) var stemCount: Int32 = 0
  /// Stems using characters outside the trie's alphabet, checked by string prefix.
  private var otherStems: [(String, Int32)] = []

  mutating func intern(_ word: String) -> Int32 {
    if let id = ids[word] { return id }
    ids[word] = count
    count += 1
    return count - 1
  }

  @inline(__always)
  func id(_ word: String) -> Int32? { ids[word] }

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

  /// Appends the id of every stem that is a prefix of `word` (lower-cased UTF-8) to `stems`.
  func stems(of word: UnsafeBufferPointer<UInt8>, into stems: inout [Int32]) {
    var node = 0
    for byte in word {
      let symbol = Vocabulary.symbol(byte)
      guard symbol >= 0 else { break }
      let next = transitions[node * 38 + symbol]
      guard next >= 0 else { break }
      node = Int(next)
      if terminal[node] >= 0 { stems.append(terminal[node]) }
    }
    if !otherStems.isEmpty {
      let text = String(decoding: word, as: UTF8.self)
      for (stem, id) in otherStems where text.hasPrefix(stem) { stems.append(id) }
    }
  }
}
