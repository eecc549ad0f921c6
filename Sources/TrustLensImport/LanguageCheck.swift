/// A cheap guess whether a text is English, so a run can say once that the built-in lexicon
/// (which reads English) had texts it cannot read.
///
/// The check looks at the first ``sampleBytes`` bytes of a text and counts the share of its
/// words that are common English function words ("the", "and", "I", "was", …). English
/// prose runs at 35–50%; other languages, even with shared words ("in", "so", "was"), stay
/// well below ``englishShare``. Texts of fewer than ``minimumWords`` words are not judged.
/// The word list is part of the method (like the month names of the date parser), not a
/// lexicon: a custom lexicon does not change it.
struct LanguageCheck {
  static let sampleBytes = 240
  static let minimumWords = 8
  /// At or above this share of function words a text counts as English.
  static let englishShare = 0.15
  /// A file's first texts are all checked; after these, one in ``sampleEvery``.
  static let checkedInFull = 256
  static let sampleEvery = 16

  /// The verdict on one text: `nil` when too short to judge.
  static func looksEnglish(_ text: String) -> Bool? {
    var words = 0, function = 0
    var packed: UInt64 = 0
    var length = 0
    var ascii = true
    func endWord() {
      if length > 0 {
        words += 1
        if ascii && length <= 7 && FunctionWords.contains(packed) { function += 1 }
      }
      packed = 0
      length = 0
      ascii = true
    }
    var seen = 0
    for byte in text.utf8 {
      seen += 1
      if seen > sampleBytes { break }
      let lower = byte | 0x20
      if lower >= 97 && lower <= 122 {
        if length < 8 { packed = packed << 8 | UInt64(lower) }
        length += 1
      } else if byte >= 0x80 {
        ascii = false  // a letter of another script or an accented one: part of the word
        length += 1
      } else if byte == UInt8(ascii: "'") && length > 0 {
        endWord()  // "don't" → "don" + "t": both ends are ordinary words
      } else {
        endWord()
      }
    }
    if seen <= sampleBytes { endWord() }
    guard words >= minimumWords else { return nil }
    return Double(function) / Double(words) >= englishShare
  }

  /// The function words, packed (up to seven lower-case ASCII letters in a `UInt64`) in an
  /// open-addressing table, so a lookup is a multiply and a compare or two.
  private enum FunctionWords {
    static let list = """
      a about after again all also am an and any are as at be because been before but by can could did do \
      does dont for from get go got had has have he her him his how i if im in into is it its just like me \
      more my no not now of on one only or our out over so some than that the their them then there they \
      this to too up us very was we were what when which who will with would you your
      """
    static let table: [UInt64] = {
      var table = [UInt64](repeating: 0, count: 512)
      for word in list.split(separator: " ") {
        let packed = word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var slot = index(packed)
        while table[slot] != 0 { slot = (slot + 1) & 511 }
        table[slot] = packed
      }
      return table
    }()

    static func index(_ packed: UInt64) -> Int { Int((packed &* 0x9E37_79B9_7F4A_7C15) >> 55) }

    static func contains(_ packed: UInt64) -> Bool {
      var slot = index(packed)
      while true {
        let value = table[slot]
        if value == packed { return true }
        if value == 0 { return false }
        slot = (slot + 1) & 511
      }
    }
  }
}
