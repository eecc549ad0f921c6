/// One token of an analysed text: a word, a number, an emoji or an emoticon.
struct Token: Sendable {
  /// Normalised form: lower case, straight apostrophes, apostrophe-less contractions
  /// restored (`dont` → `don't`), letter runs of three or more shortened.
  var text: String
  /// Unicode-scalar offsets of the token in the original text, half-open.
  var start: Int
  var end: Int
  /// 0-based sentence index.
  var sentence: Int
  /// 0-based clause index across the whole text; a clause ends at `, ; : — ( )`, at a
  /// sentence end and before a contrast or clause word.
  var clause: Int
  /// Written in capitals (two letters or more), as emphasis.
  var isShouted: Bool
  /// A word (letters or digits) rather than an emoji or emoticon.
  var isWord: Bool
}

/// Facts about one sentence that rules need.
struct SentenceInfo: Sendable {
  var exclamations = 0
  var isQuestion = false
}

/// Splits messy real text into tokens and sentences.
///
/// Handles curly and straight apostrophes, contractions with and without apostrophes, case,
/// accents (letters of any script are word characters), emoji and emoticons, repeated
/// letters and punctuation, list markers and Markdown remnants (`#`, `*`, `_`, `>` are
/// ignored). A sentence ends at `.`, `!`, `?` (runs count once) and at every line end.
struct Tokenizer: Sendable {
  let contractions: [String: String]
  /// Exact words the lexicons know; used to undo letter runs (`soooo` → `so`).
  let vocabulary: Set<String>
  /// Words before which a new clause starts (`but`, `and`, …).
  let clauseWords: Set<String>

  static let emoticons: [String] = [
    ":-)", ":)", ":-(", ":(", ":-d", ":d", ";-)", ";)", ":'(", ":/", ":-/", ":p", ":-p", "<3",
    "</3", ":|", ":-|", ":o", "xd", "=)", "=(",
  ]

  func tokenize(_ text: String) -> (tokens: [Token], sentences: [SentenceInfo]) {
    let scalars = Array(text.unicodeScalars)
    var tokens: [Token] = []
    var sentences = [SentenceInfo()]
    var sentence = 0
    var clause = 0
    var index = 0
    var sentenceHasContent = false

    func endSentence() {
      guard sentenceHasContent else { return }
      sentence += 1
      clause += 1
      sentences.append(SentenceInfo())
      sentenceHasContent = false
    }

    while index < scalars.count {
      let scalar = scalars[index]
      if Tokenizer.isWordScalar(scalar) {
        var end = index + 1
        while end < scalars.count {
          let next = scalars[end]
          if Tokenizer.isWordScalar(next) {
            end += 1
          } else if Tokenizer.isJoiner(next), end + 1 < scalars.count,
            Tokenizer.isWordScalar(scalars[end + 1])
          {
            end += 2
          } else {
            break
          }
        }
        let raw = String(String.UnicodeScalarView(scalars[index..<end]))
        let normalized = normalize(raw)
        if clauseWords.contains(normalized), sentenceHasContent { clause += 1 }
        let letters = raw.unicodeScalars.filter { $0.properties.isAlphabetic }
        let shouted = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
        tokens.append(
          Token(
            text: normalized, start: index, end: end, sentence: sentence, clause: clause,
            isShouted: shouted, isWord: true))
        sentenceHasContent = true
        index = end
        continue
      }
      if let emoticon = emoticon(in: scalars, at: index) {
        tokens.append(
          Token(
            text: emoticon.text, start: index, end: index + emoticon.length, sentence: sentence,
            clause: clause, isShouted: false, isWord: false))
        sentenceHasContent = true
        index += emoticon.length
        continue
      }
      if scalar.properties.isEmojiPresentation
        || (scalar.properties.isEmoji && scalar.value > 0x2000 && !scalar.properties.isASCIIHexDigit)
      {
        tokens.append(
          Token(
            text: String(scalar), start: index, end: index + 1, sentence: sentence, clause: clause,
            isShouted: false, isWord: false))
        sentenceHasContent = true
        index += 1
        continue
      }
      switch scalar {
      case "!":
        sentences[sentence].exclamations += 1
        if !(index + 1 < scalars.count && "!?".unicodeScalars.contains(scalars[index + 1])) { endSentence() }
      case "?":
        sentences[sentence].isQuestion = true
        if !(index + 1 < scalars.count && "!?".unicodeScalars.contains(scalars[index + 1])) { endSentence() }
      case ".", "…":
        let nextIsWord = index + 1 < scalars.count && Tokenizer.isWordScalar(scalars[index + 1])
        if !nextIsWord { endSentence() }
      case "\n", "\r", "\u{2028}", "\u{2029}":
        endSentence()
      case ",", ";", ":", "(", ")", "—", "–", "\"", "“", "”":
        clause += 1
      case "-" where index + 1 < scalars.count && scalars[index + 1] == " ":
        clause += 1
      default:
        break
      }
      index += 1
    }
    if !sentenceHasContent && sentences.count > 1 { sentences.removeLast() }
    return (tokens, sentences)
  }

  /// Lower case, straight apostrophes, contractions, letter runs.
  private func normalize(_ raw: String) -> String {
    var word = Tokenizer.normalizeApostrophes(raw.lowercased())
    if let long = Tokenizer.shortenRuns(word) {
      word = long.twoLetters
      if !vocabulary.contains(word), vocabulary.contains(long.oneLetter) { word = long.oneLetter }
    }
    return contractions[word] ?? word
  }

  private func emoticon(in scalars: [Unicode.Scalar], at index: Int) -> (text: String, length: Int)? {
    let first = scalars[index]
    guard ":;<=x".unicodeScalars.contains(first) || first == "X" else { return nil }
    for candidate in Tokenizer.emoticons {
      let count = candidate.unicodeScalars.count
      guard index + count <= scalars.count else { continue }
      let slice = String(String.UnicodeScalarView(scalars[index..<index + count])).lowercased()
      guard slice == candidate else { continue }
      // An emoticon must stand alone: not glued to a following letter (":desk").
      if index + count < scalars.count, Tokenizer.isWordScalar(scalars[index + count]) { continue }
      if candidate == "xd", index > 0, Tokenizer.isWordScalar(scalars[index - 1]) { continue }
      return (candidate, count)
    }
    return nil
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
  }

  /// Apostrophes and hyphens join two word parts (`don't`, `self-care`).
  static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "'", "’", "‘", "ʼ", "-", "‐": return true
    default: return false
    }
  }

  static func normalizeApostrophes(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "’" || $0 == "‘" || $0 == "ʼ" || $0 == "‐" }) else {
      return text
    }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "’", "‘", "ʼ": result.unicodeScalars.append("'")
      case "‐": result.unicodeScalars.append("-")
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Runs of three or more equal letters shortened to two and to one; `nil` when none.
  static func shortenRuns(_ word: String) -> (twoLetters: String, oneLetter: String)? {
    let characters = Array(word)
    var two = "", one = ""
    var changed = false
    var index = 0
    while index < characters.count {
      var end = index + 1
      while end < characters.count, characters[end] == characters[index] { end += 1 }
      let run = end - index
      if run >= 3 && characters[index].isLetter {
        changed = true
        two.append(characters[index])
        two.append(characters[index])
        one.append(characters[index])
      } else {
        for _ in 0..<run {
          two.append(characters[index])
          one.append(characters[index])
        }
      }
      index = end
    }
    return changed ? (two, one) : nil
  }
}
