import Foundation
import Testing
import KaoheKit
import KaoheCLI

/// The bulletin's issuing office and issue number come from `assessment.json5` (`office`,
/// `docNumber` with `{year}` and `{month}`), and default to the regulation's office and
/// `2025年第1期` when not given.
@Suite struct BulletinMastheadTests {
    func bulletin(manifest: String) throws -> CommandOutput {
        try BadInputTests.withTemporaryFolder { root in
            let folder = try BadInputCase(baseAs: "masthead").materialise(in: root)
            try manifest.write(to: folder.appendingPathComponent("assessment.json5"), atomically: true, encoding: .utf8)
            return KaoheCLI.run(["bulletin", folder.path, "--month", "1", "--format", "html"])
        }
    }

    @Test func officeAndNumberFromTheManifest() throws {
        let output = try bulletin(manifest: """
            {year: 2025, title: "测试年度", criteria: "../_criteria/mini.json5",
             office: "青山区政务公开办公室", docNumber: "青政公开〔{year}〕{month}号"}
            """)
        #expect(output.exitCode == 0, "\(output.stderr)")
        #expect(output.stdout.contains("<span class=\"mast-issuer\">青山区政务公开办公室</span>"))
        #expect(output.stdout.contains("<p class=\"mast-issue\">青政公开〔2025〕1号</p>"))
    }

    @Test func defaultsWithoutThem() throws {
        let output = try bulletin(manifest: "{year: 2025, title: \"测试年度\", criteria: \"../_criteria/mini.json5\"}")
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("<span class=\"mast-issuer\">政务公开工作领导小组办公室</span>"))
        #expect(output.stdout.contains("<p class=\"mast-issue\">2025年第1期</p>"))
    }
}
