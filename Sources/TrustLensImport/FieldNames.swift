import TrustLensCore

/// The fields TrustLens knows and the column names (and JSON keys) each is read from.
///
/// Names are compared folded: lower case, a trailing bracketed part dropped, and only letters
/// and digits kept — `Self Care`, `self-care` and `self_care` are one name, and so are
/// `Trust (0-10)` and `trust`. A file's own names can be mapped to fields with `columns:`
/// (``ColumnMapping``). The README's "Input formats" table lists every alias.
enum FieldNames {
  static let text = "text"
  static let date = "date"
  static let time = "time"
  static let title = "title"
  static let subject = "subject"
  static let id = "id"
  static let author = "author"
  static let tags = "tags"
  static let held = "held"
  static let ratings = Rating.names
  static let counters = ["commitments_made", "commitments_kept"]

  /// Every field and its aliases (folded), best first: when two columns of a file name the
  /// same field, the one earlier in its list is read.
  static let aliases: [(field: String, names: [String])] = [
    (text, ["text", "entry", "body", "content", "journal", "journalentry", "entrytext", "diary", "message", "notes", "note"]),
    (date, ["date", "datetime", "timestamp", "created", "createdat", "creationdate", "entrydate", "fulldate", "day", "when"]),
    (time, ["time", "entrytime"]),
    (title, ["title", "notetitle", "heading"]),
    (subject, ["subject", "client", "clientid", "subjectid"]),
    (id, ["id", "uuid", "entryid", "recordid"]),
    (author, ["author", "writer", "writtenby"]),
    (tags, ["tags", "tag", "labels", "keywords", "activities"]),
    (held, ["held", "checkinheld", "tookplace", "happened"]),
    ("trust", ["trust", "trustlevel", "trustrating", "trustscore"]),
    ("communication", ["communication", "communicationrating", "communicationscore"]),
    ("safety", ["safety", "safetyrating", "feelingsafe"]),
    ("self_care", ["selfcare", "selfcarerating"]),
    ("mood", ["mood", "moodrating", "moodscore"]),
    ("commitments_made", ["commitmentsmade", "promisesmade"]),
    ("commitments_kept", ["commitmentskept", "promiseskept"]),
  ]

  /// Every known field name (the targets `columns:` accepts).
  static let fields: [String] = aliases.map(\.field)

  /// Fields that are never metrics, whatever they hold.
  static let nonMetric: Set<String> = [text, date, time, title, subject, id, author, tags, held]

  /// Folded alias → (field, rank among the field's aliases).
  private static let byAlias: [String: (field: String, rank: Int)] = {
    var table: [String: (String, Int)] = [:]
    for (field, names) in aliases {
      for (rank, name) in names.enumerated() { table[name] = (field, rank) }
    }
    return table
  }()

  /// The known field a name stands for, with its rank (lower is preferred), or `nil`.
  static func field(for name: String) -> (field: String, rank: Int)? {
    byAlias[fold(name)]
  }

  /// The field a `columns:` key names (`self-care` → `self_care`), or `nil`.
  static func mappingTarget(_ name: String) -> String? {
    let folded = fold(name)
    return fields.first { fold($0) == folded }
  }

  /// True when these (resolved) field names describe check-ins rather than journal entries.
  static func looksLikeCheckIns(_ names: some Sequence<String>) -> Bool {
    names.contains { $0 == held || ratings.contains($0) || counters.contains($0) }
  }

  /// A name folded for comparison: lower case, a trailing `(…)` or `[…]` dropped, letters
  /// and digits only.
  static func fold(_ name: String) -> String {
    var scalars = Substring(name).unicodeScalars[...]
    if let last = scalars.last(where: { !$0.properties.isWhitespace }), last == ")" || last == "]",
      let open = scalars.lastIndex(of: last == ")" ? "(" : "["), open != scalars.startIndex
    {
      let before = scalars[..<open]
      if before.contains(where: { $0.properties.isAlphabetic }) { scalars = before }
    }
    var folded = ""
    for scalar in scalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
      folded.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }
    return folded
  }
}
