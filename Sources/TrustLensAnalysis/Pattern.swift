/// A lexicon pattern: one or more words, each matched exactly or, ending in `*`, as a prefix.
struct Pattern: Hashable, Sendable {
  enum Word: Hashable, Sendable {
    case exact(String)
    case prefix(String)

    func matches(_ token: String) -> Bool {
      switch self {
      case .exact(let word): return token == word
      case .prefix(let stem): return token.hasPrefix(stem)
      }
    }
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
}

/// Patterns indexed by their first word, for longest-first matching over tokens.
///
/// - Complexity: a lookup at one position costs one dictionary probe per prefix length of
///   the token plus the candidates' lengths.
struct PatternIndex<Value: Sendable>: Sendable {
  private var exact: [String: [(Pattern, Value)]] = [:]
  private var prefixed: [String: [(Pattern, Value)]] = [:]
  private var longestStem = 0

  mutating func insert(_ pattern: Pattern, _ value: Value) {
    switch pattern.words[0] {
    case .exact(let word): exact[word, default: []].append((pattern, value))
    case .prefix(let stem):
      prefixed[stem, default: []].append((pattern, value))
      longestStem = max(longestStem, stem.count)
    }
  }

  var isEmpty: Bool { exact.isEmpty && prefixed.isEmpty }

  /// Every pattern that matches the tokens starting at `position`, with its length in tokens.
  func matches(in tokens: [Token], at position: Int) -> [(length: Int, value: Value)] {
    let first = tokens[position].text
    var found: [(Int, Value)] = []
    func consider(_ candidates: [(Pattern, Value)]?) {
      for (pattern, value) in candidates ?? [] {
        let length = pattern.words.count
        guard position + length <= tokens.count else { continue }
        var ok = true
        for offset in 1..<max(length, 1) where !pattern.words[offset].matches(tokens[position + offset].text) {
          ok = false
          break
        }
        if ok, Self.sameClauseRun(tokens, from: position, length: length) { found.append((length, value)) }
      }
    }
    consider(exact[first])
    if !prefixed.isEmpty {
      var stem = ""
      for character in first.prefix(longestStem) {
        stem.append(character)
        consider(prefixed[stem])
      }
    }
    return found
  }

  /// A multiword match may not run across a sentence end.
  private static func sameClauseRun(_ tokens: [Token], from position: Int, length: Int) -> Bool {
    tokens[position].sentence == tokens[position + length - 1].sentence
  }
}
