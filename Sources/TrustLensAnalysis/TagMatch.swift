/// One tag match after the rules ran: a tag id, the tokens it covers and its weight.
struct TagMatch {
  var tag: Int32
  var first: Int32
  var last: Int32
  var weight: Double
  var rules: AppliedRules
}
