/// Compiled patterns in a trie over word codes, for longest-first matching over tokens.
///
/// The root is indexed directly by word id and stem id; deeper nodes keep their children in
/// flat sorted arrays (exact words scanned, or for a node with many children looked up in a
/// hash table; stems scanned). Walking the tokens forward visits only prefixes that exist,
/// so a common first word with hundreds of patterns costs no more than the words that
/// follow it.
/// - Complexity: O(match length × branching through stems) per position.
struct PatternTable<Value: Sendable>: Sendable {
  private(set) var values: [Value] = []
  private var patterns: [[Int32]] = []

  // The sealed trie (node 0 is the root).
  private var rootByWord: [Int32] = []
  private var rootByStem: [Int32] = []
  /// Where each node's children and terminals start, one record per node plus an end
  /// sentinel: node `n`'s ranges run from `starts[n]` to `starts[n + 1]`. One record keeps
  /// the offsets a step reads in one cache line (the walk is bound by memory latency).
  private struct NodeStarts {
    var exact: Int32
    var stem: Int32
    var terminal: Int32
  }
  private var starts: [NodeStarts] = []
  /// Exact-word children in `exactCodes`/`exactNodes`, a node's children side by side.
  private var exactCodes: [Int32] = []
  private var exactNodes: [Int32] = []
  /// Exact children of nodes with more than ``scanLimit`` of them, by (node, word) key.
  private var wideKeys: [UInt64] = []
  private var wideNodes: [Int32] = []
  private static var scanLimit: Int { 8 }
  /// Stem children in `stemCodes`/`stemNodes`.
  private var stemCodes: [Int32] = []
  private var stemNodes: [Int32] = []
  /// The patterns ending at each node.
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
    starts = [NodeStarts(exact: 0, stem: 0, terminal: 0)]
    exactCodes = []
    exactNodes = []
    stemCodes = []
    stemNodes = []
    terminals = []
    var wide: [(key: UInt64, node: Int32)] = []
    for node in children.indices {
      let exact = children[node].filter { $0.key >= 0 }
      for (code, child) in children[node].sorted(by: { $0.key < $1.key }) {
        if code >= 0 {
          exactCodes.append(code)
          exactNodes.append(child)
          if exact.count > Self.scanLimit { wide.append((Self.wideKey(node, code), child)) }
        } else {
          stemCodes.append(-code - 1)
          stemNodes.append(child)
        }
      }
      terminals.append(contentsOf: ends[node])
      starts.append(NodeStarts(exact: Int32(exactCodes.count), stem: Int32(stemCodes.count), terminal: Int32(terminals.count)))
    }
    var capacity = 16
    while capacity < wide.count * 2 { capacity <<= 1 }
    wideKeys = [UInt64](repeating: .max, count: capacity)
    wideNodes = [Int32](repeating: -1, count: capacity)
    for (key, child) in wide {
      var slot = Self.slot(key, capacity)
      while wideKeys[slot] != .max { slot = (slot + 1) & (capacity - 1) }
      wideKeys[slot] = key
      wideNodes[slot] = child
    }
    patterns = []
  }

  @inline(__always)
  private static func wideKey(_ node: Int, _ word: Int32) -> UInt64 { UInt64(node) << 32 | UInt64(UInt32(word)) }

  @inline(__always)
  private static func slot(_ key: UInt64, _ capacity: Int) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & (capacity - 1) }

  /// The child of `node` reached by the exact word `word`, or -1.
  @inline(__always)
  private func exactChild(of node: Int, word: Int32) -> Int32 {
    let start = Int(starts[node].exact), end = Int(starts[node + 1].exact)
    if end - start <= Self.scanLimit {
      for index in start..<end where exactCodes[index] == word { return exactNodes[index] }
      return -1
    }
    let key = Self.wideKey(node, word)
    var slot = Self.slot(key, wideKeys.count)
    while true {
      let stored = wideKeys[slot]
      if stored == key { return wideNodes[slot] }
      if stored == .max { return -1 }
      slot = (slot + 1) & (wideKeys.count - 1)
    }
  }

  /// Whether some pattern can start at `token`: false for most tokens, so callers skip
  /// ``longest(in:stems:at:scratch:)`` cheaply.
  @inline(__always)
  func mayStart(with token: Token, stems: UnsafeBufferPointer<Int32>) -> Bool {
    if token.id >= 0 && Int(token.id) < rootByWord.count && rootByWord[Int(token.id)] >= 0 { return true }
    for s in Int(token.stemStart)..<Int(token.stemStart) + Int(token.stemCount) {
      let stem = Int(stems[s])
      if stem < rootByStem.count && rootByStem[stem] >= 0 { return true }
    }
    return false
  }

  /// ``longest(in:stems:at:scratch:)`` when one node starts the walk: follows exact words
  /// only, without a frontier. Returns nil (having changed nothing) where a stem child could
  /// branch the walk, so the caller takes the general path.
  @inline(__always)
  private func walkSinglePath(
    from start: Int32, in tokens: UnsafeBufferPointer<Token>, at position: Int, into found: inout UnsafeList<Int32>
  ) -> Int? {
    let sentence = tokens[position].sentence
    var node = Int(start), depth = 1
    var best = 0, bestNode = -1
    while true {
      if starts[node].terminal < starts[node + 1].terminal {
        best = depth
        bestNode = node
      }
      let index = position + depth
      guard index < tokens.count, tokens[index].sentence == sentence else { break }
      let current = tokens[index]
      if current.stemCount > 0 && starts[node].stem < starts[node + 1].stem { return nil }
      guard current.id >= 0 else { break }
      let child = exactChild(of: node, word: current.id)
      guard child >= 0 else { break }
      node = Int(child)
      depth += 1
    }
    found.removeAll()
    if bestNode >= 0 {
      // A node's terminals are in load order already.
      for t in Int(starts[bestNode].terminal)..<Int(starts[bestNode + 1].terminal) { found.append(terminals[t]) }
    }
    return best
  }

  /// The longest patterns matching the tokens at `position`, put in `scratch.found` (all of
  /// that length, in load order); returns their length, or 0. A match never runs across a
  /// sentence end.
  ///
  /// Loops run over indices, not iterators or slices, so no array is retained per token.
  func longest(
    in tokens: UnsafeBufferPointer<Token>, stems: UnsafeBufferPointer<Int32>, at position: Int,
    scratch: inout MatchScratch
  ) -> Int {
    let token = tokens[position]
    guard mayStart(with: token, stems: stems) else { return 0 }
    let wordRoot: Int32 = token.id >= 0 && Int(token.id) < rootByWord.count ? rootByWord[Int(token.id)] : -1
    scratch.frontier.removeAll()
    if wordRoot >= 0 { scratch.frontier.append(wordRoot) }
    for s in Int(token.stemStart)..<Int(token.stemStart) + Int(token.stemCount) where Int(stems[s]) < rootByStem.count {
      let node = rootByStem[Int(stems[s])]
      if node >= 0 { scratch.frontier.append(node) }
    }
    if scratch.frontier.count == 1,
      let length = walkSinglePath(from: scratch.frontier[0], in: tokens, at: position, into: &scratch.found)
    {
      return length
    }
    scratch.found.removeAll()
    var best = 0
    var depth = 1
    while !scratch.frontier.isEmpty {
      var any = false
      for f in 0..<scratch.frontier.count {
        let node = Int(scratch.frontier[f])
        let first = Int(starts[node].terminal), end = Int(starts[node + 1].terminal)
        guard first < end else { continue }
        if !any {
          any = true
          if depth > best {
            best = depth
            scratch.found.removeAll()
          }
        }
        for t in first..<end { scratch.found.append(terminals[t]) }
      }
      let index = position + depth
      guard index < tokens.count, tokens[index].sentence == token.sentence else { break }
      let current = tokens[index]
      scratch.next.removeAll()
      for f in 0..<scratch.frontier.count {
        let node = Int(scratch.frontier[f])
        if current.id >= 0 {
          let child = exactChild(of: node, word: current.id)
          if child >= 0 { scratch.next.append(child) }
        }
        if current.stemCount > 0 {
          for c in Int(starts[node].stem)..<Int(starts[node + 1].stem) {
            for s in Int(current.stemStart)..<Int(current.stemStart) + Int(current.stemCount) where stems[s] == stemCodes[c] {
              scratch.next.append(stemNodes[c])
            }
          }
        }
      }
      scratch.frontier.exchange(with: &scratch.next)
      depth += 1
    }
    if scratch.found.count > 1 { scratch.found.sort() }
    return best
  }
}
