/// Reusable buffers for ``PatternTable/longest(in:stems:at:scratch:)``, so matching
/// allocates nothing per token. `found` holds the patterns of the last match.
struct MatchScratch: ~Copyable {
  var found = UnsafeList<Int32>()
  var frontier = UnsafeList<Int32>()
  var next = UnsafeList<Int32>()
}
