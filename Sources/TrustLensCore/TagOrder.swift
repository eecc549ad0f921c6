/// Taxonomy order for built-in tags; custom categories after them, by name.
package enum TagOrder {
  package static func sorted(_ tags: some Sequence<String>) -> [String] {
    // Each tag ranked once, not once per comparison.
    tags.map { (rank: rank($0), tag: $0) }
      .sorted { lhs, rhs in lhs.rank != rhs.rank ? lhs.rank < rhs.rank : lhs.tag < rhs.tag }
      .map(\.tag)
  }

  static func rank(_ tag: String) -> Int {
    if let index = Taxonomy.emotions.firstIndex(of: tag) { return index }
    if let index = Taxonomy.themes.firstIndex(of: tag) { return 100 + index }
    return 1000
  }
}
