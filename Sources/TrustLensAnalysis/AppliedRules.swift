/// The rules that changed a match, in the order they are applied and reported.
struct AppliedRules: OptionSet {
  let rawValue: UInt8
  static let negation = AppliedRules(rawValue: 1 << 0)
  static let past = AppliedRules(rawValue: 1 << 1)
  static let intensifier = AppliedRules(rawValue: 1 << 2)
  static let softener = AppliedRules(rawValue: 1 << 3)
  static let hedge = AppliedRules(rawValue: 1 << 4)
  static let emphasis = AppliedRules(rawValue: 1 << 5)
  static let all: AppliedRules = [.negation, .past, .intensifier, .softener, .hedge, .emphasis]

  /// The names evidence shows, in application order.
  var names: [String] {
    [
      (AppliedRules.negation, "negation"), (.past, "past"), (.intensifier, "intensifier"), (.softener, "softener"),
      (.hedge, "hedge"), (.emphasis, "emphasis"),
    ].filter { contains($0.0) }.map(\.1)
  }
}
