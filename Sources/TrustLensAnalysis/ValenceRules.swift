/// The rules that changed a valence word's score.
struct ValenceRules: OptionSet {
  let rawValue: UInt8
  static let negation = ValenceRules(rawValue: 1 << 0)
  static let intensifier = ValenceRules(rawValue: 1 << 1)
  static let softener = ValenceRules(rawValue: 1 << 2)
  static let past = ValenceRules(rawValue: 1 << 3)
  static let emphasis = ValenceRules(rawValue: 1 << 4)
  static let beforeContrast = ValenceRules(rawValue: 1 << 5)
  static let afterContrast = ValenceRules(rawValue: 1 << 6)

  var names: [String] {
    [
      (ValenceRules.negation, "negation"), (.intensifier, "intensifier"), (.softener, "softener"), (.past, "past"),
      (.emphasis, "emphasis"), (.beforeContrast, "before contrast"), (.afterContrast, "after contrast"),
    ].filter { contains($0.0) }.map(\.1)
  }
}
