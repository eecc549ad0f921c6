/// Decides which field each column (or JSON key) of an input is read as: the input's own
/// ``ColumnMapping`` first, then the default aliases of ``FieldNames``; any other name is
/// kept lower-cased (an extra metric when numeric, else passthrough).
///
/// Decisions are cached by name, so a JSON Lines file pays for folding a key once, not once
/// per line.
final class FieldResolver {
  /// What a name is read as.
  struct Resolution: Equatable {
    /// The field name, or the lower-cased name of a column that is no known field.
    let key: String
    /// Whether `key` is a known field.
    let known: Bool
    /// Among names of the same field, the lower is preferred (a mapped column is -1).
    let rank: Int
  }

  private let mapped: [String: String]  // folded column name → field
  private let mappedFields: Set<String>
  private var cache: [String: Resolution] = [:]

  init(mapping: ColumnMapping) {
    var mapped: [String: String] = [:]
    for (field, column) in mapping.columns { mapped[FieldNames.fold(column)] = field }
    self.mapped = mapped
    self.mappedFields = Set(mapping.columns.keys)
  }

  /// The columns a mapping names that `names` (a header) does not hold: `field → column`.
  func missingMappedColumns(in names: [String], mapping: ColumnMapping) -> [(field: String, column: String)] {
    let present = Set(names.map(FieldNames.fold))
    return mapping.columns.sorted { $0.key < $1.key }.filter { !present.contains(FieldNames.fold($0.value)) }
      .map { ($0.key, $0.value) }
  }

  func resolve(_ name: String) -> Resolution {
    if let cached = cache[name] { return cached }
    let resolution: Resolution
    let folded = FieldNames.fold(name)
    if let field = mapped[folded] {
      resolution = Resolution(key: field, known: true, rank: -1)
    } else if let (field, rank) = FieldNames.field(for: name), !mappedFields.contains(field) {
      resolution = Resolution(key: field, known: true, rank: rank)
    } else {
      resolution = Resolution(key: name.trimmed().lowercased(), known: false, rank: 0)
    }
    if cache.count < 4096 { cache[name] = resolution }
    return resolution
  }

  /// The fields of one JSON object under their resolved names, or the reason they cannot be:
  /// two keys that differ only in case (`Text` and `text`) would make the choice between
  /// them arbitrary. Of a key repeated in one spelling, the last counts, as JSON parsers do;
  /// of two names of one field (`text` and `note`), the preferred one.
  func fields(of members: [(key: String, value: FieldValue)]) -> Result<[String: FieldValue], ImportRejection> {
    var fields: [String: FieldValue] = [:]
    fields.reserveCapacity(members.count)
    var ranks: [String: (rank: Int, raw: String)] = [:]
    for (key, value) in members {
      let resolution = resolve(key)
      if let earlier = ranks[resolution.key] {
        if earlier.raw != key && earlier.raw.lowercased() == key.lowercased() {
          return .failure(ImportRejection(reason: FieldResolver.caseClash(members, key)))
        }
        if earlier.raw != key && earlier.rank < resolution.rank { continue }
      }
      ranks[resolution.key] = (resolution.rank, key)
      fields[resolution.key] = value
    }
    return .success(fields)
  }

  /// `keys "TEXT", "Text" and "text" differ only in case`.
  private static func caseClash(_ members: [(key: String, value: FieldValue)], _ key: String) -> String {
    let name = key.lowercased()
    let spellings = Set(members.lazy.map(\.key).filter { $0.lowercased() == name }).sorted().map { "\"\(Excerpt.clean($0))\"" }
    let listed = spellings.dropLast().joined(separator: ", ") + " and " + spellings.last!
    return "keys \(listed) differ only in case"
  }
}
