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
/// - Complexity: a lookup at one position costs the candidates sharing the token's id or one
///   of its stems, each compared by integers.
struct PatternTable<Value: Sendable>: Sendable {
  private(set) var codes: [[Int32]] = []
  private(set) var values: [Value] = []
  private var byWord: [Int32: [Int32]] = [:]
  private var byStem: [Int32: [Int32]] = [:]

  mutating func insert(_ pattern: [Int32], _ value: Value) {
    let index = Int32(codes.count)
    codes.append(pattern)
    values.append(value)
    if pattern[0] >= 0 { byWord[pattern[0], default: []].append(index) } else { byStem[-pattern[0] - 1, default: []].append(index) }
  }

  /// The longest patterns matching the tokens at `position` (all of that length), or
  /// length 0. A match never runs across a sentence end.
  func longest(in tokens: [Token], stems: [Int32], at position: Int) -> (length: Int, matches: [Int32]) {
    var best = 0
    var found: [Int32] = []
    func consider(_ candidates: [Int32]?) {
      guard let candidates else { return }
      for index in candidates {
        let pattern = codes[Int(index)]
        let length = pattern.count
        guard length >= best, position + length <= tokens.count,
          tokens[position].sentence == tokens[position + length - 1].sentence
        else { continue }
        var ok = true
        for offset in 1..<max(length, 1) where !PatternTable.matches(pattern[offset], tokens[position + offset], stems) {
          ok = false
          break
        }
        guard ok else { continue }
        if length > best {
          best = length
          found.removeAll(keepingCapacity: true)
        }
        found.append(index)
      }
    }
    let token = tokens[position]
    if token.id >= 0 { consider(byWord[token.id]) }
    if token.stemCount > 0 {
      for s in Int(token.stemStart)..<Int(token.stemStart) + Int(token.stemCount) { consider(byStem[stems[s]]) }
    }
    return (best, found)
  }

  @inline(__always)
  static func matches(_ code: Int32, _ token: Token, _ stems: [Int32]) -> Bool {
    if code >= 0 { return token.id == code }
    let stem = -code - 1
    for s in Int(token.stemStart)..<Int(token.stemStart) + Int(token.stemCount) where stems[s] == stem { return true }
    return false
  }
}
