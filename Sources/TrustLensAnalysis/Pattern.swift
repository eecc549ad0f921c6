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
    // Split on space bytes: a split on the character " " walks grapheme clusters.
    for part in text.lowercased().utf8.split(separator: UInt8(ascii: " ")) {
      let normalized = Tokenizer.normalizeApostrophes(String(Substring(part)))
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
