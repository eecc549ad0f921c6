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

/// Reusable buffers for ``PatternTable/longest(in:stems:at:into:scratch:)``, so matching
/// allocates nothing per token.
struct MatchScratch {
  var frontier: [Int32] = []
  var next: [Int32] = []

  init() {
    frontier.reserveCapacity(8)
    next.reserveCapacity(8)
  }
}

/// Compiled patterns in a trie over word codes, for longest-first matching over tokens.
///
/// The root is indexed directly by word id and stem id; deeper nodes keep their children in
/// flat sorted arrays (exact words searched by binary search, stems scanned). Walking the
/// tokens forward visits only prefixes that exist, so a common first word with hundreds of
/// patterns costs no more than the words that follow it.
/// - Complexity: O(match length × branching through stems) per position.
struct PatternTable<Value: Sendable>: Sendable {
  private(set) var values: [Value] = []
  private var patterns: [[Int32]] = []

  // The sealed trie (node 0 is the root).
  private var rootByWord: [Int32] = []
  private var rootByStem: [Int32] = []
  /// Per node: range of its exact-word children in `exactCodes`/`exactNodes` (sorted by code).
  private var exactStart: [Int32] = []
  private var exactCodes: [Int32] = []
  private var exactNodes: [Int32] = []
  /// Per node: range of its stem children in `stemCodes`/`stemNodes`.
  private var stemStart: [Int32] = []
  private var stemCodes: [Int32] = []
  private var stemNodes: [Int32] = []
  /// Per node: range of the patterns ending there in `terminals`.
  private var terminalStart: [Int32] = []
  private var terminals: [Int32] = []

  mutating func insert(_ pattern: [Int32], _ value: Value) {
    patterns.append(pattern)
    values.append(value)
  }

  /// Builds the trie; call once after the last insert, with the sizes of the vocabulary and
  /// the stem list.
  mutating func seal(words: Int, stems: Int) {
    // Build with dictionaries, then flatten.
    var children: [[Int32: Int32]] = [[:]]
    var ends: [[Int32]] = [[]]
    for (index, pattern) in patterns.enumerated() {
      var node: Int32 = 0
      for code in pattern {
        if let next = children[Int(node)][code] {
          node = next
        } else {
          let next = Int32(children.count)
          children.append([:])
          ends.append([])
          children[Int(node)][code] = next
          node = next
        }
      }
      ends[Int(node)].append(Int32(index))
    }
    rootByWord = [Int32](repeating: -1, count: words)
    rootByStem = [Int32](repeating: -1, count: stems)
    for (code, node) in children[0] {
      if code >= 0 { rootByWord[Int(code)] = node } else { rootByStem[Int(-code - 1)] = node }
    }
    exactStart = [0]
    stemStart = [0]
    terminalStart = [0]
    exactCodes = []
    exactNodes = []
    stemCodes = []
    stemNodes = []
    terminals = []
    for node in children.indices {
      for (code, child) in children[node].sorted(by: { $0.key < $1.key }) {
        if code >= 0 {
          exactCodes.append(code)
          exactNodes.append(child)
        } else {
          stemCodes.append(-code - 1)
          stemNodes.append(child)
        }
      }
      exactStart.append(Int32(exactCodes.count))
      stemStart.append(Int32(stemCodes.count))
      terminals.append(contentsOf: ends[node])
      terminalStart.append(Int32(terminals.count))
    }
    patterns = []
  }

  /// Whether some pattern can start at `token`: false for most tokens, so callers skip
  /// ``longest(in:stems:at:into:scratch:)`` cheaply.
  @inline(__always)
  func mayStart(with token: Token) -> Bool {
    token.stemCount > 0 || (token.id >= 0 && Int(token.id) < rootByWord.count && rootByWord[Int(token.id)] >= 0)
  }

  /// The longest patterns matching the tokens at `position` (all of that length, in load
  /// order), or length 0. A match never runs across a sentence end.
  ///
  /// Loops run over indices, not iterators or slices, so no array is retained per token.
  func longest(
    in tokens: UnsafeBufferPointer<Token>, stems: UnsafeBufferPointer<Int32>, at position: Int,
    into found: inout [Int32], scratch: inout MatchScratch
  ) -> Int {
    let token = tokens[position]
    guard mayStart(with: token) else { return 0 }
    let wordRoot: Int32 = token.id >= 0 && Int(token.id) < rootByWord.count ? rootByWord[Int(token.id)] : -1
    found.removeAll(keepingCapacity: true)
    scratch.frontier.removeAll(keepingCapacity: true)
    if wordRoot >= 0 { scratch.frontier.append(wordRoot) }
    for s in Int(token.stemStart)..<Int(token.stemStart) + Int(token.stemCount) where Int(stems[s]) < rootByStem.count {
      let node = rootByStem[Int(stems[s])]
      if node >= 0 { scratch.frontier.append(node) }
    }
    var best = 0
    var depth = 1
    while !scratch.frontier.isEmpty {
      var any = false
      for f in 0..<scratch.frontier.count {
        let node = Int(scratch.frontier[f])
        let first = Int(terminalStart[node]), end = Int(terminalStart[node + 1])
        guard first < end else { continue }
        if !any {
          any = true
          if depth > best {
            best = depth
            found.removeAll(keepingCapacity: true)
          }
        }
        for t in first..<end { found.append(terminals[t]) }
      }
      let index = position + depth
      guard index < tokens.count, tokens[index].sentence == token.sentence else { break }
      let current = tokens[index]
      scratch.next.removeAll(keepingCapacity: true)
      for f in 0..<scratch.frontier.count {
        let node = Int(scratch.frontier[f])
        if current.id >= 0 {
          var low = Int(exactStart[node]), high = Int(exactStart[node + 1])
          let end = high
          while low < high {
            let mid = (low + high) >> 1
            if exactCodes[mid] < current.id { low = mid + 1 } else { high = mid }
          }
          if low < end, exactCodes[low] == current.id { scratch.next.append(exactNodes[low]) }
        }
        if current.stemCount > 0 {
          for c in Int(stemStart[node])..<Int(stemStart[node + 1]) {
            for s in Int(current.stemStart)..<Int(current.stemStart) + Int(current.stemCount) where stems[s] == stemCodes[c] {
              scratch.next.append(stemNodes[c])
            }
          }
        }
      }
      swap(&scratch.frontier, &scratch.next)
      depth += 1
    }
    if found.count > 1 { found.sort() }
    return best
  }
}
