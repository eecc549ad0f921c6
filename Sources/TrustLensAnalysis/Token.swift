/// One token of an analysed text: a word, a number, an emoji or an emoticon.
///
/// Offsets and indices are 32-bit to keep a token small (37 bytes, a stride of 40): the
/// analyzer reads at most ``Tokenizer/maximumBytes`` of a text. (`classes` comes before the
/// one-byte fields so they pack without padding between them.)
struct Token: Sendable {
  /// The id of the normalised token in the lexicon's vocabulary, or -1 when unknown.
  /// Normalised: lower case, straight apostrophes, apostrophe-less contractions restored
  /// (`dont` → `don't`), letter runs of three or more shortened.
  var id: Int32
  /// The token's stems (prefix patterns it matches): `stemCount` ids from `stemStart` in
  /// ``TokenizedText/stems``.
  var stemStart: Int32
  /// Unicode-scalar offsets of the token in the original text, half-open.
  var start: Int32
  var end: Int32
  /// UTF-8 offsets of the token in the original text, half-open.
  var byteStart: Int32
  var byteEnd: Int32
  /// 0-based sentence index.
  var sentence: Int32
  /// 0-based clause index across the whole text; a clause ends at `, ; : — ( )`, at a
  /// sentence end and before a contrast or clause word.
  var clause: Int32
  /// The rule word classes of the token's word (negator, contrast, modifier end, …).
  var classes: CompiledLexicon.WordClass
  var stemCount: UInt8
  /// Written in capitals (two letters or more), as emphasis.
  var isShouted: Bool
  /// The kinds of rule modifier whose words end at this token, all in its clause (`a bit`
  /// at `bit`); set by ``Analyzer/markModifierEnds(_:)`` after tokenizing.
  var modifierEnds: CompiledLexicon.ModifierKinds = []
}
