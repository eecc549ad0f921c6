/// A lexicon pattern: one or more words, each matched exactly or, ending in `*`, as a prefix.
struct Pattern: Hashable, Sendable {
  enum Word: Hashable, Sendable {
    case exact(String)
    case prefix(String)
  }

  let words: [Word]

  /// Parses `went behind my back`, `betray*`; `nil` for an empty pattern or a bare `*`.
  init?(_ text: String) {
    var words: [Word] = []
    for part in text.lowercased().split(separator: " ") {
      let normalized = Tokenizer.normalizeApostrophes(String(part))
      if normalized.hasSuffix("*") {
        let stem = String(normalized.dropLast())
        guard !stem.isEmpty, !stem.contains("*") else { return nil }
        words.append(.prefix(stem))
      } else {
        guard !normalized.contains("*") else { return nil }
        words.append(.exact(normalized))
      }
    }
    guard !words.isEmpty else { return nil }
    self.words = words
  }

  /// The pattern as word codes: an exact word's id (≥ 0), or −(stem id + 1) for a prefix.
  func codes(_ vocabulary: inout Vocabulary) -> [Int32] {
    words.map { word in
      switch word {
      case .exact(let text): return vocabulary.intern(text)
      case .prefix(let stem): return -vocabulary.internStem(stem) - 1
      }
    }
  }
}

/// Compiled patterns indexed by their first word, for longest-first matching over tokens.
///
/// Flat storage (one code array with offsets; heads as dictionaries of index ranges) so the
/// hot loop touches no nested arrays.
/// - Complexity: a lookup at one position costs the candidates sharing the token's id or one
///   of its stems, each compared by integers.
struct PatternTable<Value: Sendable>: Sendable {
  private var codes: [Int32] = []
  /// Start of each pattern in `codes`; pattern i is `codes[offsets[i]..<offsets[i + 1]]`.
  private var offsets: [Int32] = [0]
  private(set) var values: [Value] = []
  private var pending: [(first: Int32, index: Int32)] = []
  /// Per word id and per stem id, the range of `heads` holding its patterns (empty if none).
  private var byWord: [Range<Int32>] = []
  private var byStem: [Range<Int32>] = []
  /// Pattern indices grouped by first code (ranges in `byWord` / `byStem` point here).
  private var heads: [Int32] = []

  mutating func insert(_ pattern: [Int32], _ value: Value) {
    let index = Int32(values.count)
    codes.append(contentsOf: pattern)
    offsets.append(Int32(codes.count))
    values.append(value)
    pending.append((pattern[0], index))
  }

  /// Groups the patterns by first code; call once after the last insert, with the sizes of
  /// the vocabulary and the stem list.
  mutating func seal(words: Int, stems: Int) {
    var groups: [Int32: [Int32]] = [:]
    var order: [Int32] = []
    for (first, index) in pending {
      if groups[first] == nil { order.append(first) }
      groups[first, default: []].append(index)
    }
    heads = []
    byWord = [Range<Int32>](repeating: 0..<0, count: words)
    byStem = [Range<Int32>](repeating: 0..<0, count: stems)
    for first in order {
      let start = Int32(heads.count)
      heads.append(contentsOf: groups[first]!)
      let range = start..<Int32(heads.count)
      if first >= 0 { byWord[Int(first)] = range } else { byStem[Int(-first - 1)] = range }
    }
  }

  /// The longest patterns matching the tokens at `position` (all of that length, exact-word
  /// heads before stem heads), or length 0. A match never runs across a sentence end.
  func longest(in tokens: [Token], stems: [Int32], at position: Int, into found: inout [Int32]) -> Int {
    found.removeAll(keepingCapacity: true)
    let token = tokens[position]
    var best = 0
    codes.withUnsafeBufferPointer { codes in
      offsets.withUnsafeBufferPointer { offsets in
        heads.withUnsafeBufferPointer { heads in
          tokens.withUnsafeBufferPointer { tokens in
            stems.withUnsafeBufferPointer { stems in
              func consider(_ range: Range<Int32>) {
                for h in range {
                  let index = heads[Int(h)]
                  let start = Int(offsets[Int(index)]), length = Int(offsets[Int(index) + 1]) - start
                  guard length >= best, position + length <= tokens.count,
                    tokens[position].sentence == tokens[position + length - 1].sentence
                  else { continue }
                  var ok = true
                  var offset = 1
                  while offset < length {
                    if !PatternTable.matches(codes[start + offset], tokens[position + offset], stems) {
                      ok = false
                      break
                    }
                    offset += 1
                  }
                  guard ok else { continue }
                  if length > best {
                    best = length
                    found.removeAll(keepingCapacity: true)
                  }
                  found.append(index)
                }
              }
              if token.id >= 0, Int(token.id) < byWord.count { consider(byWord[Int(token.id)]) }
              if token.stemCount > 0 {
                for s in Int(token.stemStart)..<Int(token.stemStart) + Int(token.stemCount) where Int(stems[s]) < byStem.count {
                  consider(byStem[Int(stems[s])])
                }
              }
            }
          }
        }
      }
    }
    return best
  }

  @inline(__always)
  static func matches(_ code: Int32, _ token: Token, _ stems: UnsafeBufferPointer<Int32>) -> Bool {
    if code >= 0 { return token.id == code }
    let stem = -code - 1
    var s = Int(token.stemStart)
    let end = s + Int(token.stemCount)
    while s < end {
      if stems[s] == stem { return true }
      s += 1
    }
    return false
  }
}
