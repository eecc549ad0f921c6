/// Taxonomy order for built-in tags; custom categories after them, by name.
package enum TagOrder {
  package static func sorted(_ tags: some Sequence<String>) -> [String] {
    // Each tag ranked once, not once per comparison.
    tags.map { (rank: rank($0), tag: $0) }.sorted(by: precedes).map(\.tag)
  }

  /// The order of two ranked tags: by ``rank(_:)``, then by name.
  package static func precedes(_ lhs: (rank: Int, tag: String), _ rhs: (rank: Int, tag: String)) -> Bool {
    lhs.rank != rhs.rank ? lhs.rank < rhs.rank : lhs.tag < rhs.tag
  }

  /// The position of `tag` in the order: emotions, then themes, then custom tags (1000).
  package static func rank(_ tag: String) -> Int { ranks[tag] ?? 1000 }

  private static let ranks: [String: Int] = Dictionary(
    uniqueKeysWithValues: Taxonomy.emotions.enumerated().map { ($0.element, $0.offset) }
      + Taxonomy.themes.enumerated().map { ($0.element, 100 + $0.offset) })
}
