import KaoheModel

extension ChecksFile {
    /// The check log's diagnostics: listed up to ``ChecksFile/maxDiagnostics``, errors first.
    typealias Limited = DiagnosticList
}
