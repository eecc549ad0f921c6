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
  /// The keys of the last object ``fields(of:)`` read and, per member, the field it fills (nil:
  /// outranked). Lines of one file mostly repeat their keys in one order; such a line is
  /// placed by this plan instead of being resolved key by key.
  private var lastKeys: [String] = []
  private var lastPlan: [String?] = []
  /// Per field two or more keys of the last object named, their members, preferred first: a
  /// blank preferred value gives way to the next (`"subject": ""` beside `"client": "erin"`).
  private var lastFallbacks: [(field: String, members: [Int])] = []
  /// Fields two different names filled in one object, not yet told (see ``takeClashes()``),
  /// and those told.
  private var clashes: [(field: String, known: Bool, read: String, ignored: String)] = []
  private var toldClashes: Set<String> = []

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
    if !members.elementsEqual(lastKeys, by: { $0.key == $1 }) {
      switch plan(for: members) {
      case .success(let plan): (lastKeys, lastPlan) = (members.map(\.key), plan)
      case .failure(let rejection): return .failure(rejection)
      }
      lastFallbacks = fallbacks(for: members)
    }
    var fields: [String: FieldValue] = [:]
    fields.reserveCapacity(members.count)
    for (member, field) in zip(members, lastPlan) {
      if let field { fields[field] = member.value }
    }
    for fallback in lastFallbacks where fields[fallback.field]?.isBlank ?? true {
      if let next = fallback.members.first(where: { !members[$0].value.isBlank }) { fields[fallback.field] = members[next].value }
    }
    return .success(fields)
  }

  /// The fields that two or more different keys of `members` name, with those members in the
  /// order ``plan(for:)`` prefers them (lower rank, then the later).
  private func fallbacks(for members: [(key: String, value: FieldValue)]) -> [(field: String, members: [Int])] {
    var byField: [String: [(rank: Int, index: Int)]] = [:]
    for (index, member) in members.enumerated() {
      let resolution = resolve(member.key)
      byField[resolution.key, default: []].append((resolution.rank, index))
    }
    return byField.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map { field, entries in
      (field, entries.sorted { ($0.rank, -$0.index) < ($1.rank, -$1.index) }.map(\.index))
    }
  }

  /// Per member, the field it fills, or nil when a later spelling or a preferred name of the
  /// same field wins (see ``fields(of:)``).
  private func plan(for members: [(key: String, value: FieldValue)]) -> Result<[String?], ImportRejection> {
    var plan: [String?] = []
    plan.reserveCapacity(members.count)
    var winners: [String: (rank: Int, raw: String, member: Int)] = [:]
    for (index, key) in members.lazy.map(\.key).enumerated() {
      let resolution = resolve(key)
      plan.append(nil)
      if let earlier = winners[resolution.key] {
        if earlier.raw != key && earlier.raw.lowercased() == key.lowercased() {
          return .failure(ImportRejection(reason: FieldResolver.caseClash(members, key)))
        }
        let earlierWins = earlier.raw != key && earlier.rank < resolution.rank
        if earlier.raw != key, toldClashes.insert(resolution.key + "\u{0}" + earlier.raw + "\u{0}" + key).inserted {
          clashes.append((resolution.key, resolution.known, earlierWins ? earlier.raw : key, earlierWins ? key : earlier.raw))
        }
        if earlierWins { continue }
        plan[earlier.member] = nil
      }
      winners[resolution.key] = (resolution.rank, key, index)
      plan[index] = resolution.key
    }
    return .success(plan)
  }

  /// The notices for fields two names of one object filled since the last call, once per
  /// pair of names and file: `keys "text" and "note" both name the text; "text" is read …` (the
  /// other value was left out, which must not pass unsaid).
  func takeClashes() -> [String] {
    defer { clashes.removeAll() }
    return clashes.map { clash in
      let named = clash.known ? clash.field : "key \"\(Excerpt.clean(clash.field))\""
      let read = Excerpt.clean(clash.read), other = Excerpt.clean(clash.ignored)
      return "keys \"\(read)\" and \"\(other)\" both name the \(named); \"\(read)\" is read, \"\(other)\" only where \"\(read)\" is blank "
        + "(choose with columns:)"
    }
  }

  /// `keys "TEXT", "Text" and "text" differ only in case`.
  private static func caseClash(_ members: [(key: String, value: FieldValue)], _ key: String) -> String {
    let name = key.lowercased()
    let spellings = Set(members.lazy.map(\.key).filter { $0.lowercased() == name }).sorted().map { "\"\(Excerpt.clean($0))\"" }
    let listed = spellings.dropLast().joined(separator: ", ") + " and " + spellings.last!
    return "keys \(listed) differ only in case"
  }
}
