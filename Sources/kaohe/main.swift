import Foundation
import KaoheKit

// kaohe: forwards the command line to KaoheKit and prints what it returns.
let output = KaoheCLI.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(output.stdout.utf8))
FileHandle.standardError.write(Data(output.stderr.utf8))
exit(output.exitCode)
