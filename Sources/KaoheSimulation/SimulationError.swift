import KaoheModel
import KaoheLoad

/// A change that cannot be simulated: it names something the data or criteria do not have,
/// is written the wrong way, or leaves the criteria inconsistent. The command line reports it
/// as a usage error (exit 2).
package struct SimulationError: Error, Sendable, Equatable {
    /// What is wrong and how to write the change instead.
    package var message: LocalizedText

    package init(zh: String, en: String) { message = LocalizedText(zh: zh, en: en) }
}
