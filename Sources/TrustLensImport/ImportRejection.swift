/// Why a record was rejected, as its reject line words it.
struct ImportRejection: Error {
  let reason: String
}
