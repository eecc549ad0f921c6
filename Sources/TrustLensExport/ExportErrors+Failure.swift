import TrustLensCore

extension XlsxError: TrustLensFailure {}
extension Templates.TemplateError: TrustLensFailure {}
